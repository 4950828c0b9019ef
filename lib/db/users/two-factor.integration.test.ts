import { generate } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_RATE_LIMIT } from "@/lib/auth/rate-limit";
import { ConflictError, ForbiddenError, InvalidInputError, RateLimitedError, SecondFactorError } from "@/lib/errors";
import { listAudit } from "../audit";
import { updateFirmSettings } from "../firms";
import { prisma } from "../prisma";
import { authenticate, loadSessionUser } from "./sign-in";
import { createTestFirm, TEST_PASSWORD, type TestFirm, type TestUser } from "../testing/fixtures";
import { confirmTwoFactorEnrolment, disableTwoFactor, getTwoFactorStatus, startTwoFactorEnrolment } from "./two-factor";

// The key that seals TOTP secrets is derived from the app secret.
process.env.NEXTAUTH_SECRET ||= "integration-test-secret-of-at-least-32-chars";

const address = () => `192.0.2.${Math.floor(Math.random() * 250)}`;
const codeFor = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
// Close to the real clock: the rate limit counts attempt rows stamped by the database.
const t0 = new Date();
const later = (steps: number) => new Date(t0.getTime() + steps * 30_000);

/** Enrols `user` at t0 and returns their secret (read from the page's status, as a person would) and recovery codes. */
async function enrol(user: TestUser): Promise<{ secret: string; codes: string[] }> {
  await startTwoFactorEnrolment(user.scope);
  const status = await getTwoFactorStatus(user.scope);
  const secret = status.pending!.secret;
  const codes = await confirmTwoFactorEnrolment(user.scope, await codeFor(secret, t0), t0);
  return { secret, codes };
}

async function actions(firm: TestFirm, user: TestUser): Promise<string[]> {
  const { rows } = await listAudit(firm.user("owner").scope, { userId: user.id });
  return rows.map((r) => r.action);
}

async function failures(email: string): Promise<number> {
  return prisma().signInAttempt.count({ where: { key: `account:${email.toLowerCase()}`, success: false } });
}

let firm: TestFirm;
beforeAll(async () => {
  firm = await createTestFirm({
    label: "mfa",
    users: [
      { role: "owner", teams: [0] },
      { role: "admin", teams: [0] },
      { role: "consultant", teams: [0] },
      { role: "consultant", teams: [0] },
      { role: "consultant", teams: [0] },
      { role: "viewer", teams: [0] },
      { role: "viewer", teams: [0] },
    ],
  });
});
const consultant = (i: number) => firm.users.filter((u) => u.role === "consultant")[i];
const viewer = (i: number) => firm.users.filter((u) => u.role === "viewer")[i];

