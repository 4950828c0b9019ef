/**
 * Session record rules: a session's "last seen" is refreshed at most every few minutes (not a
 * write per request), and a session unseen for longer than a token lives is over.
 */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
export const SESSION_TOUCH_INTERVAL_MS = 5 * 60_000;

export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS;
}

/** The oldest "last seen" a live session can have (token lifetime plus one touch interval). */
export function liveSince(now: Date): Date {
  return new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000 - SESSION_TOUCH_INTERVAL_MS);
}

/** "Firefox on Linux" out of a user agent string, for the sessions list; the raw string stays in the title. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const browser = /Edg\//.test(userAgent) ? "Edge" : /Firefox\//.test(userAgent) ? "Firefox" : /Chrome\//.test(userAgent) ? "Chrome" : /Safari\//.test(userAgent) ? "Safari" : "Browser";
  const os = /Windows/.test(userAgent) ? "Windows" : /Mac OS X|Macintosh/.test(userAgent) ? "macOS" : /Android/.test(userAgent) ? "Android" : /iPhone|iPad/.test(userAgent) ? "iOS" : /Linux/.test(userAgent) ? "Linux" : null;
  return os ? `${browser} on ${os}` : browser;
}
