"use server";

import { revalidatePath } from "next/cache";
import { updateFirmSettings } from "@/lib/db/firms";
import { firmSettingsSchema } from "@/lib/firms/settings";
import { authedAction, formDataToObject } from "@/lib/server/action";

/** The firm settings form: fields through the shared schema, the logo checked by its bytes in lib/db. */
export async function updateFirmSettingsAction(_prev: unknown, form: FormData) {
  const file = form.get("logo");
  const logo = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
  const save = authedAction({ permission: "firm.manage", schema: firmSettingsSchema }, async (viewer, input) => {
    await updateFirmSettings(viewer.scope, input, logo);
    revalidatePath("/", "layout");
    return { saved: true };
  });
  return save(formDataToObject(form, ["followedDrawKinds"]));
}
