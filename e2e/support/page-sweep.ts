import type { Browser } from "@playwright/test";
import { findFirmBySlug } from "@/lib/db/firms";
import { inviteUser } from "@/lib/db/users/invitations";
import { queueMail } from "@/lib/db/mail";
import { setPlatformAdmin } from "@/lib/db/users/platform-admins";
import { issuePasswordReset } from "@/lib/db/users/password-reset";
import { prisma } from "@/lib/db/prisma";
import { DEMO_FIRM, DEMO_PASSWORD } from "@/lib/db/seed-demo";
import { createTestFirm } from "@/lib/db/testing/fixtures";
import type { StorageState } from "./app-pages";
import { signIn } from "./auth";

/**
 * Real values for every dynamic segment of the app's pages (see fillRoute), shared by the sweeps
 * that visit every page (every-page.spec.ts, accessibility.spec.ts). The client and draw are ones
 * the signed-in user can see; the tokens are live, so their forms render.
 */
export async function sweepValues(browser: Browser, user: { email: string; role: string }): Promise<{ state: StorageState; values: Record<string, string> }> {
  // The owner must reach every page, the platform administrators' draw-name screen included (a
  // flag granted from the command line on a real install).
  if (user.role === "owner") await setPlatformAdmin(user.email, true);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { email: user.email, password: DEMO_PASSWORD });
  const state = await context.storageState();
  await page.goto("/clients");
  const clientHref = await page.getByRole("table").locator('a[href^="/clients/"]').first().getAttribute("href");
  await page.goto("/draws");
  const drawHref = await page.getByRole("table").locator('a[href^="/draws/"]').first().getAttribute("href");
  await context.close();

  // An invitation that can still be accepted, so the form renders (not just "cannot be used").
  const firm = await createTestFirm({ label: "e2e-page-sweep" });
  const { token } = await inviteUser(firm.user("owner").scope, {
    email: `page-sweep-${Date.now()}@test.example`,
    name: "Page Sweep",
    role: "viewer",
    teamIds: [firm.teams[0].id],
  });

  // A reset link that can still be used, so the new-password form renders; it goes to the test
  // firm's viewer, never to a demo account other specs sign in with.
  const viewer = firm.user("viewer");
  await issuePasswordReset(viewer.email, "127.0.0.1");
  const resetMail = await prisma().mailMessage.findFirst({ where: { firmId: firm.id, to: viewer.email, kind: "password_reset" } });
  // A message in the demo firm's outbox, for the outbox message page.
  const demoFirm = await findFirmBySlug(DEMO_FIRM.slug);
  if (!demoFirm) throw new Error("the demo firm is missing from the e2e database");
  const message = await queueMail({
    firmId: demoFirm.id,
    userId: null,
    kind: "invitation",
    to: `page-sweep-${Date.now()}@test.example`,
    subject: "Page sweep",
    text: "Page sweep",
    html: "<p>Page sweep</p>",
    idempotencyKey: `page-sweep:${user.email}:${Date.now()}`,
  });

  return {
    state,
    values: {
      "reset-password/[token]": matchOrThrow(resetMail?.text ?? null, /\/reset-password\/([A-Za-z0-9_-]+)/, "a reset link in the outbox"),
      "outbox/[id]": message.id,
      "clients/[id]": matchOrThrow(clientHref, /^\/clients\/([0-9a-f-]{36})$/, "a client link on /clients"),
      "draws/[number]": matchOrThrow(drawHref, /^\/draws\/(\d+)$/, "a draw link on /draws"),
      "invite/[token]": token,
    },
  };
}

function matchOrThrow(href: string | null, pattern: RegExp, what: string): string {
  const match = href?.match(pattern);
  if (!match) throw new Error(`expected ${what}, found ${href}`);
  return match[1];
}
