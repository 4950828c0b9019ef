import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { MailEnv } from "@/lib/mail/app-url";
import { renderDrawDigest } from "@/lib/mail/digest";
import { MAX_MAIL_ATTEMPTS } from "@/lib/mail/retry";
import { startTestSmtpServer, type TestSmtpServer } from "@/lib/mail/testing/smtp-server";
import { deliverMail, dueMailIds, queueMail, type MailToQueue } from "./queue";
import { prisma } from "../prisma";
import { createTestFirm, type TestFirm } from "../testing/fixtures";

let smtp: TestSmtpServer;
let firm: TestFirm;
let env: MailEnv;
const NO_SMTP: MailEnv = { MAIL_FROM: "DrawDesk <draws@drawdesk.example>" };

const digest = renderDrawDigest({
  recipientName: "Owner",
  firmName: "Mail test firm",
  draw: { number: "419", kindLabel: "Canadian Experience Class", date: "2026-06-04", cutoff: 520, size: 3000 },
  rows: [
    { status: "newly-above", profileNumber: "E003", client: "Singh, Raj", crs: 522, cutoff: 520, margin: 2 },
    { status: "near-miss", profileNumber: "E002", client: "Okafor, Ada", crs: 515, cutoff: 520, margin: -5 },
  ],
  includeNearMisses: true,
  drawUrl: "http://localhost:3000/draws/419",
});

function mail(overrides: Partial<MailToQueue> = {}): MailToQueue {
  const owner = firm.user("owner");
  return { firmId: firm.id, userId: owner.id, kind: "draw_digest", to: owner.email, ...digest, idempotencyKey: `digest:419:${owner.id}:${randomUUID()}`, ...overrides };
}

function row(id: string) {
  return prisma().mailMessage.findFirstOrThrow({ where: { firmId: firm.id, id } });
}

const later = (ms: number) => new Date(Date.now() + ms);

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  env = { SMTP_URL: smtp.url, MAIL_FROM: "DrawDesk <draws@drawdesk.example>" };
  firm = await createTestFirm({ label: "mail" });
});

afterAll(async () => {
  await smtp.close();
});

beforeEach(() => {
  smtp.messages.length = 0;
  smtp.mode = "accept";
  smtp.dataDelayMs = 0;
});

describe("queueMail", () => {
  it("records the intent once per idempotency key", async () => {
    const message = mail();
    const first = await queueMail(message);
    const second = await queueMail({ ...message, subject: "changed" });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const stored = await row(first.id);
    expect(stored).toMatchObject({ status: "queued", attempts: 0, subject: digest.subject });
    expect(stored.messageId).toMatch(/^<[0-9a-f]{40}@/);
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    const message = mail();
    await expect(
      prisma().$transaction(async (tx) => {
        await queueMail(message, tx);
        throw new Error("invitation failed");
      }),
    ).rejects.toThrow("invitation failed");
    expect(await prisma().mailMessage.count({ where: { firmId: firm.id, idempotencyKey: message.idempotencyKey } })).toBe(0);
  });

  it("skips an invalid address with a reason and never sends it", async () => {
    const { id } = await queueMail(mail({ to: "not an address" }));
    expect(await row(id)).toMatchObject({ status: "skipped", lastError: expect.stringContaining("No valid e-mail address") });
    expect(await deliverMail(id, { env })).toBe("failed");
    expect(await dueMailIds(100, { env })).not.toContain(id);
    expect(smtp.messages).toHaveLength(0);
  });
});

