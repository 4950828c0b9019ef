import { expect, test, type Page } from "@playwright/test";
import { calculateCrs, crsInputSchema, ageOn } from "../lib/crs";
import { todayIn } from "../lib/dates";
import { signIn } from "./support/auth";
import { consultantOf, profileNumber, seedClient, seedFirm } from "./support/firm";

const rows = (page: Page) => page.getByRole("table", { name: /^Clients, sorted by/ }).locator("tbody tr");
const filters = (page: Page) => page.getByRole("search", { name: "Filter clients" });
const names = (page: Page) => page.getByRole("table", { name: /^Clients, sorted by/ }).locator("tbody th");

test("creates a client with the calculator: the CRS updates live and is shown on the client page", async ({ page }) => {
  const firm = await seedFirm("create");
  const consultant = consultantOf(firm, 0);
  await signIn(page, consultant, "/clients");

  await page.getByRole("link", { name: "New client" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New client" })).toBeVisible();
  await page.getByLabel("First name").fill("Amara");
  await page.getByLabel("Last name").fill("Okoye");
  await page.getByLabel("Email").fill(`amara-${firm.slug}@client.example`);
  await page.getByLabel("Date of birth").fill("1996-05-10");
  await page.getByLabel("Profile number").fill(profileNumber());
  await page.getByLabel("Profile submitted: date").fill("2026-01-15");
  await page.getByLabel("Profile submitted: time").fill("14:30:15");
  await page.getByLabel("Canadian Experience Class (CEC)").check();

  await page.getByLabel("Level of education").selectOption("bachelors");
  for (const ability of ["reading", "writing", "listening", "speaking"]) await page.getByLabel(`First language ${ability}`, { exact: true }).selectOption("9");
  await page.getByLabel("Canadian work experience", { exact: true }).selectOption("1");

  const clb = { reading: 9, writing: 9, listening: 9, speaking: 9 };
  const age = ageOn("1996-05-10", todayIn("America/Toronto", new Date()));
  const factors = {
    age,
    hasAccompanyingSpouse: false,
    education: "bachelors",
    firstLanguage: { language: "english", clb },
    canadianWorkYears: 1,
    foreignWorkYears: 0,
    certificateOfQualification: false,
    siblingInCanada: false,
    canadianEducation: "none",
    provincialNomination: false,
  };
  const expected = calculateCrs(crsInputSchema.parse(factors)).total;
  const computed = page.getByRole("status", { name: "Computed CRS score" });
  await expect(computed).toHaveText(String(expected));

  // Live: one more year of Canadian work changes the score at once.
  await page.getByLabel("Canadian work experience", { exact: true }).selectOption("2");
  const withTwoYears = calculateCrs(crsInputSchema.parse({ ...factors, canadianWorkYears: 2 })).total;
  expect(withTwoYears).not.toBe(expected);
  await expect(computed).toHaveText(String(withTwoYears));
  await page.getByLabel("Canadian work experience", { exact: true }).selectOption("1");
  await expect(computed).toHaveText(String(expected));

  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Amara Okoye" })).toBeVisible();
  await expect(page.getByTestId("client-crs")).toHaveText(String(expected));
  const breakdown = page.getByRole("table", { name: "CRS breakdown, line by line" });
  await expect(breakdown).toBeVisible();
  await expect(breakdown.getByRole("row", { name: /^Total/ })).toContainText(String(expected));
  await expect(page.getByRole("table", { name: "Score history, newest first" }).locator("tbody tr")).toHaveCount(1);
});

test("shows the form's field errors next to the fields and keeps the input", async ({ page }) => {
  const firm = await seedFirm("invalid");
  await signIn(page, consultantOf(firm, 0), "/clients/new");
  await page.getByLabel("First name").fill("Nadia");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("radio", { name: "Enter the score by hand" }).check();
  await page.getByLabel("CRS score").fill("471");
  await page.getByRole("button", { name: "Create client" }).click();

  await expect(page.getByRole("alert", { name: "Could not save the client" })).toBeVisible();
  await expect(page.getByLabel("Last name")).toHaveAccessibleDescription(/Enter the last name/);
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/valid email/);
  await expect(page.getByLabel("Why entered by hand")).toHaveAccessibleDescription(/Say why/);
  await expect(page.getByLabel("First name")).toHaveValue("Nadia");
  await expect(page.getByLabel("CRS score")).toHaveValue("471");
});

test("edits a client and records the change", async ({ page }) => {
  const firm = await seedFirm("edit");
  const consultant = consultantOf(firm, 0);
  const id = await seedClient(firm, consultant, { firstName: "Jonas", lastName: "Berg", manualCrs: 472 });
  await signIn(page, consultant, `/clients/${id}`);

  await expect(page.getByRole("heading", { level: 1, name: "Jonas Berg" })).toBeVisible();
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByLabel("CRS score")).toHaveValue("472");
  await page.getByLabel("Last name").fill("Bergström");
  await page.getByLabel("CRS score").fill("489");
  await page.getByLabel("Why entered by hand").fill("New IELTS results");
  await page.getByRole("textbox", { name: "Notes" }).fill("Called on Monday about the new test.");
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page).toHaveURL(new RegExp(`/clients/${id}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Jonas Bergström" })).toBeVisible();
  await expect(page.getByTestId("client-crs")).toHaveText("489");
  await expect(page.getByRole("region", { name: "Notes" })).toContainText("Called on Monday about the new test.");
  await expect(page.getByRole("table", { name: "Score history, newest first" }).locator("tbody tr")).toHaveCount(2);
  await expect(page.getByRole("table", { name: "Changes to this client" })).toContainText("Bergström");
});

test("filters and sorts the roster on the server", async ({ page }) => {
  const firm = await seedFirm("roster");
  const admin = firm.user("admin");
  await seedClient(firm, admin, { firstName: "Alpha", lastName: "Roster", manualCrs: 450 });
  await seedClient(firm, admin, { firstName: "Bravo", lastName: "Roster", manualCrs: 510, programs: ["FSW"] });
  await seedClient(firm, admin, { firstName: "Charlie", lastName: "Roster", manualCrs: 480 });
  await seedClient(firm, admin, { firstName: "Delta", lastName: "Roster", manualCrs: 530, teamId: firm.teams[1].id });
  await seedClient(firm, admin, { firstName: "Echo", lastName: "Elsewhere", manualCrs: 300 });
  await signIn(page, admin, "/clients");

  await expect(rows(page)).toHaveCount(5);
  await page.getByRole("searchbox", { name: "Search" }).fill("roster");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(names(page)).toHaveText(["Roster, Alpha", "Roster, Bravo", "Roster, Charlie", "Roster, Delta"]);

  await filters(page).getByLabel("Team").selectOption({ label: "Team One" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(names(page)).toHaveText(["Roster, Alpha", "Roster, Bravo", "Roster, Charlie"]);

  const crsHeader = page.getByRole("columnheader", { name: "CRS" });
  await crsHeader.getByRole("link").click();
  await expect(crsHeader).toHaveAttribute("aria-sort", "descending");
  await expect(names(page)).toHaveText(["Roster, Bravo", "Roster, Charlie", "Roster, Alpha"]);
  await crsHeader.getByRole("link").click();
  await expect(crsHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(names(page)).toHaveText(["Roster, Alpha", "Roster, Charlie", "Roster, Bravo"]);

  await page.getByLabel("CRS from").fill("470");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(names(page)).toHaveText(["Roster, Charlie", "Roster, Bravo"]);

  await filters(page).getByLabel("Program").selectOption("FSW");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(names(page)).toHaveText(["Roster, Bravo"]);
  await expect(rows(page).first()).toContainText("510");
});

test("keeps the roster's view in the URL: a bookmarked link opens the same view", async ({ page, context }) => {
  const firm = await seedFirm("bookmark");
  const admin = firm.user("admin");
  await seedClient(firm, admin, { firstName: "Alpha", lastName: "Mark", manualCrs: 450 });
  await seedClient(firm, admin, { firstName: "Bravo", lastName: "Mark", manualCrs: 510 });
  await seedClient(firm, admin, { firstName: "Charlie", lastName: "Mark", manualCrs: 480 });
  await seedClient(firm, admin, { firstName: "Delta", lastName: "Mark", manualCrs: 530, teamId: firm.teams[1].id });
  await signIn(page, admin, "/clients");

  // Build the view through the controls, then check that the URL carries all of it.
  await page.getByRole("searchbox", { name: "Search" }).fill("mark");
  await filters(page).getByLabel("Team").selectOption({ label: "Team One" });
  await page.getByLabel("CRS from").fill("460");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(names(page)).toHaveText(["Mark, Bravo", "Mark, Charlie"]);
  await page.getByRole("columnheader", { name: "CRS" }).getByRole("link").click();
  await expect(page.getByRole("columnheader", { name: "CRS" })).toHaveAttribute("aria-sort", "descending");
  await expect(names(page)).toHaveText(["Mark, Bravo", "Mark, Charlie"]);
  await page.locator("summary", { hasText: "Columns" }).click();
  await page.getByRole("checkbox", { name: "Profile number" }).uncheck();
  await expect(page.getByRole("columnheader", { name: "Profile number" })).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Email" }).check();
  await expect(page.getByRole("columnheader", { name: "Email" })).toBeVisible();

  const url = new URL(page.url());
  expect(url.searchParams.get("q")).toBe("mark");
  expect(url.searchParams.get("team")).toBe(firm.teams[0].id);
  expect(url.searchParams.get("crsMin")).toBe("460");
  expect(url.searchParams.get("sort")).toBe("crs");
  expect(url.searchParams.get("dir")).toBe("desc");
  expect(url.searchParams.get("cols")?.split(",")).toContain("email");
  expect(url.searchParams.get("cols")?.split(",")).not.toContain("profileNumber");

  // The same link in a fresh tab shows the same view, controls included.
  const bookmarked = await context.newPage();
  await bookmarked.goto(url.pathname + url.search);
  await expect(names(bookmarked)).toHaveText(["Mark, Bravo", "Mark, Charlie"]);
  await expect(bookmarked.getByRole("searchbox", { name: "Search" })).toHaveValue("mark");
  await expect(filters(bookmarked).getByLabel("Team")).toHaveValue(firm.teams[0].id);
  await expect(bookmarked.getByLabel("CRS from")).toHaveValue("460");
  await expect(bookmarked.getByRole("columnheader", { name: "CRS" })).toHaveAttribute("aria-sort", "descending");
  await expect(bookmarked.getByRole("columnheader", { name: "Email" })).toBeVisible();
  await expect(bookmarked.getByRole("columnheader", { name: "Profile number" })).toHaveCount(0);

  // A hand-written link works too, pagination included.
  await bookmarked.goto(`/clients?q=mark&sort=crs&dir=asc&pageSize=25&cols=name,crs`);
  await expect(names(bookmarked)).toHaveText(["Mark, Alpha", "Mark, Charlie", "Mark, Bravo", "Mark, Delta"]);
  await expect(bookmarked.getByRole("columnheader")).toHaveText([/^Name/, /^CRS/]);
  await expect(bookmarked.getByLabel("Rows per page")).toHaveValue("25");
});

test("two people editing the same client: the second save is refused with who changed it, the first is kept", async ({ browser }) => {
  const firm = await seedFirm("conflict");
  const consultant = consultantOf(firm, 0);
  const admin = firm.user("admin");
  const id = await seedClient(firm, consultant, { firstName: "Lena", lastName: "Vogel" });

  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const a = await first.newPage();
    const b = await second.newPage();
    await signIn(a, consultant, `/clients/${id}/edit`);
    await signIn(b, admin, `/clients/${id}/edit`);
    await expect(a.getByRole("textbox", { name: "Notes" })).toBeVisible();
    await expect(b.getByRole("textbox", { name: "Notes" })).toBeVisible();

    await a.getByRole("textbox", { name: "Notes" }).fill("Saved first by the consultant.");
    await a.getByRole("button", { name: "Save changes" }).click();
    await expect(a).toHaveURL(new RegExp(`/clients/${id}$`));
    await expect(a.getByRole("region", { name: "Notes" })).toContainText("Saved first by the consultant.");

    await b.getByRole("textbox", { name: "Notes" }).fill("Saved second by the admin.");
    await b.getByRole("button", { name: "Save changes" }).click();
    const conflict = b.getByRole("alert", { name: "Not saved: this client was changed by someone else" });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText(/changed by/i);
    await expect(b).toHaveURL(new RegExp(`/clients/${id}/edit$`));
    await expect(b.getByRole("textbox", { name: "Notes" })).toHaveValue("Saved second by the admin.");

    await a.reload();
    await expect(a.getByRole("region", { name: "Notes" })).toContainText("Saved first by the consultant.");
    await expect(a.getByText("Saved second by the admin.")).toHaveCount(0);
  } finally {
    await first.close();
    await second.close();
  }
});

test("pages through the roster with labelled Next and Previous links, and a damaged page link starts over", async ({ page }) => {
  const firm = await seedFirm("keyset");
  const consultant = consultantOf(firm, 0);
  for (let i = 0; i < 27; i++) await seedClient(firm, consultant, { lastName: `Page${String(i).padStart(2, "0")}`, manualCrs: 400 + (i % 3) });
  await signIn(page, consultant, "/clients?pageSize=25&sort=crs&dir=desc");

  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(page.getByText("1–25 of 27 clients")).toBeVisible();
  await expect(pagination.getByText("Previous")).toHaveAttribute("aria-disabled", "true");
  const first = await names(page).allTextContents();
  await pagination.getByRole("link", { name: "Next page" }).click();
  await expect(page.getByText("26–27 of 27 clients")).toBeVisible();
  await expect(rows(page)).toHaveCount(2);
  const second = await names(page).allTextContents();
  expect(new Set([...first, ...second]).size).toBe(27);

  // The URL holds the position: reloading (or sharing) it shows the same page.
  await page.reload();
  await expect(names(page)).toHaveText(second);
  await pagination.getByRole("link", { name: "Previous page" }).click();
  await expect(page.getByText("1–25 of 27 clients")).toBeVisible();
  await expect(names(page)).toHaveText(first);

  await page.goto("/clients?pageSize=25&sort=crs&dir=desc&cursor=tampered");
  await expect(page.getByRole("status", { name: "Back to the first page" })).toContainText("damaged or out of date");
  await expect(names(page)).toHaveText(first);
});
