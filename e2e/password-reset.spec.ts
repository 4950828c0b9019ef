import { expect, test } from "@playwright/test";
import { prisma } from "@/lib/db/prisma";
import { createTestFirm, TEST_PASSWORD } from "@/lib/db/testing/fixtures";
import { signIn } from "./support/auth";

// The e2e server runs without SMTP_URL, so the reset mail waits in the outbox: the spec reads the
// link from the outbox row, as the recipient would from their inbox.
test("forgot password: the link from the mail sets a new password, signs the old session out, and the new one works", async ({ page, browser }) => {
  const firm = await createTestFirm({ label: "e2e-reset" });
  const owner = firm.user("owner");

  // A session signed in before the reset, in another browser.
  const earlier = await browser.newContext();
  const earlierPage = await earlier.newPage();
  await signIn(earlierPage, owner);

  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(owner.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const answer = page.getByRole("status", { name: "Check your email" });
  await expect(answer).toBeVisible();

  // The same answer for an address without an account.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/forgot-password");
  await otherPage.getByLabel("Email").fill(`nobody-${Date.now()}@test.example`);
  await otherPage.getByRole("button", { name: "Send reset link" }).click();
  await expect(otherPage.getByRole("status", { name: "Check your email" })).toHaveText((await answer.textContent()) ?? "");
  await other.close();

  // The mail is queued just after the answer (so its timing says nothing about the account).
  const findMail = () => prisma().mailMessage.findFirst({ where: { firmId: firm.id, to: owner.email, kind: "password_reset" } });
  await expect.poll(findMail).not.toBeNull();
  const mail = (await findMail())!;
  // Queued, or already moved to the outbox by a worker (no SMTP_URL here): never sent.
  expect(["queued", "outbox"]).toContain(mail.status);
  const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  expect(link).toBeDefined();

  await page.goto(new URL(link!).pathname);
  await expect(page.getByText(`For ${owner.email}.`)).toBeVisible();
  await page.getByRole("textbox", { name: "New password", exact: true }).fill("my brand new password");
  await page.getByLabel("Confirm new password").fill("my brand new password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status", { name: "Your password is changed" })).toBeVisible();

  // The session from before the reset is over.
  await earlierPage.goto("/clients");
  await expect(earlierPage).toHaveURL(/\/signin\?callbackUrl=/);
  await earlier.close();

  // The old password no longer works; the new one does.
  await page.goto("/signin");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert", { name: "Sign-in failed" })).toBeVisible();
  await signIn(page, { email: owner.email, password: "my brand new password" });
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  // The link worked once.
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("status", { name: "This link cannot be used" })).toBeVisible();
});

test("an admin sees that mail is not configured and reads the outbox, with reset links hidden", async ({ page }) => {
  const firm = await createTestFirm({ label: "e2e-outbox" });
  const consultant = firm.user("consultant");
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(consultant.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status", { name: "Check your email" })).toBeVisible();
  await expect.poll(() => prisma().mailMessage.count({ where: { firmId: firm.id, to: consultant.email } })).toBe(1);

  await signIn(page, firm.user("admin"));
  await expect(page.getByRole("status", { name: "E-mail is not configured" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: consultant.email });
  await expect(row).toContainText("Password reset");
  await expect(row).toContainText(/Queued|In outbox/);
  await row.getByRole("link", { name: "Reset your DrawDesk password" }).click();
  const body = page.getByLabel("Message text");
  await expect(body).toContainText("/reset-password/[link hidden");
  await expect(body).not.toContainText(/reset-password\/[A-Za-z0-9_-]{20,}/);
});

test("consultants cannot open the outbox", async ({ page }) => {
  const firm = await createTestFirm({ label: "e2e-outbox-no" });
  await signIn(page, firm.user("consultant"));
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" })).toHaveCount(0);
  await expect(page.getByRole("status", { name: "E-mail is not configured" })).toHaveCount(0);
  await page.goto("/settings/outbox");
  await expect(page).toHaveURL(/\/forbidden/);
});
