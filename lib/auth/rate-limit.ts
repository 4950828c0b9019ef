/**
 * Sign-in rate limit policy. Failures are counted per account (email) and per client address
 * over a sliding window; the store that counts them is the database (lib/db/users/sign-in.ts),
 * so the limit holds across several app instances.
 */
export interface RateLimitPolicy {
  windowMinutes: number;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
}

export const SIGN_IN_RATE_LIMIT: RateLimitPolicy = {
  windowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
};

/**
 * Password reset requests: every request counts (not only failures), per account and per
 * address, so the form cannot be used to flood someone's inbox.
 */
export const PASSWORD_RESET_RATE_LIMIT: RateLimitPolicy = {
  windowMinutes: 60,
  maxFailuresPerAccount: 3,
  maxFailuresPerAddress: 10,
};

export function resetKeys(email: string, address: string): { account: string; address: string } {
  return { account: `reset-${accountKey(email)}`, address: `reset-${addressKey(address)}` };
}

export function accountKey(email: string): string {
  return `account:${normaliseEmail(email)}`;
}

export function addressKey(address: string): string {
  return `address:${address || "unknown"}`;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface FailureCounts {
  account: number;
  address: number;
  /** The oldest failure still inside the window for the key that is over its limit. */
  oldestFailureAt: Date | null;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function decideRateLimit(counts: FailureCounts, now: Date, policy = SIGN_IN_RATE_LIMIT): RateLimitDecision {
  const blocked = counts.account >= policy.maxFailuresPerAccount || counts.address >= policy.maxFailuresPerAddress;
  if (!blocked) return { allowed: true };
  const windowMs = policy.windowMinutes * 60_000;
  const oldest = counts.oldestFailureAt?.getTime() ?? now.getTime();
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest + windowMs - now.getTime()) / 1000));
  return { allowed: false, retryAfterSeconds };
}
