import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { consultantOf, seedClient, seedFirm } from "./support/firm";

test("a consultant cannot open a client of another team, nor another firm's admin (404)", async ({ page, browser }) => {
  const firm = await seedFirm("teams");
  const id = await seedClient(firm, consultantOf(firm, 0), { firstName: "Priya", lastName: "Teamone" });

  await signIn(page, consultantOf(firm, 1), "/clients");
  await expect(page.getByRole("table", { name: /^Clients, sorted by/ })).not.toContainText("Teamone");
  for (const path of [`/clients/${id}`, `/clients/${id}/edit`, "/clients/not-a-client-id"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByText("Priya")).toHaveCount(0);
  }

  const other = await seedFirm("outsider");
  const context = await browser.newContext();
  try {
    const outsider = await context.newPage();
    await signIn(outsider, other.user("admin"), "/clients");
    const response = await outsider.goto(`/clients/${id}`);
    expect(response?.status()).toBe(404);
    await expect(outsider.getByText("Priya")).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("a viewer reads clients but sees no edit controls, and the edit pages refuse them", async ({ page }) => {
  const firm = await seedFirm("viewer");
  const id = await seedClient(firm, consultantOf(firm, 0), { firstName: "Omar", lastName: "Readonly" });
  await signIn(page, firm.user("viewer"), "/clients");

  await expect(page.getByRole("link", { name: "Readonly, Omar" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New client" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Import CSV" })).toHaveCount(0);

  await page.getByRole("link", { name: "Readonly, Omar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Omar Readonly" })).toBeVisible();
  for (const name of ["Edit", "Archive", "Delete", "Unarchive"]) {
    await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
  }

  for (const path of ["/clients/new", `/clients/${id}/edit`, "/clients/import"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/forbidden$/);
  }
});

test("an admin archives, deletes and restores a client", async ({ page }) => {
  const firm = await seedFirm("archive");
  const admin = firm.user("admin");
  const id = await seedClient(firm, admin, { firstName: "Ines", lastName: "Archivo" });
  await signIn(page, admin, `/clients/${id}`);

  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(page.getByRole("status", { name: "Archived" })).toBeVisible();
  await page.goto("/clients?q=archivo");
  await expect(page.getByText("No clients match these filters.")).toBeVisible();
  await page.goto("/clients?q=archivo&archived=include");
  await expect(page.getByRole("link", { name: "Archivo, Ines" })).toBeVisible();

  await page.goto(`/clients/${id}`);
  await page.getByRole("button", { name: "Unarchive" }).click();
  await expect(page.getByRole("button", { name: "Archive", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page).toHaveURL(/\/clients\/deleted$/);
  await page.getByRole("button", { name: "Restore Ines Archivo" }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${id}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Ines Archivo" })).toBeVisible();
});