describe("deliverMail through a real SMTP server", () => {
  it("delivers once, with both bodies, the CSV attachment and the deterministic Message-ID", async () => {
    const { id } = await queueMail(mail());
    expect(await dueMailIds(1000, { env })).toContain(id);
    expect(await deliverMail(id, { env })).toBe("sent");
    const [received] = await smtp.waitForMessages(1);
    const stored = await row(id);
    expect(stored).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(stored.sentAt).toBeInstanceOf(Date);
    expect(received.subject).toBe(digest.subject);
    expect(received.subject).toContain("#419");
    expect(received.messageId).toBe(stored.messageId);
    expect(received.from?.text).toContain("draws@drawdesk.example");
    expect(received.text).toContain("Okafor, Ada (E002): CRS 515, 5 points below");
    expect(received.html).toContain("Singh, Raj");
    expect(received.attachments).toHaveLength(1);
    expect(received.attachments[0].filename).toBe("round-419.csv");
    expect(received.attachments[0].content.toString("utf8")).toBe(digest.attachments[0].content);

    expect(await deliverMail(id, { env })).toBe("already_sent");
    expect(await dueMailIds(1000, { env })).not.toContain(id);
    expect(smtp.messages).toHaveLength(1);
  });

  it.each(["refuse-recipient", "refuse-data"] as const)("keeps a message the server refused (%s) queued, then delivers it once later", async (mode) => {
    const { id } = await queueMail(mail());
    smtp.mode = mode;
    expect(await deliverMail(id, { env })).toBe("retry");
    const refused = await row(id);
    expect(refused).toMatchObject({ status: "queued", attempts: 1, sentAt: null });
    expect(refused.lastError).toMatch(mode === "refuse-recipient" ? /451/ : /554/);
    expect(refused.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Not due yet: neither the sweep nor a direct call sends it before the backoff.
    expect(await dueMailIds(1000, { env })).not.toContain(id);
    smtp.mode = "accept";
    expect(await deliverMail(id, { env })).toBe("retry");
    expect(smtp.messages).toHaveLength(0);

    const due = later(31_000);
    expect(await dueMailIds(1000, { env, now: due })).toContain(id);
    expect(await deliverMail(id, { env, now: due })).toBe("sent");
    await smtp.waitForMessages(1);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(await deliverMail(id, { env, now: later(60_000) })).toBe("already_sent");
    expect(smtp.messages).toHaveLength(1);
  });

  it("keeps a message queued when the connection drops mid-send, and when nothing listens", async () => {
    const { id } = await queueMail(mail());
    smtp.mode = "drop";
    expect(await deliverMail(id, { env })).toBe("retry");
    expect(await row(id)).toMatchObject({ status: "queued", attempts: 1, sentAt: null, lastError: expect.any(String) });

    const closedPort = { ...env, SMTP_URL: "smtp://127.0.0.1:1" };
    expect(await deliverMail(id, { env: closedPort, now: later(31_000) })).toBe("retry");
    const down = await row(id);
    expect(down).toMatchObject({ status: "queued", attempts: 2 });
    expect(down.lastError).toMatch(/ECONNREFUSED|ECONNECTION/);

    smtp.mode = "accept";
    expect(await deliverMail(id, { env, now: later(5 * 60_000) })).toBe("sent");
    await smtp.waitForMessages(1);
    expect(smtp.messages).toHaveLength(1);
  });

  it("sends one message when two processes deliver it at the same time", async () => {
    const { id } = await queueMail(mail());
    smtp.dataDelayMs = 300;
    const results = await Promise.all([deliverMail(id, { env }), deliverMail(id, { env }), deliverMail(id, { env })]);
    expect(results.toSorted()).toEqual(["retry", "retry", "sent"]);
    await smtp.waitForMessages(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(smtp.messages).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("re-sends with the same Message-ID when a crash lost the 'sent' record, after the claim expires", async () => {
    const { id } = await queueMail(mail());
    expect(await deliverMail(id, { env })).toBe("sent");
    // As if the process died after the server's 250 and before recording it.
    await prisma().mailMessage.updateMany({ where: { firmId: firm.id, id }, data: { status: "sending", sentAt: null, claimedUntil: later(60_000) } });
    expect(await dueMailIds(1000, { env })).not.toContain(id);
    expect(await deliverMail(id, { env })).toBe("retry");
    const expired = later(2 * 60_000);
    expect(await dueMailIds(1000, { env, now: expired })).toContain(id);
    expect(await deliverMail(id, { env, now: expired })).toBe("sent");
    const received = await smtp.waitForMessages(2);
    expect(received[1].messageId).toBe(received[0].messageId);
  });

  it("gives up after the last attempt", async () => {
    const { id } = await queueMail(mail());
    await prisma().mailMessage.updateMany({ where: { firmId: firm.id, id }, data: { attempts: MAX_MAIL_ATTEMPTS - 1 } });
    smtp.mode = "refuse-recipient";
    expect(await deliverMail(id, { env })).toBe("failed");
    expect(await row(id)).toMatchObject({ status: "failed", attempts: MAX_MAIL_ATTEMPTS, lastError: expect.stringMatching(/451/) });
    expect(await dueMailIds(1000, { env, now: later(24 * 3600_000) })).not.toContain(id);
    expect(await deliverMail(id, { env })).toBe("failed");
  });
});

describe("without SMTP_URL", () => {
  it("keeps the message in the outbox, and sends it once SMTP is configured", async () => {
    const { id } = await queueMail(mail());
    expect(await dueMailIds(1000, { env: NO_SMTP })).toContain(id);
    expect(await deliverMail(id, { env: NO_SMTP })).toBe("outbox");
    expect(await row(id)).toMatchObject({ status: "outbox", attempts: 0, sentAt: null });
    expect(await dueMailIds(1000, { env: NO_SMTP })).not.toContain(id);
    expect(await deliverMail(id, { env: NO_SMTP })).toBe("outbox");

    expect(await dueMailIds(1000, { env })).toContain(id);
    expect(await deliverMail(id, { env })).toBe("sent");
    await smtp.waitForMessages(1);
    expect(smtp.messages).toHaveLength(1);
  });
});
