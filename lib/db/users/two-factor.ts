import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { accountKey, addressKey, decideRateLimit, SIGN_IN_RATE_LIMIT } from "@/lib/auth/rate-limit";
import { newRecoveryCodes, normaliseRecoveryCode } from "@/lib/auth/recovery-codes";
import type { Scope } from "@/lib/auth/scope";
import { openSecret, sealSecret } from "@/lib/auth/secret-box";
import { checkTotp, looksLikeTotp, newTotpSecret, totpUri } from "@/lib/auth/totp";
import { twoFactorRequired } from "@/lib/auth/two-factor-policy";
import { ConflictError, InvalidInputError, NotFoundError, RateLimitedError } from "@/lib/errors";
import { countRecentAttempts, recordAttempts } from "./attempts";
import { actorOf, recordAudit } from "../audit";
import { prisma } from "../prisma";

// The key that seals TOTP secrets comes from the app secret (lib/auth/secret-box.ts).
const appSecret = () => process.env.NEXTAUTH_SECRET ?? "";

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  /** Only while enrolling (secret made, not yet confirmed): shown once, never after. */
  pending: { secret: string; uri: string } | null;
  recoveryCodesLeft: number;
  requiredByFirm: boolean;
}

async function ownUser(scope: Scope) {
  const user = await prisma().user.findUnique({
    where: { firmId_id: { firmId: scope.firmId, id: scope.userId } },
    include: { firm: { select: { requireTwoFactor: true } } },
  });
  if (!user) throw new NotFoundError("User");
  return user;
}

export async function getTwoFactorStatus(scope: Scope): Promise<TwoFactorStatus> {
  const user = await ownUser(scope);
  const enabled = user.totpEnabledAt !== null;
  const secret = !enabled && user.totpSecret ? openSecret(user.totpSecret, appSecret()) : null;
  const recoveryCodesLeft = enabled ? await prisma().recoveryCode.count({ where: { firmId: scope.firmId, userId: scope.userId, usedAt: null } }) : 0;
  return {
    enabled,
    enabledAt: user.totpEnabledAt,
    pending: secret ? { secret, uri: totpUri(secret, user.email) } : null,
    recoveryCodesLeft,
    requiredByFirm: twoFactorRequired(user.role, user.firm.requireTwoFactor),
  };
}

/** Makes a new secret for the signed-in user (replacing an unconfirmed one); two-factor stays off until confirmed. */
export async function startTwoFactorEnrolment(scope: Scope): Promise<void> {
  const user = await ownUser(scope);
  if (user.totpEnabledAt) throw new ConflictError("Two-factor sign-in is already on.");
  await prisma().user.update({
    where: { firmId_id: { firmId: scope.firmId, id: scope.userId } },
    data: { totpSecret: sealSecret(newTotpSecret(), appSecret()), totpLastTimeStep: null },
  });
}

/**
 * Turns two-factor on once a code from the new authenticator matches, and returns the ten
 * recovery codes: the only time they exist in plain text.
 */
export async function confirmTwoFactorEnrolment(scope: Scope, code: string, now = new Date()): Promise<string[]> {
  const user = await ownUser(scope);
  if (user.totpEnabledAt) throw new ConflictError("Two-factor sign-in is already on.");
  const secret = user.totpSecret ? openSecret(user.totpSecret, appSecret()) : null;
  if (!secret) throw new ConflictError("Start the set-up again: no authenticator key is waiting for confirmation.");
  const check = await checkTotp(secret, code, now, null);
  if (!check.valid) {
    await recordAudit(actorOf(scope, user.email), { action: "auth.two_factor_failed", entityType: "user", entityId: user.id, metadata: { during: "enrolment", reason: check.reason } });
    throw new InvalidInputError("That code does not match. Check the time on your phone and try the current code.", [{ path: "code", message: "The code does not match." }]);
  }
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((c) => hashPassword(c)));
  await prisma().$transaction(async (tx) => {
    // Only the enrolment that is still pending wins: a second confirm in parallel changes nothing.
    const { count } = await tx.user.updateMany({
      where: { firmId: scope.firmId, id: scope.userId, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpEnabledAt: now, totpLastTimeStep: check.timeStep },
    });
    if (count !== 1) throw new ConflictError("Two-factor sign-in was changed meanwhile. Reload the page.");
    await tx.recoveryCode.deleteMany({ where: { firmId: scope.firmId, userId: scope.userId } });
    await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ firmId: scope.firmId, userId: scope.userId, codeHash })) });
    await recordAudit(actorOf(scope, user.email), { action: "auth.two_factor_enabled", entityType: "user", entityId: user.id }, tx);
  });
  return codes;
}

interface FactorOwner {
  firmId: string;
  id: string;
  email: string;
  totpSecret: string | null;
  totpLastTimeStep: number | null;
}

export type SecondFactorResult = { ok: true; method: "totp" | "recovery_code" } | { ok: false; reason: "invalid" | "replayed" };

