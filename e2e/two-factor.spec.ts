import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { generate } from "otplib";
import { prisma } from "@/lib/db/prisma";
import { createTestFirm, TEST_PASSWORD, type TestUser } from "@/lib/db/testing/fixtures";
import { signIn } from "./support/auth";

/** A fresh browser context signed in as `user` through the real form. */
async function signedIn(browser: Browser, user: TestUser, callbackUrl = "/"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user, callbackUrl);
  return page;
}

/** Serious and critical WCAG 2.1 A/AA violations on the page as it is now (the sweep only sees pages at rest). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Enrols the signed-in user from the security page, reading the key as someone typing it into an app would; returns it. */
async function enrol(page: Page, email: string): Promise<string> {
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: `QR code for DrawDesk, account ${email}` })).toBeVisible();
  const secret = await page.getByLabel("Key for manual entry").inputValue();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("Code from your authenticator app").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "I have saved my recovery codes" }).click();
  await expect(page.getByText(/^On since .* You have 10 unused recovery codes\.$/)).toBeVisible();
  await expect(page.getByLabel("Key for manual entry")).toHaveCount(0);
  return secret;
}

test("the firm requires two-factor: an admin is made to enrol, then signs in with password and code", async ({ browser }) => {
  const firm = await createTestFirm({ label: "e2e-mfa" });
  const owner = await signedIn(browser, firm.user("owner"), "/settings/firm");
  await owner.getByLabel("Require two-factor sign-in for owners and admins").check();
  await owner.getByRole("button", { name: "Save settings" }).click();
  // Only someone who already uses two-factor may require it: the owner enrols first.
  await expect(owner.getByRole("alert", { name: "Could not save" })).toContainText("Turn on two-factor sign-in for yourself first");
  await owner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Security" }).click();
  await enrol(owner, firm.user("owner").email);
  await owner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Firm" }).click();
  await owner.getByLabel("Require two-factor sign-in for owners and admins").check();
  await owner.getByRole("button", { name: "Save settings" }).click();
  await expect(owner.getByRole("status", { name: "Settings saved" })).toBeVisible();

  const admin = firm.user("admin");
  const page = await signedIn(browser, admin);
  await expect(page).toHaveURL(/\/settings\/security$/);
  await expect(page.getByRole("status", { name: "Set up two-factor sign-in to continue" })).toBeVisible();
  // Nothing else opens until enrolment is done: the menu offers only this page, and others send back here.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Security"]);
  await page.goto("/clients");
  await expect(page).toHaveURL(/\/settings\/security$/);
  const secret = await enrol(page, admin.email);

  await page.goto("/clients");
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  // Signing out ends the session's record too, so a copied cookie would not outlive it.
  await expect.poll(() => prisma().userSession.count({ where: { firmId: firm.id, userId: admin.id, revokedAt: null } })).toBe(0);

  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("alert", { name: "Sign-in failed" })).toContainText("The code is incorrect");
  // The enrolment used up the current time step (replays are refused): the authenticator's next
  // code, one step ahead, is inside the accepted clock drift.
  await page.getByLabel("Authentication code").fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
});

test("a session revoked from another browser is signed out at its next request, by the user or an admin", async ({ browser }) => {
  const firm = await createTestFirm({ label: "e2e-sessions" });
  const consultant = firm.user("consultant");
  const laptop = await signedIn(browser, consultant, "/settings/security");
  const phone = await signedIn(browser, consultant);

  await laptop.reload();
  const mine = laptop.getByRole("table", { name: "Your active sessions" });
  await expect(mine.getByRole("row")).toHaveCount(3);
  await expect(mine.getByRole("button", { name: "Sign out this browser" })).toHaveCount(1);
  await mine.getByRole("button", { name: "Revoke" }).click();
  await expect(mine.getByRole("row")).toHaveCount(2);
  await phone.goto("/clients");
  await expect(phone).toHaveURL(/\/signin\?callbackUrl=%2Fclients$/);

  await signIn(phone, consultant);
  const admin = await signedIn(browser, firm.user("admin"), "/settings/users");
  const row = admin.getByRole("row").filter({ hasText: consultant.email });
  await row.getByText(/^Sessions of .* \(2\)$/).click();
  const theirs = row.getByRole("table", { name: /^Sessions of / });
  await theirs.getByRole("button", { name: "Revoke" }).first().click();
  await expect(theirs.getByRole("button", { name: "Revoke" })).toHaveCount(1);
  await theirs.getByRole("button", { name: "Revoke" }).click();
  await expect(admin.getByRole("row").filter({ hasText: consultant.email }).getByText(/^Sessions of .* \(0\)$/)).toBeVisible();
  await phone.goto("/");
  await expect(phone).toHaveURL(/\/signin/);
  await laptop.goto("/");
  await expect(laptop).toHaveURL(/\/signin/);
});
