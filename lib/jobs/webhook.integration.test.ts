import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeDrawMatch } from "@/lib/db/draws/results-store";
import { prisma } from "@/lib/db/prisma";
import { createTestFirm, type TestFirm } from "@/lib/db/testing/fixtures";
import { recordWebhookIntent, setFirmWebhook } from "@/lib/db/notifications";
import { ForbiddenError } from "@/lib/errors";
import { deliverFirmWebhook } from "./webhook";

/**
 * The firm webhook against a real local HTTP server: counts only, one delivery per firm and round
 * (a repeat posts nothing), a refusal recorded and retried, a private address refused.
 */

let server: http.Server;
let origin: string;
let answer = 200;
const received: { body: Record<string, unknown>; key: string | undefined }[] = [];
let firm: TestFirm;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let data = "";
    request.on("data", (chunk) => (data += chunk));
    request.on("end", () => {
      if (answer === 200) received.push({ body: JSON.parse(data), key: request.headers["idempotency-key"] as string | undefined });
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  firm = await createTestFirm({ label: "hook" });
  await prisma().draw.create({ data: { number: "7701", date: new Date(), size: 1000, cutoff: 500, name: "Canadian Experience Class", kind: "cec", programs: ["CEC"] } });
  await prisma().drawMatch.create({ data: { firmId: firm.id, drawNumber: "7701" } });
  await computeDrawMatch(firm.id, "7701");
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("firm webhook", () => {
  it("only owners and admins set it, and nothing is due without one", async () => {
    await expect(setFirmWebhook(firm.user("consultant").scope, "c@test.example", "https://hooks.example.com/x")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await recordWebhookIntent(firm.id, "7701")).toBe(false);
    expect(await deliverFirmWebhook({ firmId: firm.id, drawNumber: "7701" }, { trustedOrigin: origin })).toBe("nothing due");
  });

  it("posts the round's counts once; a refusal is recorded and the retry delivers", async () => {
    // Stored directly: the settings form refuses http and loopback addresses (tested below).
    await prisma().firm.update({ where: { id: firm.id }, data: { webhookUrl: `${origin}/hook` } });
    expect(await recordWebhookIntent(firm.id, "7701")).toBe(true);

    answer = 503;
    await expect(deliverFirmWebhook({ firmId: firm.id, drawNumber: "7701" }, { trustedOrigin: origin })).rejects.toThrow(/503/);
    expect(await prisma().webhookDelivery.findFirst({ where: { firmId: firm.id } })).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringContaining("503") });

    answer = 200;
    expect(await deliverFirmWebhook({ firmId: firm.id, drawNumber: "7701" }, { trustedOrigin: origin })).toBe("delivered");
    expect(await deliverFirmWebhook({ firmId: firm.id, drawNumber: "7701" }, { trustedOrigin: origin })).toBe("nothing due");
    expect(await recordWebhookIntent(firm.id, "7701")).toBe(false);
    expect(received).toHaveLength(1);
    expect(received[0].key).toBe(`${firm.id}:7701`);
    expect(received[0].body).toMatchObject({ round: "7701", cutoff: 500, above: 0, newlyAbove: 0, nearMiss: 0 });
    expect(Object.keys(received[0].body).sort()).toEqual(["above", "cutoff", "date", "kind", "nearMiss", "newlyAbove", "round", "size", "text", "url"]);
  });

  it("refuses to post to a loopback address when the origin is not trusted, marking the last try failed", async () => {
    await prisma().draw.create({ data: { number: "7702", date: new Date(), size: 1000, cutoff: 500, name: "Canadian Experience Class", kind: "cec", programs: ["CEC"] } });
    expect(await recordWebhookIntent(firm.id, "7702")).toBe(true);
    await expect(deliverFirmWebhook({ firmId: firm.id, drawNumber: "7702" }, { lastTry: true })).rejects.toThrow(/https/);
    expect(await prisma().webhookDelivery.findFirst({ where: { firmId: firm.id, drawNumber: "7702" } })).toMatchObject({ status: "failed", attempts: 1 });
    expect(received).toHaveLength(1);
  });

  it("an admin sets and removes it, audited without the secret path", async () => {
    const owner = firm.user("owner");
    await setFirmWebhook(owner.scope, owner.email, "https://hooks.example.com/services/SECRET");
    await setFirmWebhook(owner.scope, owner.email, null);
    const audit = await prisma().auditLog.findMany({ where: { firmId: firm.id, action: { startsWith: "firm.webhook" } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["firm.webhook.set", "firm.webhook.remove"]);
    expect(JSON.stringify(audit.map((a) => [a.metadata, a.changes]))).not.toContain("SECRET");
    expect(audit[0].metadata).toEqual({ host: "hooks.example.com" });
  });
});
