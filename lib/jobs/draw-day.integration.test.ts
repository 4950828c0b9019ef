import { parse } from "csv-parse/sync";
import type { ParsedMail } from "mailparser";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { insertClientsBulk } from "@/lib/db/clients/bulk";
import { drawImpact } from "@/lib/db/draws/impact";
import { drawSyncStatus } from "@/lib/db/draws/sync-status";
import { prisma } from "@/lib/db/prisma";
import { createTestFirm, testClientInsert, type TestFirm, type TestUser } from "@/lib/db/testing/fixtures";
import { startTestSmtpServer, type TestSmtpServer } from "@/lib/mail/testing/smtp-server";
import { eventually, feedRound, startFeedServer, startWorkerProcess, type TestFeedServer, type WorkerProcess } from "./testing/draw-day";

/**
 * The "Done when", for real: the worker process against this file's database, a local
 * feed, a local SMTP server. A round added to the feed reaches every user in scope once, with
 * exactly the clients the draw page (drawImpact) lists for them.
 */

const DAY = 24 * 60 * 60_000;
const INTERVAL = 10;
let smtp: TestSmtpServer;
let feed: TestFeedServer;
let firm: TestFirm;
let workers: WorkerProcess[] = [];
let owner: TestUser, consultantA: TestUser, consultantB: TestUser, viewer: TestUser;

function worker(): WorkerProcess {
  const w = startWorkerProcess({
    DATABASE_URL: process.env.DATABASE_URL!,
    DRAWS_FEED_URL: feed.url,
    DRAWS_SYNC_INTERVAL: String(INTERVAL),
    DRAWDESK_TICK_INTERVAL: "2",
    SMTP_URL: smtp.url,
    MAIL_FROM: "DrawDesk <draws@drawdesk.example>",
    APP_URL: "https://drawdesk.example",
  });
  workers.push(w);
  return w;
}

function digestsOf(round: string): ParsedMail[] {
  return smtp.messages.filter((m) => m.subject?.includes(`#${round}`));
}

function recipient(m: ParsedMail): string {
  const to = Array.isArray(m.to) ? m.to[0] : m.to;
  return to!.value[0].address!;
}

function csvOf(m: ParsedMail): string[] {
  const attachment = m.attachments.find((a) => a.filename?.startsWith("round-"))!;
  const rows = parse(attachment.content.toString("utf8"), { columns: true }) as Record<string, string>[];
  return rows.map((r) => `${r.status},${r.profileNumber},${r.client},${r.crs},${r.cutoff},${r.margin}`).sort();
}

/** What the draw page lists for the user: newly above once, then above, then near misses. */
async function expectedCsv(user: TestUser, round: string): Promise<string[]> {
  const impact = await drawImpact(user.scope, round);
  const newly = new Set(impact.newlyAbove.map((r) => r.clientId));
  const line = (status: string, r: (typeof impact.above)[number]) => `${status},${r.profileNumber},${r.lastName}, ${r.firstName},${r.crs},${impact.draw.cutoff},${r.margin}`;
  return [
    ...impact.above.map((r) => line(newly.has(r.clientId) ? "newly-above" : "above", r)),
    ...impact.nearMiss.map((r) => line("near-miss", r)),
  ].sort();
}

async function addClient(team: number, lastName: string, crs: number, consultant: TestUser | null): Promise<void> {
  const submitted = new Date(Date.now() - 40 * DAY).toISOString();
  await prisma().$transaction((tx) =>
    insertClientsBulk(
      tx,
      firm.id,
      [
        testClientInsert(firm.teams[team].id, {
          lastName,
          firstName: "Test",
          consultantId: consultant?.id ?? null,
          profileNumber: `E${lastName.toUpperCase()}`,
          profileSubmittedAt: submitted,
          scores: [{ crs, effectiveAt: submitted, source: "manual", reason: null }],
        }),
      ],
      { timeZone: "America/Toronto" },
    ),
  );
}

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  feed = await startFeedServer();
  firm = await createTestFirm({
    label: "drawday",
    teams: ["Team A", "Team B"],
    users: [
      { role: "owner", teams: [0, 1] },
      { role: "consultant", teams: [0] },
      { role: "consultant", teams: [1] },
      { role: "viewer", teams: [0] },
    ],
  });
  [owner, consultantA, consultantB, viewer] = firm.users;
  await prisma().user.update({ where: { firmId_id: { firmId: firm.id, id: viewer.id } }, data: { digestEnabled: false } });
  await addClient(0, "Above", 530, consultantA);
  await addClient(0, "Near", 515, consultantA);
  await addClient(1, "Bravo", 545, consultantB);
  await addClient(1, "Low", 400, consultantB);
  // The feed's history: a CEC round well before the clients entered the pool.
  feed.rounds = [feedRound("9001", new Date(Date.now() - 60 * DAY), { cutoff: 600 })];
}, 60_000);

afterEach(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  workers = [];
});

afterAll(async () => {
  await smtp?.close();
  await feed?.close();
});

