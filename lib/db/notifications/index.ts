// What a firm is told about a round: the bell and notification settings (bell.ts), the draw-day
// digest e-mails (digests.ts) and the firm's webhook (webhooks.ts); `@/lib/db/notifications`
// imports resolve here. Files in this folder import each other directly, never through this barrel.
export {
  type NotificationItem,
  type NotificationSettings,
  notificationSettings,
  openNotification,
  recentNotifications,
  unreadNotificationCount,
  updateFirmNotifyKinds,
  updateMyNotificationSettings,
} from "./bell";
export { type DigestOutcome, digestRowsFor, queueDrawDigests } from "./digests";
export { type WebhookDue, firmWebhookUrl, recordWebhookAttempt, recordWebhookIntent, setFirmWebhook, webhookDue } from "./webhooks";
