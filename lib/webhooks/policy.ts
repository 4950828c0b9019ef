/**
 * A firm's draw-day webhook (e.g. a Slack or Teams incoming webhook): where it may point and what
 * it receives. The server posts to an address an admin typed, so like the feed URL
 * (lib/draws/feed-url-policy.ts) it must not reach the server's own network: https only, no
 * credentials in the address, no private, loopback or link-local literal; the resolved address is
 * checked again as the connection is made (lib/webhooks/send.ts). Pure.
 */
import { isIP } from "node:net";
import { checkAddress, type Verdict } from "@/lib/draws/feed-url-policy";
import { z } from "@/lib/zod";

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|localdomain)$/i;

export function checkWebhookUrl(url: string): Verdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: "This is not a web address." };
  }
  if (parsed.protocol !== "https:") return { ok: false, reason: "The webhook address must start with https://." };
  if (parsed.username || parsed.password) return { ok: false, reason: "The webhook address must not carry a user name or password." };
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  if (LOCAL_NAMES.test(host) || !host.includes(".") && !isIP(host)) return { ok: false, reason: `${host} is not a public host name.` };
  if (isIP(host)) {
    const verdict = checkAddress(host);
    if (!verdict.ok) return { ok: false, reason: `${verdict.reason}: webhooks go to public addresses only.` };
  }
  return { ok: true };
}

/** The settings form's field: empty removes the webhook. */
export const firmWebhookSchema = z.object({
  webhookUrl: z
    .string()
    .trim()
    .max(2000)
    .transform((v) => v || null)
    .superRefine((v, ctx) => {
      if (v === null) return;
      const verdict = checkWebhookUrl(v);
      if (!verdict.ok) ctx.addIssue({ code: "custom", message: verdict.reason });
    }),
});
export type FirmWebhookInput = z.infer<typeof firmWebhookSchema>;

export interface WebhookRound {
  number: string;
  kindLabel: string;
  date: string;
  cutoff: number;
  size: number;
}

/**
 * The message: counts only, never a client's name. `text` is what Slack and Teams incoming
 * webhooks show; the other fields are for anything else that reads JSON.
 */
export function webhookPayload(round: WebhookRound, counts: { above: number; newlyAbove: number; nearMiss: number }, drawUrl: string) {
  return {
    text: `Draw #${round.number} (${round.kindLabel}, ${round.date}, cut-off ${round.cutoff}): ${counts.above} of the firm's clients above the cut-off (${counts.newlyAbove} newly), ${counts.nearMiss} near misses. ${drawUrl}`,
    round: round.number,
    kind: round.kindLabel,
    date: round.date,
    cutoff: round.cutoff,
    size: round.size,
    above: counts.above,
    newlyAbove: counts.newlyAbove,
    nearMiss: counts.nearMiss,
    url: drawUrl,
  };
}
