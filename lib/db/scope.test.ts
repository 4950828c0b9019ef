import { describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/scope";
import { auditWhere, clientScopeSql, clientWhere, teamWhere, userWhere } from "./scope";

const consultant: Scope = { userId: "u1", firmId: "firm-a", role: "consultant", teamIds: ["t1", "t2"] };
const admin: Scope = { userId: "u2", firmId: "firm-a", role: "admin", teamIds: ["t1"] };

describe("scoping helpers", () => {
  it("restricts a consultant's clients to their firm, their teams and live records", () => {
    expect(clientWhere(consultant, { id: "c1" })).toEqual({ id: "c1", firmId: "firm-a", deletedAt: null, teamId: { in: ["t1", "t2"] } });
  });

  it("gives an admin the whole firm but still only live records", () => {
    expect(clientWhere(admin)).toEqual({ firmId: "firm-a", deletedAt: null });
  });

  it("cannot be widened by the extra filter: firm and teams always win", () => {
    const where = clientWhere(consultant, { firmId: "firm-b", teamId: { in: ["t9"] } });
    expect(where.firmId).toBe("firm-a");
    expect(where.teamId).toEqual({ in: ["t1", "t2"] });
  });

  it("scopes teams, users and audit entries to the firm", () => {
    expect(teamWhere(consultant, { firmId: "firm-b" } as never)).toEqual({ firmId: "firm-a" });
    expect(userWhere(consultant, { id: "x" })).toEqual({ id: "x", firmId: "firm-a" });
    expect(auditWhere(admin, { action: "a" })).toEqual({ action: "a", firmId: "firm-a" });
  });

  it("builds the same scope for raw SQL", () => {
    expect(clientScopeSql(consultant, 3)).toEqual({
      sql: `c."firmId" = $3::uuid AND c."deletedAt" IS NULL AND c."teamId" = ANY($4::uuid[])`,
      params: ["firm-a", ["t1", "t2"]],
    });
    expect(clientScopeSql(admin, 1, "x")).toEqual({ sql: `x."firmId" = $1::uuid AND x."deletedAt" IS NULL`, params: ["firm-a"] });
  });
});
