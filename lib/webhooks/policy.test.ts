import { describe, expect, it } from "vitest";
import { checkWebhookUrl, firmWebhookSchema, webhookPayload } from "./policy";

describe("checkWebhookUrl", () => {
  it("accepts a public https address", () => {
    expect(checkWebhookUrl("https://hooks.slack.com/services/T000/B000/XXXX")).toEqual({ ok: true });
    expect(checkWebhookUrl("https://8.8.8.8/hook")).toEqual({ ok: true });
  });

  it("refuses http, credentials, local names and private literals, saying why", () => {
    expect(checkWebhookUrl("http://hooks.slack.com/x")).toMatchObject({ ok: false, reason: expect.stringMatching(/https/) });
    expect(checkWebhookUrl("https://u:p@hooks.example.com/x")).toMatchObject({ ok: false, reason: expect.stringMatching(/user name/) });
    expect(checkWebhookUrl("https://localhost/x")).toMatchObject({ ok: false });
    expect(checkWebhookUrl("https://intranet/x")).toMatchObject({ ok: false });
    expect(checkWebhookUrl("https://127.0.0.1/x")).toMatchObject({ ok: false, reason: expect.stringMatching(/loopback/) });
    expect(checkWebhookUrl("https://10.0.0.5/x")).toMatchObject({ ok: false, reason: expect.stringMatching(/private/) });
    expect(checkWebhookUrl("https://169.254.169.254/latest")).toMatchObject({ ok: false, reason: expect.stringMatching(/link-local/) });
    expect(checkWebhookUrl("https://[::ffff:127.0.0.1]/x")).toMatchObject({ ok: false });
    expect(checkWebhookUrl("not a url")).toMatchObject({ ok: false });
  });
});

describe("firmWebhookSchema", () => {
  it("turns an empty field into no webhook, and names a bad address", () => {
    expect(firmWebhookSchema.parse({ webhookUrl: "  " })).toEqual({ webhookUrl: null });
    const result = firmWebhookSchema.safeParse({ webhookUrl: "http://example.com" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["webhookUrl"], message: expect.stringMatching(/https/) });
  });
});

describe("webhookPayload", () => {
  it("carries counts and the link, no client", () => {
    const body = webhookPayload({ number: "419", kindLabel: "Canadian Experience Class", date: "2026-06-04", cutoff: 520, size: 3000 }, { above: 3, newlyAbove: 1, nearMiss: 2 }, "https://d.example/draws/419");
    expect(body).toMatchObject({ round: "419", above: 3, newlyAbove: 1, nearMiss: 2, url: "https://d.example/draws/419" });
    expect(body.text).toBe("Draw #419 (Canadian Experience Class, 2026-06-04, cut-off 520): 3 of the firm's clients above the cut-off (1 newly), 2 near misses. https://d.example/draws/419");
  });
});
