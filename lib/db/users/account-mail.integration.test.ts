import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD_RESET_RATE_LIMIT, SIGN_IN_RATE_LIMIT } from "@/lib/auth/rate-limit";
import { hashToken } from "@/lib/auth/tokens";
import { ForbiddenError, InvalidInputError, NotFoundError, RateLimitedError } from "@/lib/errors";
import type { MailEnv } from "@/lib/mail/app-url";
import { HIDDEN_LINK } from "@/lib/mail/redact";
import { startTestSmtpServer, type TestSmtpServer } from "@/lib/mail/testing/smtp-server";
import { listAudit } from "../audit";
import { inviteUser } from "./invitations";
import { deliverMail } from "../mail";
import { getOutboxMessage, listOutbox } from "../mail/outbox";
import { findUsableReset, requestPasswordReset, resetPassword } from "./password-reset";
import { prisma } from "../prisma";
import { authenticate, loadSessionUser } from "./sign-in";
import { createTestFirm, TEST_PASSWORD } from "../testing/fixtures";
import { setUserActive } from "./manage";

let smtp: TestSmtpServer;
let env: MailEnv;
const address = () => `198.51.100.${Math.floor(Math.random() * 250)}`;
const NEW_PASSWORD = "a fresh long password";

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  env = { SMTP_URL: smtp.url, MAIL_FROM: "DrawDesk <accounts@drawdesk.example>" };
});

afterAll(() => smtp.close());

async function mailsTo(email: string) {
  return prisma().mailMessage.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
}

/** Delivers the latest mail to `email` through the SMTP server and returns the link in it. */
async function deliverAndReadLink(email: string, pattern: RegExp): Promise<string> {
  const [mail] = (await mailsTo(email)).slice(-1);
  const before = smtp.messages.length;
  expect(await deliverMail(mail.id, { env })).toBe("sent");
  const received = (await smtp.waitForMessages(before + 1))[before];
  expect(received.to && "text" in received.to ? received.to.text : "").toContain(email);
  const link = pattern.exec(received.text ?? "")?.[0];
  expect(link).toBeDefined();
  return link!;
}

describe("invitation e-mail", () => {
  it("is queued with the invitation, carries its link, and is delivered", async () => {
    const firm = await createTestFirm({ label: "invmail" });
    const email = `invited-${Date.now()}@test.example`;
    const result = await inviteUser(firm.user("admin").scope, { email, name: "Nadia Invitee", role: "consultant", teamIds: [firm.teams[0].id] });
    const [queued] = await mailsTo(email);
    expect(queued).toMatchObject({ id: result.mailId, firmId: firm.id, kind: "invitation", status: "queued", idempotencyKey: `invitation:${result.invitationId}` });
    expect(queued.subject).toBe(`You are invited to ${firm.name} on DrawDesk`);
    expect(result.emailed).toBe(false);
    const link = await deliverAndReadLink(email, /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/);
    expect(link).toBe(result.url);
  });
});

