/**
 * Who may do what, as one table read by `can()`. The UI hides what the server also refuses:
 * every mutation checks `can()` on the server.
 */
export const ROLES = ["owner", "admin", "consultant", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  consultant: "Consultant",
  viewer: "Viewer",
};

export const PERMISSIONS = {
  "clients.read": ["owner", "admin", "consultant", "viewer"],
  "clients.write": ["owner", "admin", "consultant"],
  "clients.delete": ["owner", "admin"],
  "clients.import": ["owner", "admin", "consultant"],
  "clients.export": ["owner", "admin", "consultant", "viewer"],
  "clients.readAllTeams": ["owner", "admin"],
  "draws.import": ["owner", "admin"],
  "users.manage": ["owner", "admin"],
  "teams.manage": ["owner", "admin"],
  "audit.read": ["owner", "admin"],
  "firm.manage": ["owner", "admin"],
  "mail.read": ["owner", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleCan(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/**
 * Roles a user may hand out: an admin manages consultants and viewers and other admins, but
 * only an owner may create or change an owner.
 */
export function assignableRoles(actor: Role): Role[] {
  if (actor === "owner") return [...ROLES];
  if (actor === "admin") return ["admin", "consultant", "viewer"];
  return [];
}