/**
 * Checks a TOTP code (refusing a replay of the last accepted time step, atomically) or a recovery
 * code (used up atomically), and audits recovery-code use and every failure.
 */
export async function verifySecondFactor(user: FactorOwner, code: string, now: Date, context: { during: "sign_in" | "disable"; ip?: string }): Promise<SecondFactorResult> {
  const result = looksLikeTotp(code) ? await verifyTotp(user, code, now) : await spendRecoveryCode(user, code, now);
  const actor = { firmId: user.firmId, userId: user.id, userEmail: user.email };
  if (!result.ok) {
    await recordAudit(actor, { action: "auth.two_factor_failed", entityType: "user", entityId: user.id, metadata: { during: context.during, reason: result.reason }, ip: context.ip });
  } else if (result.method === "recovery_code") {
    const left = await prisma().recoveryCode.count({ where: { firmId: user.firmId, userId: user.id, usedAt: null } });
    await recordAudit(actor, { action: "auth.recovery_code_used", entityType: "user", entityId: user.id, metadata: { during: context.during, left }, ip: context.ip });
  }
  return result;
}

async function verifyTotp(user: FactorOwner, code: string, now: Date): Promise<SecondFactorResult> {
  const secret = user.totpSecret ? openSecret(user.totpSecret, appSecret()) : null;
  if (!secret) return { ok: false, reason: "invalid" };
  const check = await checkTotp(secret, code, now, user.totpLastTimeStep);
  if (!check.valid) return { ok: false, reason: check.reason };
  // Two sign-ins racing with the same code: only the first moves the time step on.
  const { count } = await prisma().user.updateMany({
    where: { firmId: user.firmId, id: user.id, OR: [{ totpLastTimeStep: null }, { totpLastTimeStep: { lt: check.timeStep } }] },
    data: { totpLastTimeStep: check.timeStep },
  });
  return count === 1 ? { ok: true, method: "totp" } : { ok: false, reason: "replayed" };
}

async function spendRecoveryCode(user: FactorOwner, code: string, now: Date): Promise<SecondFactorResult> {
  const normalised = normaliseRecoveryCode(code);
  if (!normalised) return { ok: false, reason: "invalid" };
  const unused = await prisma().recoveryCode.findMany({ where: { firmId: user.firmId, userId: user.id, usedAt: null }, select: { id: true, codeHash: true } });
  for (const row of unused) {
    if (!(await verifyPassword(row.codeHash, normalised))) continue;
    const { count } = await prisma().recoveryCode.updateMany({ where: { firmId: user.firmId, id: row.id, usedAt: null }, data: { usedAt: now } });
    return count === 1 ? { ok: true, method: "recovery_code" } : { ok: false, reason: "replayed" };
  }
  return { ok: false, reason: "invalid" };
}

/**
 * Turns two-factor off: needs the password and a current code (or a recovery code). Refused
 * while the firm requires two-factor for the user's role. Wrong answers count towards the
 * sign-in rate limit of the account, as at sign-in.
 */
export async function disableTwoFactor(scope: Scope, input: { password: string; code: string }, address: string, now = new Date()): Promise<void> {
  const user = await ownUser(scope);
  if (!user.totpEnabledAt) throw new ConflictError("Two-factor sign-in is not on.");
  if (twoFactorRequired(user.role, user.firm.requireTwoFactor)) throw new ConflictError("Your firm requires two-factor sign-in for your role, so it cannot be turned off.");
  const keys = { account: accountKey(user.email), address: addressKey(address) };
  const decision = decideRateLimit(await countRecentAttempts(keys, SIGN_IN_RATE_LIMIT.windowMinutes, now, { failuresOnly: true }), now);
  if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
  const passwordOk = user.passwordHash ? await verifyPassword(user.passwordHash, input.password) : false;
  if (!passwordOk) {
    await recordAttempts(keys, false);
    await recordAudit(actorOf(scope, user.email), { action: "auth.two_factor_failed", entityType: "user", entityId: user.id, metadata: { during: "disable", reason: "password" }, ip: address });
    throw new InvalidInputError("The password is incorrect.", [{ path: "password", message: "The password is incorrect." }]);
  }
  const factor = await verifySecondFactor(user, input.code, now, { during: "disable", ip: address });
  if (!factor.ok) {
    await recordAttempts(keys, false);
    throw new InvalidInputError("The code is incorrect or was already used.", [{ path: "code", message: "The code is incorrect or was already used." }]);
  }
  await prisma().$transaction(async (tx) => {
    await tx.user.update({ where: { firmId_id: { firmId: scope.firmId, id: scope.userId } }, data: { totpSecret: null, totpEnabledAt: null, totpLastTimeStep: null } });
    await tx.recoveryCode.deleteMany({ where: { firmId: scope.firmId, userId: scope.userId } });
    await recordAudit(actorOf(scope, user.email), { action: "auth.two_factor_disabled", entityType: "user", entityId: user.id, ip: address }, tx);
  });
}
