"use server";

import { revalidatePath } from "next/cache";
import { mapDrawKind } from "@/lib/db/draws/kind-mapping";
import { drawKindMappingSchema } from "@/lib/draws/kind-mapping";
import { authedAction, formDataToObject } from "@/lib/server/action";

// No firm permission: mapDrawKind itself refuses anyone who is not a platform administrator.
const mapName = authedAction({ schema: drawKindMappingSchema }, async (viewer, input) => {
  const result = await mapDrawKind({ via: "web", scope: viewer.scope, email: viewer.email }, input);
  revalidatePath("/draws", "layout");
  revalidatePath("/");
  return { kind: result.kind, reclassified: result.reclassified.length };
});

export async function mapDrawNameAction(_prev: unknown, form: FormData) {
  return mapName(formDataToObject(form));
}
