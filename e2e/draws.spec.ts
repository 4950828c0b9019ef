import { expect, test, type Browser, type Page } from "@playwright/test";
import { addDaysToDate } from "@/lib/dates/calendar-date";
import { todayIn } from "@/lib/dates/time-zone";
import { insertClientsBulk, type ClientInsert } from "@/lib/db/clients/bulk";
import { prisma } from "@/lib/db/prisma";
import { createTestFirm, TEST_PASSWORD, testClientInsert, type TestFirm } from "@/lib/db/testing/fixtures";

async function signIn(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
}

async function newPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await signIn(page, email);
  return page;
}

const today = todayIn("America/Toronto", new Date());
const day = (offset: number) => addDaysToDate(today, offset);
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** IRCC's way of writing a time: "November 23, 2026 at 14:30:05 UTC". */
const irccTime = (date: string, time: string) => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(8))}, ${date.slice(0, 4)} at ${time} UTC`;

/**
 * One new CEC round dated today, numbered for this run only, with a cut-off of 470 and the
 * tie-break two days ago. The test's own firm decides exactly who is above it.
 */
function roundsFile(number: string) {
  const dd = Object.fromEntries(Array.from({ length: 18 }, (_, i) => [`dd${i + 1}`, "0"]));
  return {
    classes: "",
    rounds: [
      {
        drawNumber: number,
        drawDate: today,
        drawName: "Canadian Experience Class",
        drawSize: "1,250",
        drawCRS: "470",
        drawText2: "Canadian Experience Class",
        drawDateTime: "",
        drawCutOff: irccTime(day(-2), "14:30:05"),
        drawDistributionAsOn: "",
        ...dd,
      },
    ],
  };
}

function client(firm: TestFirm, team: number, firstName: string, lastName: string, crs: number, overrides: Partial<ClientInsert> = {}): ClientInsert {
  const submitted = overrides.profileSubmittedAt ?? `${day(-5)}T10:00:00.000Z`;
  return testClientInsert(firm.teams[team].id, {
    firstName,
    lastName,
    profileSubmittedAt: submitted,
    profileExpiresOn: day(200),
    scores: [{ crs, effectiveAt: submitted, source: "manual", reason: null }],
    ...overrides,
  });
}

test("an admin imports a new round; its page, the dashboard and a consultant's view list exactly the right clients", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const firm = await createTestFirm({ label: "e2e-draws", teams: ["Toronto desk", "Calgary desk"] });
  const consultant = firm.user("consultant");
  await prisma().$transaction((tx) =>
    insertClientsBulk(
      tx,
      firm.id,
      [
        client(firm, 0, "Amara", "Above", 520, { consultantId: consultant.id }),
        // At the cut-off, submitted before the tie-break time: invited.
        client(firm, 0, "Tobi", "Tiebefore", 470),
        // At the cut-off, submitted after the tie-break time: a near miss.
        client(firm, 0, "Tara", "Tieafter", 470, { profileSubmittedAt: `${day(-1)}T09:00:00.000Z` }),
        client(firm, 0, "Bela", "Below", 430),
        client(firm, 1, "Omar", "Otherteam", 600),
        client(firm, 0, "Fern", "Fswonly", 700, { programs: ["FSW"] }),
        client(firm, 0, "Eli", "Expiring", 300, { profileExpiresOn: day(20) }),
      ],
      { timeZone: "America/Toronto" },
    ),
  );
  const number = String(9000 + Math.floor(Math.random() * 900));

  // Import: the dry run first, then apply.
  await signIn(page, firm.user("admin").email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Draws" }).click();
  await page.getByRole("link", { name: "Import rounds" }).click();
  await page.getByLabel("Rounds file (JSON)").setInputFiles({ name: "rounds.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(roundsFile(number))) });
  await page.getByRole("button", { name: "Preview the file" }).click();
  const preview = page.getByRole("region", { name: "Preview (nothing saved yet)" });
  await expect(preview.getByRole("list", { name: "Import summary" })).toContainText(`1 added: #${number}`);
  expect(await prisma().draw.count({ where: { number } })).toBe(0);
  await preview.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status", { name: "Import applied" })).toContainText(`1 added: #${number}`);
  const audit = await prisma().auditLog.findFirst({ where: { firmId: firm.id, action: "draws.import" } });
  expect(audit?.metadata).toMatchObject({ added: [number] });

  // The draw page: exactly the expected clients, the tie-break in words.
  await page.goto(`/draws/${number}`);
  await expect(page.getByRole("heading", { level: 1, name: `Draw #${number}` })).toBeVisible();
  const above = page.getByRole("table", { name: /^Above the cut-off/ });
  await expect(above.getByRole("link")).toHaveText(["Omar Otherteam", "Amara Above", "Tobi Tiebefore"]);
  await expect(above.getByRole("row", { name: /Tobi Tiebefore/ })).toContainText(/before the tie-break time .* → invited/);
  await expect(page.getByRole("table", { name: /^Newly above/ }).getByRole("link")).toHaveText(["Omar Otherteam", "Amara Above", "Tobi Tiebefore"]);
  const near = page.getByRole("table", { name: /^Near misses/ });
  await expect(near.getByRole("link")).toHaveText(["Tara Tieafter"]);
  await expect(near.getByRole("row", { name: /Tara Tieafter/ })).toContainText(/after the tie-break time .* → not invited/);

  // The impact CSV offered in the page's Export menu holds the same lists.
  await page.getByText("Export", { exact: true }).click();
  await expect(page.getByRole("button", { name: "Impact (CSV)" })).toBeVisible();
  const csv = await page.request.get(`/api/exports/draws/${number}/impact.csv`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split("\n");
  expect(lines.filter((l) => l.startsWith("Above the cut-off,")).length).toBe(3);
  expect(lines.filter((l) => l.startsWith("Near miss,")).map((l) => l.split(",")[1])).toEqual(["Tieafter"]);

  // The dashboard: the three are new since the last CEC draw; the 20-day profile is in the 30-day band.
  await page.goto("/");
  const newly = page.getByRole("table", { name: new RegExp(`Canadian Experience Class #${number}: 3 clients newly above`) });
  await expect(newly.getByRole("link", { name: /Otherteam|Above|Tiebefore/ })).toHaveText(["Omar Otherteam", "Amara Above", "Tobi Tiebefore"]);
  await expect(newly.getByRole("link", { name: "Eli Expiring" })).toHaveCount(0);
  const within30 = page.getByRole("table", { name: /Within 30 days/ });
  await expect(within30.getByRole("row", { name: /Eli Expiring/ })).toContainText(`${day(20)} (in 20 d)`);
  await expect(page.getByRole("table", { name: /Within 7 days|Overdue/ })).toHaveCount(0);

  // A consultant of the Toronto desk sees only that team's clients.
  const consultantPage = await newPage(browser, consultant.email);
  await consultantPage.goto(`/draws/${number}`);
  await expect(consultantPage.getByRole("table", { name: /^Above the cut-off/ }).getByRole("link")).toHaveText(["Amara Above", "Tobi Tiebefore"]);
  await expect(consultantPage.getByText("Omar Otherteam")).toHaveCount(0);
  await consultantPage.goto("/");
  await expect(consultantPage.getByRole("table", { name: new RegExp(`#${number}: 2 clients newly above`) }).getByRole("link", { name: /Above|Tiebefore/ })).toHaveText([
    "Amara Above",
    "Tobi Tiebefore",
  ]);
});

