/**
 * What an administrator may read of a message in the outbox. Password reset links are hidden:
 * an admin who could open another user's (say, the owner's) reset link could take over that
 * account. Invitations stay readable — the admin created them and already saw the link. Pure.
 */

const RESET_LINK = /(\/reset-password\/)[A-Za-z0-9_-]+/g;

export const HIDDEN_LINK = "[link hidden: only the recipient may use it]";

export function redactForAdmin(kind: string, body: string): string {
  return kind === "password_reset" ? body.replace(RESET_LINK, `$1${HIDDEN_LINK}`) : body;
}
