import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_TOUCH_INTERVAL_MS } from "@/lib/auth/sessions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { listAudit } from "../audit";
import { prisma } from "../prisma";
import { createTestFirm, type TestFirm } from "../testing/fixtures";
import { checkUserSession, createUserSession, endUserSession, listFirmSessions, listOwnSessions, revokeUserSession } from "./sessions";

const UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36";
let firm: TestFirm;
let other: TestFirm;
beforeAll(async () => {
  [firm, other] = await Promise.all([createTestFirm({ label: "sessions" }), createTestFirm({ label: "sessions-other" })]);
});

const open = (user: { scope: { firmId: string; userId: string } }, now = new Date()) => createUserSession(user.scope, { userAgent: UA, ip: "192.0.2.7" }, now);
const lastSeen = async (firmId: string, id: string) => (await prisma().userSession.findUniqueOrThrow({ where: { firmId_id: { firmId, id } } })).lastSeenAt;

describe("session records", () => {
  it("checks a session on each request and refreshes last seen only every few minutes", async () => {
    const user = firm.user("consultant");
    const start = new Date();
    const id = await open(user, start);
    expect(await checkUserSession(firm.id, user.id, id, new Date(start.getTime() + 60_000))).toBe(true);
    expect(await lastSeen(firm.id, id)).toEqual(start);
    const after = new Date(start.getTime() + SESSION_TOUCH_INTERVAL_MS + 1000);
    expect(await checkUserSession(firm.id, user.id, id, after)).toBe(true);
    expect(await lastSeen(firm.id, id)).toEqual(after);
    // Someone else's id in the token, or the right id in another firm: not a session.
    expect(await checkUserSession(firm.id, firm.user("viewer").id, id, after)).toBe(false);
    expect(await checkUserSession(other.id, user.id, id, after)).toBe(false);
  });

  it("lets a user list and revoke their own sessions; the revoked one fails its next check and is audited", async () => {
    const user = firm.user("viewer");
    const [a, b] = [await open(user), await open(user)];
    expect((await listOwnSessions(user.scope)).map((s) => s.id).sort()).toEqual([a, b].sort());
    await revokeUserSession(user.scope, b);
    expect(await checkUserSession(firm.id, user.id, b)).toBe(false);
    expect(await checkUserSession(firm.id, user.id, a)).toBe(true);
    expect((await listOwnSessions(user.scope)).map((s) => s.id)).toEqual([a]);
    const { rows } = await listAudit(firm.user("owner").scope, { action: "auth.session_revoked", entityId: user.id });
    expect(rows).toHaveLength(1);
  });

  it("ends the session's record on sign-out", async () => {
    const user = firm.user("consultant");
    const id = await open(user);
    await endUserSession(firm.id, user.id, id);
    expect(await checkUserSession(firm.id, user.id, id)).toBe(false);
  });

  it("lets an admin list and revoke a consultant's sessions, but not an owner's, and not across firms", async () => {
    const admin = firm.user("admin");
    const consultant = firm.user("consultant");
    const owner = firm.user("owner");
    const [c, o] = [await open(consultant), await open(owner)];
    const byUser = await listFirmSessions(admin.scope);
    expect(byUser.get(consultant.id)?.map((s) => s.id)).toContain(c);
    expect([...byUser.values()].flat().every((s) => s.userAgent === UA)).toBe(true);
    await expect(listFirmSessions(consultant.scope)).rejects.toBeInstanceOf(ForbiddenError);

    await revokeUserSession(admin.scope, c);
    expect(await checkUserSession(firm.id, consultant.id, c)).toBe(false);
    await expect(revokeUserSession(admin.scope, o)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeUserSession(consultant.scope, o)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeUserSession(other.user("owner").scope, o)).rejects.toBeInstanceOf(NotFoundError);
    expect(await checkUserSession(firm.id, owner.id, o)).toBe(true);
    expect((await listFirmSessions(other.user("owner").scope)).has(owner.id)).toBe(false);
  });
});
