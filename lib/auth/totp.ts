/**
 * TOTP rules (RFC 6238 through otplib): 6 digits, 30-second steps, one step of clock drift either
 * way, and replay protection by the time step of the last accepted code. Pure: the "now" is an
 * argument.
 */
import { generateSecret, generateURI, verify } from "otplib";

export const TOTP_PERIOD_SECONDS = 30;
/** One step either side: a phone clock a little off, or a code typed as it rolled over. */
export const TOTP_TOLERANCE_SECONDS = 30;
export const TOTP_ISSUER = "DrawDesk";

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountEmail, secret, period: TOTP_PERIOD_SECONDS });
}

/** A six-digit code, spaces allowed ("123 456" as some apps show it). */
export function looksLikeTotp(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s+/g, ""));
}

export type TotpCheck = { valid: true; timeStep: number } | { valid: false; reason: "invalid" | "replayed" };

/**
 * Checks a code against the secret at `now`. A code whose time step is not after
 * `lastTimeStep` (the last accepted one) is refused as a replay, even inside its window.
 */
export async function checkTotp(secret: string, code: string, now: Date, lastTimeStep: number | null): Promise<TotpCheck> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return { valid: false, reason: "invalid" };
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret, token, epoch, epochTolerance: TOTP_TOLERANCE_SECONDS, period: TOTP_PERIOD_SECONDS });
  if (!result.valid) return { valid: false, reason: "invalid" };
  const timeStep = (result as { timeStep: number }).timeStep;
  if (lastTimeStep !== null && timeStep <= lastTimeStep) return { valid: false, reason: "replayed" };
  return { valid: true, timeStep };
}
