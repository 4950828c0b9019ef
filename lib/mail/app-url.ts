/** The environment variables mail reads (process.env by default; tests pass their own). */
export type MailEnv = Record<string, string | undefined>;

/**
 * The public address of DrawDesk for links in e-mails and one-time links: APP_URL, else
 * NEXTAUTH_URL, else the local default. Without a trailing slash.
 */
export function appBaseUrl(env: MailEnv = process.env): string {
  const base = env.APP_URL?.trim() || env.NEXTAUTH_URL?.trim() || `http://localhost:${env.PORT || 3000}`;
  return base.replace(/\/+$/, "");
}

/** An absolute link to a path of the app (path starting with "/"). */
export function appUrl(path: string, env: MailEnv = process.env): string {
  return `${appBaseUrl(env)}${path}`;
}
