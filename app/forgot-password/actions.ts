"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { admitPasswordResetRequest, issuePasswordReset } from "@/lib/db/users/password-reset";
import { clientAddress } from "@/lib/server/auth-options";
import { formDataToObject } from "@/lib/server/action";
import { publicAction } from "@/lib/server/public-action";

export async function requestPasswordResetAction(_prev: unknown, form: FormData) {
  const address = clientAddress(await headers());
  return publicAction(async () => {
    const email = await admitPasswordResetRequest(formDataToObject(form) as never, address);
    // After the answer: its timing must not reveal whether the address has an account.
    after(() => issuePasswordReset(email, address).catch((error) => console.error("password reset:", error)));
  });
}
