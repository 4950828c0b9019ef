"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { clientDraftFromForm, type ClientSaveResult } from "@/components/clients/client-form-data";
import { clientInputSchema } from "@/lib/clients/schema";
import { createClient } from "@/lib/db/clients";
import { authedAction } from "@/lib/server/action";

const create = authedAction({ permission: "clients.write", schema: clientInputSchema }, async (viewer, input) => createClient(viewer.scope, input));

export async function createClientAction(_prev: ClientSaveResult | null, form: FormData): Promise<ClientSaveResult> {
  const result = await create(clientDraftFromForm(form));
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors };
  revalidatePath("/clients");
  redirect(`/clients/${result.data.id}`);
}
