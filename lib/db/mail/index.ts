// The outbox; `@/lib/db/mail` imports resolve here. queue.ts records every e-mail and delivers it
// (the worker's jobs); outbox.ts, imported by its own path, is the admins' view of it. Files in
// this folder import each other directly, never through this barrel.
export {
  type DeliveryOptions,
  type DeliveryResult,
  type MailAttachment,
  type MailKind,
  type MailToQueue,
  deliverMail,
  dueMailIds,
  queueMail,
} from "./queue";
