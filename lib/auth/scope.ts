import { roleCan, type Permission, type Role } from "./permissions";

/** The signed-in user's reach: every data-access function takes it first. */
export interface Scope {
  userId: string;
  firmId: string;
  role: Role;
  teamIds: string[];
}

export function can(scope: Scope, permission: Permission): boolean {
  return roleCan(scope.role, permission);
}

/** Owners and admins see the whole firm; consultants and viewers only their teams. */
export function seesAllTeams(scope: Scope): boolean {
  return can(scope, "clients.readAllTeams");
}
