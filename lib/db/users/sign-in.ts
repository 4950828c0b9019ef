import "server-only";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { accountKey, addressKey, decideRateLimit, normaliseEmail, SIGN_IN_RATE_LIMIT } from "@/lib/auth/rate-limit";
import type { Role } from "@/lib/auth/permissions";
import { twoFactorRequired } from "@/lib/auth/two-factor-policy";
import { RateLimitedError, SecondFactorError } from "@/lib/errors";
import { countRecentAttempts, recordAttempts } from "./attempts";
import { recordAudit } from "../audit";
import { prisma } from "../prisma";
import { verifySecondFactor } from "./two-factor";

export interface SessionUser {
  userId: string;
  firmId: string;
  email: string;
  name: string;
  role: Role;
  teamIds: string[];
}

/**
 * Checks an email and password, then the second factor when the account has one. Returns the
 * session user, or null for any password failure (unknown email, wrong password, deactivated
 * account) so callers cannot tell them apart. Throws RateLimitedError when the account or the
 * client address has failed too often; SecondFactorError("required") when the password was
 * right and a code is needed, ("invalid") when the code was wrong, used or replayed — which
 * counts as a failed attempt like a wrong password.
 */
export async function authenticate(rawEmail: string, password: string, address: string, now = new Date(), code?: string): Promise<SessionUser | null> {
  const email = normaliseEmail(rawEmail);
  const keys = { account: accountKey(email), address: addressKey(address) };
  const decision = decideRateLimit(await countRecentAttempts(keys, SIGN_IN_RATE_LIMIT.windowMinutes, now, { failuresOnly: true }), now);
  if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);

  const user = await prisma().user.findFirst({
    where: { email: { equals: email, mode: "insensitive" } },
    include: { memberships: { select: { teamId: true } } },
  });
  const ok = user?.passwordHash && user.active ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  const actor = user ? { firmId: user.firmId, userId: user.id, userEmail: user.email } : null;

  if (!ok || !user || !actor) {
    await recordAttempts(keys, false);
    if (actor) await recordAudit(actor, { action: "auth.sign_in_failed", entityType: "user", entityId: actor.userId, ip: address });
    return null;
  }
  let secondFactor: string | undefined;
  if (user.totpEnabledAt) {
    // Nothing is recorded yet: the password step alone is neither a failure nor a sign-in.
    if (!code) throw new SecondFactorError("required");
    const factor = await verifySecondFactor(user, code, now, { during: "sign_in", ip: address });
    if (!factor.ok) {
      await recordAttempts(keys, false);
      throw new SecondFactorError("invalid");
    }
    secondFactor = factor.method;
  }
  await recordAttempts(keys, true);
  await recordAudit(actor, { action: "auth.sign_in", entityType: "user", entityId: user.id, ip: address, ...(secondFactor ? { metadata: { secondFactor } } : {}) });
  await prisma().user.update({ where: { firmId_id: { firmId: user.firmId, id: user.id } }, data: { lastSignInAt: now } });
  return {
    userId: user.id,
    firmId: user.firmId,
    email: user.email,
    name: user.name,
    role: user.role,
    teamIds: user.memberships.map((m) => m.teamId),
  };
}

export interface LoadedSessionUser extends SessionUser {
  /** The firm requires two-factor for this role and the user has not enrolled: only enrolment is open. */
  mustEnrolTwoFactor: boolean;
}

/**
 * The session's user as the database has them now: role and teams may have changed since the
 * token was issued, and a deactivated user loses access at once. `signedInAt` (milliseconds, from
 * the session token) revokes sessions older than the user's last password reset; a token without
 * it predates the reset machinery and is refused once the password was reset.
 */
export async function loadSessionUser(firmId: string, userId: string, signedInAt?: number): Promise<LoadedSessionUser | null> {
  const user = await prisma().user.findUnique({
    where: { firmId_id: { firmId, id: userId } },
    include: { memberships: { select: { teamId: true } }, firm: { select: { requireTwoFactor: true } } },
  });
  if (!user || !user.active) return null;
  if (user.passwordChangedAt && (signedInAt === undefined || signedInAt < user.passwordChangedAt.getTime())) return null;
  return {
    userId: user.id,
    firmId: user.firmId,
    email: user.email,
    name: user.name,
    role: user.role,
    teamIds: user.memberships.map((m) => m.teamId),
    mustEnrolTwoFactor: twoFactorRequired(user.role, user.firm.requireTwoFactor) && user.totpEnabledAt === null,
  };
}

/** Drops attempt rows older than a day: they no longer count towards any limit. */
export async function pruneSignInAttempts(now = new Date()): Promise<number> {
  const { count } = await prisma().signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  return count;
}
