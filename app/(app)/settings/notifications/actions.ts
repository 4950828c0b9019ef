"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { openNotification, setFirmWebhook, updateFirmNotifyKinds, updateMyNotificationSettings } from "@/lib/db/notifications";
import { NotFoundError } from "@/lib/errors";
import { firmWebhookSchema } from "@/lib/webhooks/policy";
import { authedAction, formDataToObject } from "@/lib/server/action";
import { requireViewer } from "@/lib/server/session";
import { firmNotifyKindsSchema, myNotificationSettingsSchema } from "@/lib/users/notification-settings";

const saveMine = authedAction({ schema: myNotificationSettingsSchema }, async (viewer, input) => {
  await updateMyNotificationSettings(viewer.scope, viewer.email, input);
  revalidatePath("/settings/notifications");
  // Something to return: an undefined result does not survive the trip to the form.
  return { saved: true as const };
});

export async function myNotificationSettingsAction(_prev: unknown, form: FormData) {
  return saveMine(formDataToObject(form));
}

const saveFirmKinds = authedAction({ permission: "firm.manage", schema: firmNotifyKindsSchema }, async (viewer, input) => {
  await updateFirmNotifyKinds(viewer.scope, viewer.email, input);
  revalidatePath("/settings/notifications");
  // Something to return: an undefined result does not survive the trip to the form.
  return { saved: true as const };
});

export async function firmNotifyKindsAction(_prev: unknown, form: FormData) {
  return saveFirmKinds(formDataToObject(form, ["notifyKinds"]));
}

const saveWebhook = authedAction({ permission: "firm.manage", schema: firmWebhookSchema }, async (viewer, input) => {
  await setFirmWebhook(viewer.scope, viewer.email, input.webhookUrl);
  revalidatePath("/settings/notifications");
  // Something to return: an undefined result does not survive the trip to the form.
  return { saved: true as const };
});

export async function firmWebhookAction(_prev: unknown, form: FormData) {
  return saveWebhook(formDataToObject(form));
}

/** The bell's entries: mark the notification read, then open its draw. */
export async function openNotificationAction(form: FormData): Promise<void> {
  const viewer = await requireViewer();
  // Someone else's notification (or none): the not-found answer, as for any record out of reach,
  // rather than an unhandled error.
  const drawNumber = await openNotification(viewer.scope, String(form.get("id") ?? "")).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  revalidatePath("/", "layout");
  redirect(`/draws/${encodeURIComponent(drawNumber)}`);
}
