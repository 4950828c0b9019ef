"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "@/lib/zod";
import { archiveClient, deleteClient, restoreClient, unarchiveClient } from "@/lib/db/clients";
import { transitionClient } from "@/lib/db/clients/ita";
import { authedAction, formDataToObject } from "@/lib/server/action";

const target = z.object({ clientId: z.uuid() });

function refresh(clientId: string) {
  revalidatePath("/clients");
  revalidatePath(`/clients/${clientId}`);
}

const archive = authedAction({ permission: "clients.write", schema: target }, async (viewer, { clientId }) => {
  await archiveClient(viewer.scope, clientId);
  refresh(clientId);
});
export async function archiveClientAction(_prev: unknown, form: FormData) {
  return archive(formDataToObject(form));
}

const unarchive = authedAction({ permission: "clients.write", schema: target }, async (viewer, { clientId }) => {
  await unarchiveClient(viewer.scope, clientId);
  refresh(clientId);
});
export async function unarchiveClientAction(_prev: unknown, form: FormData) {
  return unarchive(formDataToObject(form));
}

const remove = authedAction({ permission: "clients.delete", schema: target }, async (viewer, { clientId }) => {
  await deleteClient(viewer.scope, clientId);
  refresh(clientId);
});
/** Soft delete; the list of deleted clients (with Restore) is where the admin lands. */
export async function deleteClientAction(_prev: unknown, form: FormData) {
  const result = await remove(formDataToObject(form));
  if (result.ok) redirect("/clients/deleted");
  return result;
}

const restore = authedAction({ permission: "clients.delete", schema: target }, async (viewer, { clientId }) => {
  await restoreClient(viewer.scope, clientId);
  refresh(clientId);
  revalidatePath("/clients/deleted");
  return { clientId };
});
export async function restoreClientAction(_prev: unknown, form: FormData) {
  const result = await restore(formDataToObject(form));
  if (result.ok) redirect(`/clients/${result.data.clientId}`);
  return result;
}

const transition = authedAction({ permission: "clients.write", schema: z.looseObject({ clientId: z.uuid() }) }, async (viewer, { clientId, ...step }) => {
  const result = await transitionClient(viewer.scope, clientId, step);
  refresh(clientId);
  revalidatePath("/");
  return result;
});
/** A step after the ITA (record, submitted, declined, expired, approved, refused), validated by lib/clients/ita-transitions. */
export async function transitionClientAction(_prev: unknown, form: FormData) {
  return transition(formDataToObject(form));
}
