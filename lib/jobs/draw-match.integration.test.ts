import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawImpact } from "@/lib/db/draws/impact";
import { insertClientsBulk } from "@/lib/db/clients/bulk";
import { markFirmRoundsStale } from "@/lib/db/draws/results-store";
import { prisma } from "@/lib/db/prisma";
import { createTestFirm, testClientInsert, type TestFirm } from "@/lib/db/testing/fixtures";
import { runDrawMatch } from "./draw-match";
import { QUEUES, startQueue, type PgBoss } from "./queue";

/**
 * The draw.match job on a round whose stored results were marked stale (the firm's margin
 * changed): recomputed, and nothing sent — its digests went out on draw day, or were never owed.
 */

let boss: PgBoss;
let firm: TestFirm;
const number = `stale-${Date.now()}`;

beforeAll(async () => {
  boss = await startQueue(process.env.DATABASE_URL!);
  firm = await createTestFirm({ label: "stale-match" });
  await prisma().draw.create({
    data: { number, kind: "cec", name: "Canadian Experience Class", programs: ["CEC"], date: new Date("1994-03-01T00:00:00Z"), drawnAt: new Date("1994-03-01T14:00:00Z"), cutoff: 500, size: 10 },
  });
  await prisma().$transaction((tx) =>
    insertClientsBulk(tx, firm.id, [
      // Above the cut-off: a digest would be owed to every user, were the round still unsent.
      testClientInsert(firm.teams[0].id, { lastName: "Above", profileSubmittedAt: "1994-01-10T15:00:00Z", scores: [{ crs: 600, effectiveAt: "1994-01-10T15:00:00Z", source: "manual", reason: "test" }] }),
      testClientInsert(firm.teams[0].id, { lastName: "Near", profileSubmittedAt: "1994-01-10T15:00:00Z", scores: [{ crs: 495, effectiveAt: "1994-01-10T15:00:00Z", source: "manual", reason: "test" }] }),
    ], { timeZone: "America/Toronto" }),
  );
});

afterAll(async () => {
  await boss.stop({ graceful: false });
});

describe("draw.match on a stale stored round", () => {
  it("recomputes with the firm's new margin and queues no digest, notification, delivery or webhook", async () => {
    const owner = firm.user("owner").scope;
    expect((await drawImpact(owner, number)).nearMiss.map((r) => r.lastName)).toEqual(["Near"]);
    await prisma().drawMatch.update({ where: { firmId_drawNumber: { firmId: firm.id, drawNumber: number } }, data: { status: "notified" } });
    await prisma().$transaction(async (tx) => {
      await tx.firm.update({ where: { id: firm.id }, data: { nearMissMargin: 3 } });
      await markFirmRoundsStale(tx, firm.id);
    });
    await runDrawMatch(boss, { firmId: firm.id, drawNumber: number });

    const match = await prisma().drawMatch.findUniqueOrThrow({ where: { firmId_drawNumber: { firmId: firm.id, drawNumber: number } } });
    expect(match).toMatchObject({ status: "notified", nearMiss: 0 });
    expect(match.computedAt).not.toBeNull();
    expect(await prisma().drawResult.findMany({ where: { firmId: firm.id, drawNumber: number }, select: { status: true } })).toEqual([{ status: "newly_above" }]);
    expect(await prisma().mailMessage.count({ where: { firmId: firm.id } })).toBe(0);
    expect(await prisma().notification.count({ where: { firmId: firm.id } })).toBe(0);
    expect(await boss.getQueueSize(QUEUES.webhook)).toBe(0);
    expect(await boss.getQueueSize(QUEUES.deliver)).toBe(0);
  });
});