test("an unknown draw number is a 404, and the import page is for admins only", async ({ page }) => {
  const firm = await createTestFirm({ label: "e2e-draws-access" });
  await signIn(page, firm.user("consultant").email);
  const response = await page.goto("/draws/99999999");
  expect(response?.status()).toBe(404);
  await page.goto("/draws/import");
  await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
  await page.goto("/draws");
  await expect(page.getByRole("link", { name: "Import rounds" })).toHaveCount(0);
});

test("the feed sync refuses an address outside the allowed feed hosts, and a hand-entered round is provisional", async ({ page }) => {
  const firm = await createTestFirm({ label: "e2e-draws-feed" });
  await signIn(page, firm.user("admin").email);
  await page.goto("/draws/import");
  await page.getByLabel("Feed URL").fill("http://127.0.0.1:9/ee_rounds_123_en.json");
  await page.getByRole("button", { name: "Preview the feed" }).click();
  // Server-side request forgery guard: only IRCC's host and DRAWS_FEED_URL's host are fetched.
  await expect(page.getByRole("alert", { name: "Could not read the rounds" })).toContainText(
    "The feed address was refused: 127.0.0.1:9 is not an allowed feed host (allowed: www.canada.ca)",
  );

  const number = String(95000 + Math.floor(Math.random() * 4000));
  const form = page.getByRole("form", { name: "Enter a round by hand" });
  await form.getByLabel("Draw number").fill(number);
  await form.getByLabel("Date").fill("2001-02-03");
  await form.getByLabel("Kind").selectOption("cec");
  await form.getByLabel("CEC").check();
  await form.getByLabel("Invitations").fill("1500");
  await form.getByLabel("Cut-off (CRS)").fill("491");
  await form.getByLabel("Tie-break time (UTC)").fill("2001-01-30T12:34:56");
  await form.getByRole("button", { name: "Save provisional round" }).click();
  await expect(page.getByRole("status", { name: "Provisional round saved" })).toBeVisible();
  await page.getByRole("link", { name: `Draw #${number}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Draw #${number} Provisional` })).toBeVisible();
  await expect(page.getByText("2001-01-30 07:34:56 EST (2001-01-30T12:34:56Z)")).toBeVisible();
  const stored = await prisma().draw.findUnique({ where: { number } });
  expect(stored).toMatchObject({ provisional: true, cutoff: 491, kind: "cec" });
  await prisma().draw.delete({ where: { number } });
});
