/**
 * Posts a webhook message: JSON, 10 s at most, any 2xx is delivered. The connection's address is
 * checked as it is made (the feed's guarded DNS lookup): a name that resolves to a private,
 * loopback or link-local address is refused. `trustedOrigin` is for tests only, which post to a
 * server on 127.0.0.1.
 */
import http from "node:http";
import https from "node:https";
import { guardedLookup } from "@/lib/draws/load-source";
import { checkWebhookUrl } from "./policy";

export class WebhookError extends Error {
  override name = "WebhookError";
}

export async function postWebhook(url: string, body: unknown, options: { idempotencyKey: string; trustedOrigin?: string; timeoutMs?: number }): Promise<number> {
  const target = new URL(url);
  const trusted = options.trustedOrigin !== undefined && target.origin === options.trustedOrigin;
  if (!trusted) {
    const verdict = checkWebhookUrl(url);
    if (!verdict.ok) throw new WebhookError(verdict.reason);
  }
  const payload = JSON.stringify(body);
  return new Promise<number>((resolve, reject) => {
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(
      target,
      {
        method: "POST",
        agent: false,
        lookup: trusted ? undefined : guardedLookup,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), "idempotency-key": options.idempotencyKey, "user-agent": "DrawDesk webhook" },
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve(status);
        else reject(new WebhookError(`${target.host} answered ${status}`));
      },
    );
    request.on("error", (error) => reject(new WebhookError(`${target.host}: ${error.message}`)));
    request.end(payload);
  });
}
