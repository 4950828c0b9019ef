import type { Role } from "./permissions";

/** Owners and admins need a second factor when their firm requires it; other roles choose. */
export function twoFactorRequired(role: Role, firmRequiresTwoFactor: boolean): boolean {
  return firmRequiresTwoFactor && (role === "owner" || role === "admin");
}
