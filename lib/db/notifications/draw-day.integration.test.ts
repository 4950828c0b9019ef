import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { NormalisedRound } from "@/lib/draws/round";
import { insertClientsBulk } from "../clients/bulk";
import { queueDrawDigests } from "./digests";
import { computeDrawMatch, markDrawMatchNotified, unfinishedDrawMatches } from "../draws/results-store";
import { importRounds } from "../draws/import";
import { notificationSettings, openNotification, recentNotifications, unreadNotificationCount, updateFirmNotifyKinds, updateMyNotificationSettings } from "./bell";
import { prisma } from "../prisma";
import { createTestFirm, testClientInsert, type TestFirm } from "../testing/fixtures";

/**
 * Draw day without the worker: what an import records (the intent), the stored match, the
 * digests' rules (preferences, firm kinds, scope) and the bell's queries.
 */

const DAY = 24 * 60 * 60_000;
let firm: TestFirm;

function round(number: string, daysAgo: number, cutoff: number, kind: NormalisedRound["kind"] = "cec"): NormalisedRound {
  const at = new Date(Date.now() - daysAgo * DAY - 60_000);
  return {
    number,
    date: at.toISOString().slice(0, 10),
    drawnAt: at.toISOString().replace(/\.\d{3}Z$/, "Z"),
    tieBreakAt: null,
    size: 1000,
    cutoff,
    name: kind === "cec" ? "Canadian Experience Class" : "Trades occupations",
    kind,
    categoryVersion: null,
    programs: ["CEC"],
    distributionAsOf: null,
    distribution: [],
  };
}

beforeAll(async () => {
  firm = await createTestFirm({ label: "dd", users: [{ role: "owner", teams: [0, 1] }, { role: "consultant", teams: [0] }, { role: "consultant", teams: [1] }] });
  const submitted = new Date(Date.now() - 40 * DAY).toISOString();
  await prisma().$transaction((tx) =>
    insertClientsBulk(
      tx,
      firm.id,
      [
        testClientInsert(firm.teams[0].id, { lastName: "Alpha", profileNumber: `E${randomUUID().slice(0, 8)}`, profileSubmittedAt: submitted, scores: [{ crs: 505, effectiveAt: submitted, source: "manual", reason: null }] }),
        testClientInsert(firm.teams[1].id, { lastName: "Beta", profileNumber: `E${randomUUID().slice(0, 8)}`, profileSubmittedAt: submitted, scores: [{ crs: 560, effectiveAt: submitted, source: "manual", reason: null }] }),
      ],
      { timeZone: "America/Toronto" },
    ),
  );
});

