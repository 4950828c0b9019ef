/**
 * When a failed send is tried again: exponential backoff from 30 seconds, capped at an hour, and
 * given up after MAX_MAIL_ATTEMPTS (about three hours of trying). Pure.
 */
export const MAX_MAIL_ATTEMPTS = 10;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/** Delay before the next try after `attempts` failed ones (1 = the first failure). */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

export type RetryDecision = { give: "up" } | { give: "retry"; at: Date };

export function decideRetry(attempts: number, now: Date): RetryDecision {
  if (attempts >= MAX_MAIL_ATTEMPTS) return { give: "up" };
  return { give: "retry", at: new Date(now.getTime() + retryDelayMs(attempts)) };
}
