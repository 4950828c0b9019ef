"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "@/lib/zod";
import { clientDraftFromForm, type ClientSaveResult } from "@/components/clients/client-form-data";
import { clientInputSchema } from "@/lib/clients/schema";
import { updateClient } from "@/lib/db/clients";
import { ConflictError } from "@/lib/errors";
import { authedAction } from "@/lib/server/action";

const target = z.object({ clientId: z.uuid(), version: z.coerce.number().int().min(1) });

/**
 * Saves the edit form against the version the form was loaded with (optimistic concurrency): a
 * stale version is refused with the data layer's "changed by X at T" message, and the form keeps
 * the user's input.
 */
export async function updateClientAction(_prev: ClientSaveResult | null, form: FormData): Promise<ClientSaveResult> {
  const parsed = target.safeParse({ clientId: form.get("clientId"), version: form.get("version") });
  if (!parsed.success) return { ok: false, error: "This form does not say which version of the client it edits. Reload the page and try again." };
  const { clientId, version } = parsed.data;
  const save = authedAction({ permission: "clients.write", schema: clientInputSchema }, async (viewer, input) => {
    try {
      await updateClient(viewer.scope, clientId, version, input);
      return { conflict: null };
    } catch (error) {
      if (error instanceof ConflictError) return { conflict: error.message };
      throw error;
    }
  });
  const result = await save(clientDraftFromForm(form));
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors };
  if (result.data.conflict) return { ok: false, error: result.data.conflict, conflict: true };
  revalidatePath("/clients");
  revalidatePath(`/clients/${clientId}`);
  redirect(`/clients/${clientId}`);
}
