"use server";

import { headers } from "next/headers";
import { requestPasswordReset } from "@/lib/db/password-reset";
import { clientAddress } from "@/lib/server/auth-options";
import { formDataToObject } from "@/lib/server/action";
import { publicAction } from "@/lib/server/public-action";

export async function requestPasswordResetAction(_prev: unknown, form: FormData) {
  const address = clientAddress(await headers());
  return publicAction(() => requestPasswordReset(formDataToObject(form) as never, address));
}
