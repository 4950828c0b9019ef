"use server";

import { revalidatePath } from "next/cache";
import { recordInvitations, recordInvitationsSchema } from "@/lib/db/clients/ita";
import { authedAction, formDataToObject } from "@/lib/server/action";

const record = authedAction({ permission: "clients.write", schema: recordInvitationsSchema }, async (viewer, input) => {
  const result = await recordInvitations(viewer.scope, input);
  revalidatePath(`/draws/${encodeURIComponent(input.drawNumber)}`);
  revalidatePath("/clients");
  revalidatePath("/");
  return result;
});

/** "Record invitations" on a draw page: every checked client, one transaction. */
export async function recordInvitationsAction(_prev: unknown, form: FormData) {
  return record(formDataToObject(form, ["clientIds"]));
}
