"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { confirmTwoFactorEnrolment, disableTwoFactor, startTwoFactorEnrolment } from "@/lib/db/users/two-factor";
import { revokeUserSession } from "@/lib/db/users/sessions";
import { authedAction, formDataToObject } from "@/lib/server/action";
import { clientAddress } from "@/lib/server/auth-options";
import { confirmTwoFactorSchema, disableTwoFactorSchema, revokeSessionSchema } from "@/lib/users/schemas";
import { z } from "@/lib/zod";

// Enrolment stays open to someone the firm forces to enrol (beforeTwoFactor): it is the way out.
const start = authedAction({ schema: z.object({}), beforeTwoFactor: true }, async (viewer) => {
  await startTwoFactorEnrolment(viewer.scope);
  revalidatePath("/settings/security");
});
export async function startTwoFactorAction(_prev: unknown, _form: FormData) {
  return start({});
}

// No revalidation: the page would re-render without the recovery codes, which exist only in this answer.
const confirm = authedAction({ schema: confirmTwoFactorSchema, beforeTwoFactor: true }, async (viewer, input) => ({
  codes: await confirmTwoFactorEnrolment(viewer.scope, input.code),
}));
export async function confirmTwoFactorAction(_prev: unknown, form: FormData) {
  return confirm(formDataToObject(form));
}

const disable = authedAction({ schema: disableTwoFactorSchema }, async (viewer, input) => {
  await disableTwoFactor(viewer.scope, input, clientAddress(await headers()));
  revalidatePath("/settings/security");
});
export async function disableTwoFactorAction(_prev: unknown, form: FormData) {
  return disable(formDataToObject(form));
}

// One action for "my sessions" and the team page: lib/db decides whose session the caller may end.
const revoke = authedAction({ schema: revokeSessionSchema, beforeTwoFactor: true }, async (viewer, input) => {
  await revokeUserSession(viewer.scope, input.sessionId);
  revalidatePath("/settings/security");
  revalidatePath("/settings/users");
});
export async function revokeSessionAction(_prev: unknown, form: FormData) {
  return revoke(formDataToObject(form));
}
