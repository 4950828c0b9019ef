import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Permission } from "@/lib/auth/permissions";
import { can, type Scope } from "@/lib/auth/scope";
import { loadSessionUser, type LoadedSessionUser } from "@/lib/db/users/sign-in";
import { checkUserSession } from "@/lib/db/users/sessions";
import { authOptions } from "./auth-options";

export interface Viewer extends LoadedSessionUser {
  scope: Scope;
  /** This browser's session record. */
  sessionId: string;
}

/** Where a user whose firm requires two-factor goes until they have enrolled. */
export const TWO_FACTOR_ENROLMENT_PATH = "/settings/security";

/**
 * The signed-in user for this request, re-read from the database (role, teams and active flag
 * may have changed since sign-in). Null when signed out, deactivated, or when the session's
 * record was revoked (a token without one predates session records and is refused too).
 */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions);
  const { id, firmId, signedInAt, sessionId } = session?.user ?? {};
  if (!id || !firmId || !sessionId) return null;
  const [user, live] = await Promise.all([loadSessionUser(firmId, id, signedInAt), checkUserSession(firmId, id, sessionId)]);
  if (!user || !live) return null;
  return { ...user, sessionId, scope: { userId: user.userId, firmId: user.firmId, role: user.role, teamIds: user.teamIds } };
});

/**
 * For pages: the viewer, or a redirect to sign-in that comes back here afterwards. Someone who
 * must enrol in two-factor first is sent to the enrolment page from every other page; the
 * enrolment page itself and the app's layout pass `beforeTwoFactor` (the layout must not
 * redirect: a redirect thrown from a shared layout during client navigation loops in Next 16).
 */
export async function requireViewer(permission?: Permission, options: { beforeTwoFactor?: boolean } = {}): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) {
    const path = (await headers()).get("x-drawdesk-path") ?? "/";
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (viewer.mustEnrolTwoFactor && !options.beforeTwoFactor) redirect(TWO_FACTOR_ENROLMENT_PATH);
  if (permission && !can(viewer.scope, permission)) redirect("/forbidden");
  return viewer;
}
