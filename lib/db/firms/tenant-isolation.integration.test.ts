import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { listAudit, listAuditForEntity, recordAudit } from "../audit";
import { createTeam, deleteTeam, listTeams, renameTeam } from "./teams";
import { createTestFirm, type TestFirm } from "../testing/fixtures";
import { getUser, listUsers, setUserActive, updateUser } from "../users";
import { prisma } from "../prisma";

let firmA: TestFirm;
let firmB: TestFirm;

beforeAll(async () => {
  firmA = await createTestFirm({ label: "iso-a" });
  firmB = await createTestFirm({ label: "iso-b" });
  await recordAudit({ firmId: firmB.id, userId: firmB.user("owner").id }, { action: "test.secret", entityType: "firm", entityId: firmB.id });
});

describe("tenant isolation in the data-access layer", () => {
  it("lists only the caller's firm's users and teams", async () => {
    const scope = firmA.user("consultant").scope;
    const users = await listUsers(scope);
    expect(users.map((u) => u.id).sort()).toEqual(firmA.users.map((u) => u.id).sort());
    const teams = await listTeams(scope);
    expect(teams.map((t) => t.id).sort()).toEqual(firmA.teams.map((t) => t.id).sort());
  });

  it("answers another firm's user as not found, never forbidden", async () => {
    const otherUser = firmB.user("consultant").id;
    await expect(getUser(firmA.user("consultant").scope, otherUser)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUser(firmA.user("owner").scope, otherUser)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("cannot update or deactivate another firm's user, even as owner", async () => {
    const owner = firmA.user("owner").scope;
    const target = firmB.user("consultant");
    await expect(updateUser(owner, { userId: target.id, role: "admin", teamIds: [firmA.teams[0].id] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setUserActive(owner, target.id, false)).rejects.toBeInstanceOf(NotFoundError);
    const unchanged = await prisma().user.findUniqueOrThrow({ where: { firmId_id: { firmId: firmB.id, id: target.id } } });
    expect(unchanged.role).toBe("consultant");
    expect(unchanged.active).toBe(true);
  });

  it("cannot put a user into another firm's team", async () => {
    const owner = firmA.user("owner").scope;
    await expect(updateUser(owner, { userId: firmA.user("viewer").id, role: "viewer", teamIds: [firmB.teams[0].id] })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("cannot rename or delete another firm's team", async () => {
    const owner = firmA.user("owner").scope;
    await expect(renameTeam(owner, firmB.teams[0].id, "Hijacked")).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteTeam(owner, firmB.teams[1].id)).rejects.toBeInstanceOf(NotFoundError);
    const names = (await prisma().team.findMany({ where: { firmId: firmB.id } })).map((t) => t.name).sort();
    expect(names).toEqual(firmB.teams.map((t) => t.name).sort());
  });

  it("never shows another firm's audit entries", async () => {
    const owner = firmA.user("owner").scope;
    const { rows } = await listAudit(owner, { pageSize: 200 });
    expect(rows.every((r) => r.firmId === firmA.id)).toBe(true);
    expect(await listAuditForEntity(owner, "firm", firmB.id)).toEqual([]);
  });

  it("refuses management to consultants and viewers on the server", async () => {
    await expect(createTeam(firmA.user("consultant").scope, "Sneaky")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAudit(firmA.user("viewer").scope)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setUserActive(firmA.user("consultant").scope, firmA.user("viewer").id, false)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("audits team changes with what changed", async () => {
    const owner = firmA.user("owner").scope;
    const team = await createTeam(owner, "Calgary");
    await renameTeam(owner, team.id, "Calgary North");
    const trail = await listAuditForEntity(owner, "team", team.id);
    expect(trail.map((r) => r.action)).toEqual(["team.rename", "team.create"]);
    expect(trail[0].changes).toEqual({ name: { from: "Calgary", to: "Calgary North" } });
  });
});
