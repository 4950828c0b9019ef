import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { insertClientsBulk } from "@/lib/db/clients/bulk";
import { queueDrawDigests } from "@/lib/db/notifications";
import { computeDrawMatch } from "@/lib/db/draws/results-store";
import { importRounds } from "@/lib/db/draws/import";
import { prisma } from "@/lib/db/prisma";
import { createTestFirm, testClientInsert } from "@/lib/db/testing/fixtures";
import { parseRounds } from "@/lib/draws/parse-rounds";
import { signIn } from "./support/auth";

/**
 * The bell shows a new round's notification and opening it goes to the draw. The round is seeded
 * through the draw-day functions the worker runs (match, then digests and notifications) for a
 * firm of this spec's own; it is dated 1995 with a name of this run, so no other spec's ledger
 * (latest draws, previous draw of a kind) changes.
 */

const run = randomUUID().slice(0, 6);
const number = `nb-${run}`;

test("the bell shows the new round, and opening it marks it read and shows the draw", async ({ page }) => {
  const dd = Object.fromEntries(Array.from({ length: 18 }, (_, i) => [`dd${i + 1}`, "0"]));
  const parsed = parseRounds({
    rounds: [{ drawNumber: number, drawDate: "1995-06-06", drawName: `Bell test ${run}`, drawSize: "500", drawCRS: "470", drawText2: "", drawDateTime: "", drawCutOff: "", drawDistributionAsOn: "", ...dd }],
  });
  await importRounds(parsed.rounds, { source: "e2e bell", importedBy: "e2e" });
  const firm = await createTestFirm({ label: "e2e-bell" });
  await prisma().$transaction((tx) =>
    insertClientsBulk(
      tx,
      firm.id,
      [testClientInsert(firm.teams[0].id, { lastName: "Bell", profileSubmittedAt: "1995-01-02T12:00:00Z", scores: [{ crs: 500, effectiveAt: "1995-01-02T12:00:00Z", source: "manual", reason: null }] })],
      { timeZone: "America/Toronto" },
    ),
  );
  // Rounds this old notify no one when imported; the spec records the draw-day intent itself.
  await prisma().drawMatch.create({ data: { firmId: firm.id, drawNumber: number } });
  expect(await computeDrawMatch(firm.id, number)).toMatchObject({ above: 1, computed: true });
  expect((await queueDrawDigests(firm.id, number)).notified).toBeGreaterThan(0);

  await signIn(page, firm.user("owner"));
  const bell = page.getByLabel("Notifications, 1 unread");
  await expect(bell).toBeVisible();
  await bell.click();
  const entry = page.getByRole("list", { name: "Recent draw notifications" }).getByRole("button", { name: new RegExp(`#${number}`) });
  await expect(entry).toContainText("1 of your clients above the cut-off");
  await entry.click();
  await page.waitForURL(`**/draws/${number}`);
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(number) })).toBeVisible();
  await expect(page.getByLabel("Notifications, none unread")).toBeVisible();
});

test("a consultant turns their digest off; an owner may also choose the firm's kinds and webhook", async ({ browser }) => {
  const firm = await createTestFirm({ label: "e2e-notify-settings" });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, firm.user("consultant"));
  await page.goto("/settings/notifications");
  const mine = page.getByRole("form", { name: "My notification preferences" });
  await mine.getByLabel(/E-mail me a digest/).uncheck();
  await mine.getByRole("button", { name: "Save my preferences" }).click();
  await expect(page.getByRole("status", { name: "Your preferences are saved" })).toBeVisible();
  expect((await prisma().user.findFirstOrThrow({ where: { id: firm.user("consultant").id } })).digestEnabled).toBe(false);
  await expect(page.getByRole("form", { name: "Draw kinds that notify" })).toHaveCount(0);

  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, firm.user("owner"));
  await ownerPage.goto("/settings/notifications");
  const hook = ownerPage.getByRole("form", { name: "Firm webhook" });
  await hook.getByLabel("Webhook address").fill("https://127.0.0.1/hook");
  await hook.getByRole("button", { name: "Save webhook" }).click();
  await expect(hook.getByText(/public addresses only/)).toBeVisible();
  const kinds = ownerPage.getByRole("form", { name: "Draw kinds that notify" });
  await kinds.getByLabel("Canadian Experience Class").check();
  await kinds.getByRole("button", { name: "Save firm settings" }).click();
  await expect(ownerPage.getByRole("status", { name: "The firm's settings are saved" })).toBeVisible();
  expect((await prisma().firm.findUniqueOrThrow({ where: { id: firm.id } })).notifyKinds).toEqual(["cec"]);
});
