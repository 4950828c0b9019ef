import { deliverMail } from "@/lib/db/mail";

/** The "mail.deliver" job: one message, right after it was queued (the tick catches the rest). */
export async function runMailDeliver({ id }: { id: string }): Promise<void> {
  const result = await deliverMail(id);
  if (result === "retry" || result === "failed") console.warn(`mail: message ${id}: ${result}`);
}