describe("draw day, end to end", () => {
  it("syncs at start, then a new round delivers one digest per user in scope, with their clients only", async () => {
    const w = worker();
    await eventually(async () => (await prisma().draw.count({ where: { number: "9001" } })) === 1, 30_000, "the first sync");
    // An old round arriving in bulk is matched against no one.
    expect(await prisma().drawMatch.count({ where: { drawNumber: "9001" } })).toBe(0);
    const status = await drawSyncStatus();
    expect(status?.lastSuccessAt).toBeInstanceOf(Date);
    expect(status?.source).toBe(feed.url);

    const added = Date.now();
    feed.rounds = [feedRound("9002", new Date(Date.now() - 60_000), { cutoff: 520 }), ...feed.rounds];
    // Owner (both teams), consultant A (team A), consultant B (team B); the viewer turned digests off.
    await smtp.waitForMessages(3, 2 * INTERVAL * 1000 + 5_000);
    expect(Date.now() - added).toBeLessThan(2 * INTERVAL * 1000 + 5_000);

    const digests = digestsOf("9002");
    expect(digests.map(recipient).sort()).toEqual([owner.email, consultantA.email, consultantB.email].sort());
    for (const user of [owner, consultantA, consultantB]) {
      const mail = digests.find((m) => recipient(m) === user.email)!;
      expect(mail.subject).toContain("Canadian Experience Class");
      expect(mail.text).toContain("https://drawdesk.example/draws/9002");
      expect(csvOf(mail)).toEqual(await expectedCsv(user, "9002"));
    }
    // A consultant never receives another team's client.
    const forA = csvOf(digests.find((m) => recipient(m) === consultantA.email)!).join("\n");
    expect(forA).not.toContain("Bravo");
    expect(forA).toContain("newly-above,EABOVE");
    expect(forA).toContain("near-miss,ENEAR");
    const forB = csvOf(digests.find((m) => recipient(m) === consultantB.email)!).join("\n");
    expect(forB).not.toMatch(/EABOVE|ENEAR/);

    // The bell: everyone in scope has the notification, including the viewer without digests.
    const notified = await prisma().notification.findMany({ where: { firmId: firm.id, drawNumber: "9002" }, select: { userId: true } });
    expect(notified.map((n) => n.userId).sort()).toEqual([owner.id, consultantA.id, consultantB.id, viewer.id].sort());
    expect(await prisma().drawMatch.findFirst({ where: { firmId: firm.id, drawNumber: "9002" } })).toMatchObject({ status: "notified", above: 2, newlyAbove: 2, nearMiss: 1 });

    // Two more intervals: nothing is sent twice.
    await new Promise((resolve) => setTimeout(resolve, 2 * INTERVAL * 1000));
    expect(digestsOf("9002")).toHaveLength(3);
    await w.stop();
  }, 90_000);

  it("still once when a worker is killed mid-way and restarted, with two workers at once", async () => {
    const first = worker();
    worker();
    await eventually(async () => (await prisma().drawSyncStatus.count()) > 0, 30_000, "a sync");
    feed.rounds = [feedRound("9003", new Date(Date.now() - 30_000), { cutoff: 525 }), ...feed.rounds];
    // Kill one worker as soon as the round is in: the other, and its restart, finish the work.
    await eventually(async () => (await prisma().draw.count({ where: { number: "9003" } })) === 1, 30_000, "round 9003");
    await first.kill();
    worker();
    await smtp.waitForMessages(digestsOf("9002").length + 3, 3 * INTERVAL * 1000);
    await new Promise((resolve) => setTimeout(resolve, INTERVAL * 1000));
    const digests = digestsOf("9003");
    expect(digests.map(recipient).sort()).toEqual([owner.email, consultantA.email, consultantB.email].sort());
    for (const user of [owner, consultantA, consultantB]) {
      expect(csvOf(digests.find((m) => recipient(m) === user.email)!)).toEqual(await expectedCsv(user, "9003"));
    }
    expect(await prisma().mailMessage.count({ where: { firmId: firm.id, idempotencyKey: { startsWith: "digest:9003:" } } })).toBe(3);
  }, 120_000);

  it("records a bad feed's error, keeps the stored rounds, and recovers", async () => {
    worker();
    const before = await prisma().draw.count();
    const since = new Date();
    feed.broken = { status: 200, body: "<html>maintenance</html>" };
    const status = await eventually(async () => {
      const s = await drawSyncStatus();
      return s?.lastErrorAt && s.lastErrorAt > since ? s : undefined;
    }, 3 * INTERVAL * 1000, "the failed sync");
    expect(status.lastError).toMatch(/json|feed/i);
    expect(await prisma().draw.count()).toBe(before);
    feed.broken = null;
    await eventually(async () => ((await drawSyncStatus())!.lastSuccessAt! > status.lastErrorAt! ? true : undefined), 3 * INTERVAL * 1000, "a successful sync");
  }, 90_000);
});
