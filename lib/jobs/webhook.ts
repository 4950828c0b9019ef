import { recordWebhookAttempt, recordWebhookIntent, webhookDue } from "@/lib/db/notifications";
import { appUrl } from "@/lib/mail/app-url";
import { webhookPayload } from "@/lib/webhooks/policy";
import { postWebhook } from "@/lib/webhooks/send";
import { QUEUES, type PgBoss } from "./queue";

/** Retries of a refused post: 30 s, 1 min, 2 min, 4 min, 8 min. */
export const WEBHOOK_RETRY = { retryLimit: 5, retryDelay: 30, retryBackoff: true } as const;

export interface WebhookJob {
  firmId: string;
  drawNumber: string;
}

/** After a firm's match: records the delivery (when the firm has a webhook) and queues it. */
export async function queueFirmWebhook(boss: PgBoss, job: WebhookJob): Promise<void> {
  if (await recordWebhookIntent(job.firmId, job.drawNumber)) {
    await boss.send(QUEUES.webhook, job, { singletonKey: `${job.firmId}:${job.drawNumber}`, ...WEBHOOK_RETRY });
  }
}

/**
 * The "firm.webhook" job: posts the round's counts once. A refusal is recorded and thrown, so
 * pg-boss retries with backoff; after the last try the delivery is marked failed.
 */
export async function deliverFirmWebhook(job: WebhookJob, options: { lastTry?: boolean; trustedOrigin?: string } = {}): Promise<"delivered" | "nothing due"> {
  const due = await webhookDue(job.firmId, job.drawNumber);
  if (!due) return "nothing due";
  const body = webhookPayload(due.round, due.counts, appUrl(`/draws/${encodeURIComponent(due.round.number)}`));
  try {
    await postWebhook(due.url, body, { idempotencyKey: `${job.firmId}:${job.drawNumber}`, trustedOrigin: options.trustedOrigin });
  } catch (error) {
    await recordWebhookAttempt(job.firmId, job.drawNumber, { ok: false, error: (error as Error).message, final: Boolean(options.lastTry) });
    throw error;
  }
  await recordWebhookAttempt(job.firmId, job.drawNumber, { ok: true });
  return "delivered";
}
