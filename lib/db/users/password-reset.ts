import "server-only";
import { addMinutes } from "date-fns";
import type { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { accountKey, decideRateLimit, normaliseEmail, PASSWORD_RESET_RATE_LIMIT, resetKeys } from "@/lib/auth/rate-limit";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { InvalidInputError, RateLimitedError } from "@/lib/errors";
import { renderPasswordResetMail } from "@/lib/mail/account-mail";
import { appUrl } from "@/lib/mail/app-url";
import { forgotPasswordSchema, resetPasswordSchema } from "@/lib/users/schemas";
import { clearFailedAttempts, countRecentAttempts, recordAttempts } from "./attempts";
import { recordAudit } from "../audit";
import { queueMail } from "../mail";
import { prisma } from "../prisma";

/**
 * "Forgot password": a one-time link by e-mail. The answer is the same whether the address has
 * an account or not; only the SHA-256 of the token is stored; a link lasts an hour, works once,
 * and a newer request voids the older links. Setting the new password revokes every session
 * signed in before it (User.passwordChangedAt, checked by loadSessionUser).
 */

export const RESET_VALID_MINUTES = 60;

const INVALID_LINK = "This reset link is invalid, has expired or was already used. Ask for a new one.";

export function resetUrl(token: string): string {
  return appUrl(`/reset-password/${token}`);
}

/**
 * Counts a reset request against the limits (per e-mail address and per client address, whether
 * an account exists or not) and returns the normalised address. Throws RateLimitedError.
 */
export async function admitPasswordResetRequest(input: z.input<typeof forgotPasswordSchema>, address: string, now = new Date()): Promise<string> {
  const email = normaliseEmail(forgotPasswordSchema.parse(input).email);
  const keys = resetKeys(email, address);
  const decision = decideRateLimit(await countRecentAttempts(keys, PASSWORD_RESET_RATE_LIMIT.windowMinutes, now, { failuresOnly: false }), now, PASSWORD_RESET_RATE_LIMIT);
  if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
  await recordAttempts(keys, false);
  return email;
}

/**
 * When the address belongs to an active account: voids its earlier links, stores the new one
 * (hashed) and queues the mail. Does nothing otherwise. The web form runs this after answering,
 * so the response time does not tell whether the account exists.
 */
export async function issuePasswordReset(email: string, address: string, now = new Date()): Promise<void> {
  const user = await prisma().user.findFirst({ where: { email: { equals: email, mode: "insensitive" }, active: true } });
  if (!user) return;
  const token = newToken();
  await prisma().$transaction(async (tx) => {
    await tx.passwordResetToken.updateMany({ where: { firmId: user.firmId, userId: user.id, usedAt: null, voidedAt: null }, data: { voidedAt: now } });
    const reset = await tx.passwordResetToken.create({
      data: { firmId: user.firmId, userId: user.id, tokenHash: hashToken(token), expiresAt: addMinutes(now, RESET_VALID_MINUTES) },
    });
    const mail = renderPasswordResetMail({ name: user.name, url: resetUrl(token), validMinutes: RESET_VALID_MINUTES });
    await queueMail({ firmId: user.firmId, userId: user.id, kind: "password_reset", to: user.email, ...mail, idempotencyKey: `password_reset:${reset.id}` }, tx);
    await recordAudit({ firmId: user.firmId, userId: user.id, userEmail: user.email }, { action: "auth.password_reset_request", entityType: "user", entityId: user.id, ip: address }, tx);
  });
}

/** Both steps in one call: the same outcome whether the address has an account or not. */
export async function requestPasswordReset(input: z.input<typeof forgotPasswordSchema>, address: string, now = new Date()): Promise<void> {
  await issuePasswordReset(await admitPasswordResetRequest(input, address, now), address, now);
}

async function usableToken(token: string, now: Date) {
  const reset = await prisma().passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: { select: { email: true, active: true } } } });
  if (!reset || reset.usedAt || reset.voidedAt || reset.expiresAt <= now || !reset.user.active) return null;
  return reset;
}

/** Whether a reset link can still be used, and for which address (public: no session). */
export async function findUsableReset(token: string, now = new Date()): Promise<{ email: string } | null> {
  const reset = await usableToken(token, now);
  return reset ? { email: reset.user.email } : null;
}

/** Sets the new password with a reset link: once, guarded against a concurrent second use. */
export async function resetPassword(input: z.input<typeof resetPasswordSchema>, address: string, now = new Date()): Promise<{ email: string }> {
  const data = resetPasswordSchema.parse(input);
  const reset = await usableToken(data.token, now);
  if (!reset) throw new InvalidInputError(INVALID_LINK);
  const passwordHash = await hashPassword(data.password);
  const result = await prisma().$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({ where: { firmId: reset.firmId, id: reset.id, usedAt: null, voidedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count === 0) throw new InvalidInputError(INVALID_LINK);
    await tx.passwordResetToken.updateMany({ where: { firmId: reset.firmId, userId: reset.userId, usedAt: null, voidedAt: null }, data: { voidedAt: now } });
    await tx.user.update({ where: { firmId_id: { firmId: reset.firmId, id: reset.userId } }, data: { passwordHash, passwordChangedAt: now } });
    await recordAudit({ firmId: reset.firmId, userId: reset.userId, userEmail: reset.user.email }, { action: "auth.password_reset", entityType: "user", entityId: reset.userId, ip: address }, tx);
    return { email: reset.user.email };
  });
  // Failed sign-ins (perhaps someone else's guessing) no longer lock out the owner of the account.
  await clearFailedAttempts(accountKey(result.email));
  return result;
}