describe("two-factor enrolment", () => {
  it("stays off until a code confirms it, stores the secret sealed and the recovery codes hashed, and audits", async () => {
    const user = consultant(0);
    await startTwoFactorEnrolment(user.scope);
    const pending = (await getTwoFactorStatus(user.scope)).pending!;
    expect(pending.uri).toContain(`secret=${pending.secret}`);
    expect(await authenticate(user.email, TEST_PASSWORD, address(), t0)).toMatchObject({ userId: user.id });

    const wrong = confirmTwoFactorEnrolment(user.scope, "000000", t0);
    await expect(wrong).rejects.toBeInstanceOf(InvalidInputError);
    expect((await getTwoFactorStatus(user.scope)).enabled).toBe(false);

    const codes = await confirmTwoFactorEnrolment(user.scope, await codeFor(pending.secret, t0), t0);
    expect(codes).toHaveLength(10);
    const status = await getTwoFactorStatus(user.scope);
    expect(status).toMatchObject({ enabled: true, pending: null, recoveryCodesLeft: 10 });

    const row = await prisma().user.findUniqueOrThrow({ where: { firmId_id: { firmId: firm.id, id: user.id } } });
    expect(row.totpSecret).not.toContain(pending.secret);
    const stored = await prisma().recoveryCode.findMany({ where: { firmId: firm.id, userId: user.id } });
    expect(stored.map((r) => r.codeHash).join(" ")).not.toContain(codes[0]);
    expect(stored[0].codeHash).toMatch(/^\$argon2id\$/);
    expect(await actions(firm, user)).toEqual(expect.arrayContaining(["auth.two_factor_enabled", "auth.two_factor_failed"]));
    await expect(startTwoFactorEnrolment(user.scope)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("signing in with two-factor", () => {
  it("asks for the code after the right password only, then accepts a current code once (a replay is a failed attempt)", async () => {
    const user = consultant(1);
    const { secret } = await enrol(user);
    await expect(authenticate(user.email, TEST_PASSWORD, address(), later(1))).rejects.toMatchObject({ kind: "required" });
    expect(await authenticate(user.email, "wrong password", address(), later(1), "123456")).toBeNull();
    expect(await failures(user.email)).toBe(1);

    const code = await codeFor(secret, later(1));
    expect(await authenticate(user.email, TEST_PASSWORD, address(), later(1), code)).toMatchObject({ userId: user.id });
    const replay = authenticate(user.email, TEST_PASSWORD, address(), later(1), code);
    await expect(replay).rejects.toBeInstanceOf(SecondFactorError);
    await expect(replay).rejects.toMatchObject({ kind: "invalid" });
    expect(await failures(user.email)).toBe(2);

    // The enrolment code's own step is used up too: it cannot sign in afterwards.
    await expect(authenticate(user.email, TEST_PASSWORD, address(), t0, await codeFor(secret, t0))).rejects.toMatchObject({ kind: "invalid" });
    expect(await authenticate(user.email, TEST_PASSWORD, address(), later(2), await codeFor(secret, later(2)))).toMatchObject({ userId: user.id });
    const { rows } = await listAudit(firm.user("owner").scope, { userId: user.id, action: "auth.two_factor_failed" });
    expect(rows.map((r) => (r.metadata as { reason: string }).reason)).toEqual(["replayed", "replayed"]);
  });

  it("accepts each recovery code once, whatever its case and spacing, and audits its use", async () => {
    const user = consultant(2);
    const { codes } = await enrol(user);
    const typed = codes[3].toUpperCase().replace("-", " ");
    expect(await authenticate(user.email, TEST_PASSWORD, address(), later(1), typed)).toMatchObject({ userId: user.id });
    await expect(authenticate(user.email, TEST_PASSWORD, address(), later(1), codes[3])).rejects.toMatchObject({ kind: "invalid" });
    expect(await authenticate(user.email, TEST_PASSWORD, address(), later(1), codes[4])).toMatchObject({ userId: user.id });
    expect((await getTwoFactorStatus(user.scope)).recoveryCodesLeft).toBe(8);
    const { rows } = await listAudit(firm.user("owner").scope, { userId: user.id, action: "auth.recovery_code_used" });
    expect(rows.map((r) => (r.metadata as { left: number }).left)).toEqual([8, 9]);
  });

  it("locks the account after too many wrong codes, even for the right password and code", async () => {
    const user = viewer(0);
    const { secret } = await enrol(user);
    for (let i = 0; i < SIGN_IN_RATE_LIMIT.maxFailuresPerAccount; i++) {
      await expect(authenticate(user.email, TEST_PASSWORD, address(), later(1), "999999")).rejects.toBeInstanceOf(SecondFactorError);
    }
    await expect(authenticate(user.email, TEST_PASSWORD, address(), later(2), await codeFor(secret, later(2)))).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe("turning two-factor off", () => {
  it("needs the password and a current code; wrong answers are audited and nothing changes", async () => {
    const user = viewer(1);
    const { secret } = await enrol(user);
    const ip = address();
    await expect(disableTwoFactor(user.scope, { password: "not my password", code: await codeFor(secret, later(1)) }, ip, later(1))).rejects.toMatchObject({ issues: [{ path: "password" }] });
    await expect(disableTwoFactor(user.scope, { password: TEST_PASSWORD, code: "111111" }, ip, later(1))).rejects.toMatchObject({ issues: [{ path: "code" }] });
    expect((await getTwoFactorStatus(user.scope)).enabled).toBe(true);

    await disableTwoFactor(user.scope, { password: TEST_PASSWORD, code: await codeFor(secret, later(1)) }, ip, later(1));
    expect(await getTwoFactorStatus(user.scope)).toMatchObject({ enabled: false, pending: null, recoveryCodesLeft: 0 });
    expect(await prisma().recoveryCode.count({ where: { firmId: firm.id, userId: user.id } })).toBe(0);
    expect(await authenticate(user.email, TEST_PASSWORD, address(), later(2))).toMatchObject({ userId: user.id });
    expect(await actions(firm, user)).toEqual(expect.arrayContaining(["auth.two_factor_disabled", "auth.two_factor_failed"]));
  });
});

describe("the firm's requirement", () => {
  it("is turned on by an enrolled owner or admin, then sends unenrolled owners and admins to enrolment, not other roles", async () => {
    const owner = firm.user("owner");
    const admin = firm.user("admin");
    const settings = { timeZone: "America/Toronto", nearMissMargin: "10", documentBufferMonths: "6", followedDrawKinds: [], pdfFirmName: "" };
    expect((await loadSessionUser(firm.id, admin.id))?.mustEnrolTwoFactor).toBe(false);
    await expect(updateFirmSettings(consultant(0).scope, { ...settings, requireTwoFactor: "on" })).rejects.toBeInstanceOf(ForbiddenError);
    // Not enrolled themselves: they would lock themselves out in the same click.
    await expect(updateFirmSettings(admin.scope, { ...settings, requireTwoFactor: "on" })).rejects.toMatchObject({ issues: [{ path: "requireTwoFactor" }] });
    expect((await prisma().firm.findUniqueOrThrow({ where: { id: firm.id } })).requireTwoFactor).toBe(false);

    await enrol(owner);
    expect((await updateFirmSettings(owner.scope, { ...settings, requireTwoFactor: "on" })).requireTwoFactor).toBe(true);
    const { rows } = await listAudit(owner.scope, { action: "firm.settings.update" });
    expect(rows[0].changes).toMatchObject({ requireTwoFactor: { from: false, to: true } });
    try {
      expect((await loadSessionUser(firm.id, owner.id))?.mustEnrolTwoFactor).toBe(false);
      expect((await loadSessionUser(firm.id, admin.id))?.mustEnrolTwoFactor).toBe(true);
      expect((await loadSessionUser(firm.id, consultant(0).id))?.mustEnrolTwoFactor).toBe(false);
      expect((await loadSessionUser(firm.id, viewer(1).id))?.mustEnrolTwoFactor).toBe(false);

      const { secret } = await enrol(admin);
      expect((await loadSessionUser(firm.id, admin.id))?.mustEnrolTwoFactor).toBe(false);
      expect((await getTwoFactorStatus(admin.scope)).requiredByFirm).toBe(true);
      await expect(disableTwoFactor(admin.scope, { password: TEST_PASSWORD, code: await codeFor(secret, later(1)) }, address(), later(1))).rejects.toBeInstanceOf(ConflictError);
    } finally {
      await prisma().firm.update({ where: { id: firm.id }, data: { requireTwoFactor: false } });
    }
  });
});