describe("forgot password", () => {
  it("mails a one-time link (stored hashed) that sets the new password, revokes sessions and is audited", async () => {
    const firm = await createTestFirm({ label: "reset" });
    const consultant = firm.user("consultant");
    const sessionBefore = Date.now() - 1000;
    await requestPasswordReset({ email: consultant.email.toUpperCase() }, address());
    const [queued] = await mailsTo(consultant.email);
    expect(queued).toMatchObject({ kind: "password_reset", userId: consultant.id, status: "queued" });

    const link = await deliverAndReadLink(consultant.email, /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/);
    const token = link.slice(link.lastIndexOf("/") + 1);
    const stored = await prisma().passwordResetToken.findMany({ where: { firmId: firm.id, userId: consultant.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0].expiresAt.getTime() - stored[0].createdAt.getTime()).toBeCloseTo(60 * 60_000, -4);

    expect(await findUsableReset(token)).toEqual({ email: consultant.email });
    await expect(resetPassword({ token, password: "short", confirmPassword: "short" }, address())).rejects.toThrow();
    expect(await resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, address())).toEqual({ email: consultant.email });

    expect(await authenticate(consultant.email, TEST_PASSWORD, address())).toBeNull();
    expect(await authenticate(consultant.email, NEW_PASSWORD, address())).toMatchObject({ userId: consultant.id });
    // Sessions signed in before the reset are refused; new ones work.
    expect(await loadSessionUser(firm.id, consultant.id, sessionBefore)).toBeNull();
    expect(await loadSessionUser(firm.id, consultant.id)).toBeNull();
    expect(await loadSessionUser(firm.id, consultant.id, Date.now() + 1)).toMatchObject({ userId: consultant.id });

    // Single use.
    expect(await findUsableReset(token)).toBeNull();
    await expect(resetPassword({ token, password: "yet another password", confirmPassword: "yet another password" }, address())).rejects.toBeInstanceOf(InvalidInputError);
    const { rows } = await listAudit(firm.user("owner").scope, { userId: consultant.id });
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["auth.password_reset_request", "auth.password_reset"]));
  });

  it("lifts a sign-in lock that failed attempts put on the account", async () => {
    const firm = await createTestFirm({ label: "reset-unlock" });
    const viewer = firm.user("viewer");
    for (let i = 0; i < SIGN_IN_RATE_LIMIT.maxFailuresPerAccount; i++) await authenticate(viewer.email, "someone guessing", address());
    await expect(authenticate(viewer.email, TEST_PASSWORD, address())).rejects.toBeInstanceOf(RateLimitedError);
    await requestPasswordReset({ email: viewer.email }, address());
    const link = await deliverAndReadLink(viewer.email, /\/reset-password\/[A-Za-z0-9_-]+/);
    await resetPassword({ token: link.slice(link.lastIndexOf("/") + 1), password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, address());
    expect(await authenticate(viewer.email, NEW_PASSWORD, address())).toMatchObject({ userId: viewer.id });
  });

  it("answers an unknown or deactivated address the same way and sends nothing", async () => {
    const firm = await createTestFirm({ label: "reset-none" });
    const viewer = firm.user("viewer");
    await setUserActive(firm.user("admin").scope, viewer.id, false);
    const unknown = `nobody-${Date.now()}@test.example`;
    await expect(requestPasswordReset({ email: unknown }, address())).resolves.toBeUndefined();
    await expect(requestPasswordReset({ email: viewer.email }, address())).resolves.toBeUndefined();
    expect(await mailsTo(unknown)).toHaveLength(0);
    expect(await mailsTo(viewer.email)).toHaveLength(0);
  });

  it("voids the earlier link when a new one is requested, and refuses an expired link", async () => {
    const firm = await createTestFirm({ label: "reset-void" });
    const owner = firm.user("owner");
    await requestPasswordReset({ email: owner.email }, address());
    const first = await deliverAndReadLink(owner.email, /\/reset-password\/[A-Za-z0-9_-]+/);
    await requestPasswordReset({ email: owner.email }, address());
    const second = await deliverAndReadLink(owner.email, /\/reset-password\/[A-Za-z0-9_-]+/);
    const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);
    expect(await findUsableReset(tokenOf(first))).toBeNull();
    await expect(resetPassword({ token: tokenOf(first), password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, address())).rejects.toBeInstanceOf(InvalidInputError);
    const inAnHour = new Date(Date.now() + 61 * 60_000);
    expect(await findUsableReset(tokenOf(second), inAnHour)).toBeNull();
    await expect(resetPassword({ token: tokenOf(second), password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, address(), inAnHour)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await findUsableReset(tokenOf(second))).toEqual({ email: owner.email });
  });

  it("is rate-limited per account and per client address, known or unknown", async () => {
    const firm = await createTestFirm({ label: "reset-limit" });
    const admin = firm.user("admin");
    for (let i = 0; i < PASSWORD_RESET_RATE_LIMIT.maxFailuresPerAccount; i++) await requestPasswordReset({ email: admin.email }, address());
    await expect(requestPasswordReset({ email: admin.email }, address())).rejects.toBeInstanceOf(RateLimitedError);
    expect(await mailsTo(admin.email)).toHaveLength(PASSWORD_RESET_RATE_LIMIT.maxFailuresPerAccount);
    const unknown = `ghost-${Date.now()}@test.example`;
    for (let i = 0; i < PASSWORD_RESET_RATE_LIMIT.maxFailuresPerAccount; i++) await requestPasswordReset({ email: unknown }, address());
    await expect(requestPasswordReset({ email: unknown }, address())).rejects.toBeInstanceOf(RateLimitedError);

    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < PASSWORD_RESET_RATE_LIMIT.maxFailuresPerAddress; i++) await requestPasswordReset({ email: `someone-${i}-${Date.now()}@test.example` }, ip);
    await expect(requestPasswordReset({ email: firm.user("owner").email }, ip)).rejects.toBeInstanceOf(RateLimitedError);
    // Sign-in is a separate limit: the reset requests did not lock the account.
    expect(await authenticate(admin.email, TEST_PASSWORD, address())).toMatchObject({ userId: admin.id });
  });
});

describe("outbox for administrators", () => {
  it("lists only the firm's messages, newest first with a keyset cursor, and hides reset links", async () => {
    const firm = await createTestFirm({ label: "outbox" });
    const other = await createTestFirm({ label: "outbox-other" });
    const admin = firm.user("admin").scope;
    for (const [i, user] of [firm.user("consultant"), firm.user("viewer"), firm.user("owner")].entries()) {
      await requestPasswordReset({ email: user.email }, address());
      // Distinct instants: the order must not hang on two requests landing in the same millisecond.
      await prisma().mailMessage.updateMany({ where: { firmId: firm.id, to: user.email }, data: { createdAt: new Date(Date.UTC(2026, 5, 1, 12, i)) } });
    }
    await requestPasswordReset({ email: other.user("owner").email }, address());

    const first = await listOutbox(admin, { limit: 2 });
    expect(first.rows.map((r) => r.to)).toEqual([firm.user("owner").email, firm.user("viewer").email]);
    expect(first.next).not.toBeNull();
    const second = await listOutbox(admin, { limit: 2, before: first.next! });
    expect(second.rows.map((r) => r.to)).toEqual([firm.user("consultant").email]);
    expect(second.next).toBeNull();

    const message = await getOutboxMessage(admin, first.rows[0].id);
    expect(message.text).toContain(`/reset-password/${HIDDEN_LINK}`);
    expect(message.html).not.toMatch(/\/reset-password\/[A-Za-z0-9_-]{20,}/);
    expect(message.attempts).toBe(0);

    const foreign = (await listOutbox(other.user("admin").scope)).rows[0];
    expect(foreign.to).toBe(other.user("owner").email);
    await expect(getOutboxMessage(admin, foreign.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getOutboxMessage(admin, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    await expect(listOutbox(firm.user("consultant").scope)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
