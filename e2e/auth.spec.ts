import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/db/seed-demo";
import { createTestFirm, TEST_PASSWORD } from "@/lib/db/testing/fixtures";

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("the demo owner signs in and lands on the dashboard of the demo firm", async ({ page }) => {
  await page.goto("/signin");
  await signIn(page, DEMO_USERS[0].email, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByText("Maple Route Immigration")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" })).toBeVisible();
});

test("a wrong password shows an error and does not sign in", async ({ page }) => {
  const firm = await createTestFirm({ label: "e2e-wrong" });
  await page.goto("/signin");
  await signIn(page, firm.user("consultant").email, "not the password");
  await expect(page.getByRole("alert", { name: "Sign-in failed" })).toContainText("The email or password is incorrect.");
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F$/);
});

test("a signed-out visit to a protected page goes to sign-in and returns there after", async ({ page }) => {
  const firm = await createTestFirm({ label: "e2e-return" });
  await page.goto("/audit?action=auth.sign_in");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await signIn(page, firm.user("admin").email, TEST_PASSWORD);
  await expect(page).toHaveURL(/\/audit\?action=auth\.sign_in$/);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
});

test("protected API routes answer 401 without a session, and pages carry security headers", async ({ request }) => {
  const api = await request.get("/api/clients/export", { maxRedirects: 0 });
  expect(api.status()).toBe(401);
  const page = await request.get("/signin");
  const headers = page.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBeTruthy();
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("an owner invites a user; the invitee accepts the link and signs in", async ({ page, browser }) => {
  const firm = await createTestFirm({ label: "e2e-invite" });
  await page.goto("/signin");
  await signIn(page, firm.user("owner").email, TEST_PASSWORD);
  await page.getByRole("link", { name: "Team" }).click();
  const invite = page.getByRole("form", { name: "Invite someone" });
  const email = `invitee-${Date.now()}@test.example`;
  await invite.getByLabel("Name").fill("Nadia Invitee");
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Role").selectOption("consultant");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  const link = page.getByTestId("invitation-link");
  await expect(link).toBeVisible();
  const url = await link.getAttribute("href");
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);

  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(new URL(url!).pathname);
  await expect(inviteePage.getByRole("heading", { name: `Join ${firm.name}` })).toBeVisible();
  await inviteePage.getByLabel(/^Password/).fill("a brand new password");
  await inviteePage.getByLabel("Confirm password").fill("a brand new password");
  await inviteePage.getByRole("button", { name: "Set password" }).click();
  await expect(inviteePage.getByRole("status", { name: "Your account is ready" })).toBeVisible();
  await inviteePage.getByRole("link", { name: "sign in" }).click();
  await signIn(inviteePage, email, "a brand new password");
  await expect(inviteePage.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  // The link works once.
  await inviteePage.goto(new URL(url!).pathname);
  await expect(inviteePage.getByRole("status", { name: "This link cannot be used" })).toBeVisible();
  await invitee.close();
});

test("a viewer cannot reach an admin page", async ({ page }) => {
  const firm = await createTestFirm({ label: "e2e-viewer" });
  await page.goto("/signin");
  await signIn(page, firm.user("viewer").email, TEST_PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" })).toHaveCount(0);
  await page.goto("/settings/users");
  await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
});

test("sign-out ends the session", async ({ page }) => {
  const firm = await createTestFirm({ label: "e2e-signout" });
  await page.goto("/signin");
  await signIn(page, firm.user("consultant").email, TEST_PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});
