import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { prisma } from "@/lib/db/prisma";
import { createTestFirm, type TestFirm } from "@/lib/db/testing/fixtures";
import { checkUserSession, createUserSession, ENDED_SESSION_KEPT_DAYS, endUserSession } from "@/lib/db/users/sessions";
import { runAuthPrune } from "./prune";

/**
 * The "auth.prune" job against a real database: what aged out goes, what still counts stays —
 * a live session is never deleted, however old, and another firm's rows follow the same rule.
 */

const NOW = new Date("2031-03-01T12:00:00Z");
const DAY = 86_400_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
let firm: TestFirm;
let other: TestFirm;

beforeAll(async () => {
  [firm, other] = await Promise.all([createTestFirm({ label: "prune" }), createTestFirm({ label: "prune-other" })]);
});

async function sessionAt(user: { scope: { firmId: string; userId: string } }, lastSeenAt: Date, revokedAt: Date | null = null): Promise<string> {
  const id = await createUserSession(user.scope, { userAgent: "test" }, lastSeenAt);
  if (revokedAt) await prisma().userSession.update({ where: { firmId_id: { firmId: user.scope.firmId, id } }, data: { revokedAt } });
  return id;
}

const exists = async (firmId: string, id: string) => (await prisma().userSession.count({ where: { firmId, id } })) === 1;

describe("auth.prune", () => {
  it("deletes sign-in attempts older than a day and sessions ended more than a month ago, and keeps the rest", async () => {
    const key = `account:prune-${Date.now()}@example.com`;
    await prisma().signInAttempt.createMany({
      data: [
        { key, success: false, createdAt: ago(DAY + 60_000) },
        { key, success: true, createdAt: ago(2 * DAY) },
        { key, success: false, createdAt: ago(DAY - 60_000) },
      ],
    });
    const kept = ENDED_SESSION_KEPT_DAYS * DAY;
    const owner = firm.user("owner");
    const sessions = {
      live: await sessionAt(owner, ago(60_000)),
      revokedLongAgo: await sessionAt(owner, ago(kept + 2 * DAY), ago(kept + DAY)),
      revokedRecently: await sessionAt(owner, ago(kept + 2 * DAY), ago(kept - DAY)),
      expiredLongAgo: await sessionAt(firm.user("consultant"), ago(kept + SESSION_MAX_AGE_SECONDS * 1000 + DAY)),
      expiredRecently: await sessionAt(firm.user("consultant"), ago(2 * DAY)),
      otherFirmExpiredLongAgo: await sessionAt(other.user("owner"), ago(kept + SESSION_MAX_AGE_SECONDS * 1000 + DAY)),
    };

    const pruned = await runAuthPrune(NOW);

    expect(pruned.attempts).toBeGreaterThanOrEqual(2);
    expect((await prisma().signInAttempt.findMany({ where: { key } })).map((a) => a.createdAt)).toEqual([ago(DAY - 60_000)]);
    expect(pruned.sessions).toBeGreaterThanOrEqual(3);
    const left = {
      live: await exists(firm.id, sessions.live),
      revokedLongAgo: await exists(firm.id, sessions.revokedLongAgo),
      revokedRecently: await exists(firm.id, sessions.revokedRecently),
      expiredLongAgo: await exists(firm.id, sessions.expiredLongAgo),
      expiredRecently: await exists(firm.id, sessions.expiredRecently),
      otherFirmExpiredLongAgo: await exists(other.id, sessions.otherFirmExpiredLongAgo),
    };
    expect(left).toEqual({ live: true, revokedLongAgo: false, revokedRecently: true, expiredLongAgo: false, expiredRecently: true, otherFirmExpiredLongAgo: false });
    // The live session still signs its browser in.
    expect(await checkUserSession(owner.scope.firmId, owner.scope.userId, sessions.live, NOW)).toBe(true);
  });

  it("leaves a signed-out session's record for a month, like a revoked one", async () => {
    const owner = firm.user("owner");
    const id = await sessionAt(owner, ago(2 * DAY));
    await endUserSession(owner.scope.firmId, owner.scope.userId, id, ago(DAY));
    await runAuthPrune(NOW);
    expect(await exists(firm.id, id)).toBe(true);
    await runAuthPrune(new Date(NOW.getTime() + ENDED_SESSION_KEPT_DAYS * DAY));
    expect(await exists(firm.id, id)).toBe(false);
  });
});
