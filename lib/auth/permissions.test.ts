import { describe, expect, it } from "vitest";
import { assignableRoles, PERMISSIONS, roleCan, ROLES } from "./permissions";
import { can, seesAllTeams, type Scope } from "./scope";

const scope = (role: Scope["role"]): Scope => ({ userId: "u", firmId: "f", role, teamIds: ["t1"] });

describe("role rules", () => {
  it.each([
    ["owner", "users.manage", true],
    ["admin", "users.manage", true],
    ["consultant", "users.manage", false],
    ["viewer", "users.manage", false],
    ["consultant", "clients.write", true],
    ["viewer", "clients.write", false],
    ["viewer", "clients.read", true],
    ["viewer", "clients.export", true],
    ["consultant", "clients.delete", false],
    ["admin", "clients.delete", true],
    ["consultant", "audit.read", false],
    ["admin", "draws.import", true],
    ["consultant", "draws.import", false],
  ] as const)("%s may %s: %s", (role, permission, expected) => {
    expect(roleCan(role, permission)).toBe(expected);
    expect(can(scope(role), permission)).toBe(expected);
  });

  it("lets only owners and admins see every team", () => {
    expect(ROLES.filter((r) => seesAllTeams(scope(r)))).toEqual(["owner", "admin"]);
  });

  it("gives viewers no write permission at all", () => {
    const writes = Object.keys(PERMISSIONS).filter((p) => !p.endsWith(".read") && !p.endsWith(".export") && p !== "clients.readAllTeams");
    for (const p of writes) expect(roleCan("viewer", p as keyof typeof PERMISSIONS)).toBe(false);
  });

  it("lets only an owner hand out the owner role", () => {
    expect(assignableRoles("owner")).toContain("owner");
    expect(assignableRoles("admin")).toEqual(["admin", "consultant", "viewer"]);
    expect(assignableRoles("consultant")).toEqual([]);
    expect(assignableRoles("viewer")).toEqual([]);
  });
});
