import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Permission } from "@/lib/auth/permissions";
import { can, type Scope } from "@/lib/auth/scope";
import { loadSessionUser, type SessionUser } from "@/lib/db/users/sign-in";
import { authOptions } from "./auth-options";

export interface Viewer extends SessionUser {
  scope: Scope;
}

/**
 * The signed-in user for this request, re-read from the database (role, teams and active flag
 * may have changed since sign-in). Null when signed out or deactivated.
 */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const user = await loadSessionUser(session.user.firmId, session.user.id, session.user.signedInAt);
  if (!user) return null;
  return { ...user, scope: { userId: user.userId, firmId: user.firmId, role: user.role, teamIds: user.teamIds } };
});

/** For pages: the viewer, or a redirect to sign-in that comes back here afterwards. */
export async function requireViewer(permission?: Permission): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) {
    const path = (await headers()).get("x-drawdesk-path") ?? "/";
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (permission && !can(viewer.scope, permission)) redirect("/forbidden");
  return viewer;
}