describe("importRounds records the draw-day intent", () => {
  it("a recent new round gets a pending match for every firm; an old one none; a dry run nothing", async () => {
    await importRounds([round("8101", 1, 510), round("8100", 30, 600)], { source: "test", importedBy: "command line" });
    const matches = await prisma().drawMatch.findMany({ where: { drawNumber: { in: ["8100", "8101"] } } });
    expect(matches.filter((m) => m.drawNumber === "8100")).toEqual([]);
    expect(matches.some((m) => m.firmId === firm.id && m.drawNumber === "8101" && m.status === "pending")).toBe(true);
    expect(await prisma().drawMatch.count({ where: { drawNumber: "8101" } })).toBe(await prisma().firm.count());
    // The worker's sweep finds it: a CLI import while no worker runs is matched later.
    expect(await unfinishedDrawMatches()).toContainEqual({ firmId: firm.id, drawNumber: "8101" });

    await importRounds([round("8102", 0, 510)], { source: "test", importedBy: "command line", dryRun: true });
    expect(await prisma().drawMatch.count({ where: { drawNumber: "8102" } })).toBe(0);
  });

  it("stores the match once, then one digest and notification per user in scope, idempotently", async () => {
    const owner = firm.user("owner");
    const [, consultantA, consultantB] = firm.users;
    const first = await computeDrawMatch(firm.id, "8101");
    expect(first).toEqual({ above: 1, newlyAbove: 1, nearMiss: 1, computed: true });
    expect(await computeDrawMatch(firm.id, "8101")).toMatchObject({ computed: false, above: 1 });
    const stored = await prisma().drawResult.findMany({ where: { firmId: firm.id, drawNumber: "8101" }, orderBy: { margin: "desc" } });
    expect(stored.map((r) => [r.status, r.crs, r.margin])).toEqual([["newly_above", 560, 50], ["near_miss", 505, -5]]);

    // Consultant A only has the near miss and turned near misses off: notified, not mailed.
    await updateMyNotificationSettings(consultantA.scope, consultantA.email, { digestEnabled: true, digestNearMisses: false });
    const outcome = await queueDrawDigests(firm.id, "8101", { APP_URL: "https://drawdesk.example" });
    expect(outcome.queued).toHaveLength(2);
    expect(outcome.notified).toBe(3);
    expect(outcome.skipped).toEqual([{ userId: consultantA.id, reason: "only near misses, which they turned off" }]);
    const mails = await prisma().mailMessage.findMany({ where: { firmId: firm.id, idempotencyKey: { startsWith: "digest:8101:" } } });
    expect(mails.map((m) => m.to).sort()).toEqual([owner.email, consultantB.email].sort());
    const forB = mails.find((m) => m.to === consultantB.email)!;
    expect(JSON.stringify(forB.attachments)).toContain("Beta");
    expect(JSON.stringify(forB.attachments)).not.toContain("Alpha");

    // Again (a retried job, a second worker): nothing new.
    expect(await queueDrawDigests(firm.id, "8101")).toMatchObject({ queued: [], notified: 0 });
    await markDrawMatchNotified(firm.id, "8101");
    expect(await unfinishedDrawMatches()).not.toContainEqual({ firmId: firm.id, drawNumber: "8101" });
  });

  it("a firm that chose other kinds is matched but notified nothing", async () => {
    const owner = firm.user("owner");
    await updateFirmNotifyKinds(owner.scope, owner.email, { notifyKinds: ["trades"] });
    await importRounds([round("8103", 0, 500)], { source: "test", importedBy: "command line" });
    await computeDrawMatch(firm.id, "8103");
    expect(await queueDrawDigests(firm.id, "8103")).toEqual({ queued: [], notified: 0, skipped: [] });
    await updateFirmNotifyKinds(owner.scope, owner.email, { notifyKinds: [] });
    expect(await prisma().auditLog.count({ where: { firmId: firm.id, action: "firm.notify_kinds.update" } })).toBe(2);
    await expect(updateFirmNotifyKinds(firm.users[1].scope, firm.users[1].email, { notifyKinds: [] })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the bell and the settings", () => {
  it("counts unread, lists recent, opens (marking read) only the caller's own", async () => {
    const owner = firm.user("owner");
    const consultantB = firm.users[2];
    expect(await unreadNotificationCount(owner.scope)).toBe(1);
    const [item] = await recentNotifications(owner.scope);
    expect(item).toMatchObject({ drawNumber: "8101", read: false });
    expect(item.title).toContain("#8101");
    await expect(openNotification(consultantB.scope, item.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await openNotification(owner.scope, item.id)).toBe("8101");
    expect(await unreadNotificationCount(owner.scope)).toBe(0);
  });

  it("saves a user's own preferences, audited", async () => {
    const consultantB = firm.users[2];
    await updateMyNotificationSettings(consultantB.scope, consultantB.email, { digestEnabled: false, digestNearMisses: true });
    expect(await notificationSettings(consultantB.scope)).toMatchObject({ digestEnabled: false, digestNearMisses: true, notifyKinds: [] });
    expect(await prisma().auditLog.count({ where: { firmId: firm.id, userId: consultantB.id, action: "user.notifications.update" } })).toBe(1);
  });
});
