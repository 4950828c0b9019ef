"use server";

import { headers } from "next/headers";
import { resetPassword } from "@/lib/db/users/password-reset";
import { clientAddress } from "@/lib/server/auth-options";
import { formDataToObject } from "@/lib/server/action";
import { publicAction } from "@/lib/server/public-action";

export async function resetPasswordAction(_prev: unknown, form: FormData) {
  const address = clientAddress(await headers());
  return publicAction(() => resetPassword(formDataToObject(form) as never, address));
}
