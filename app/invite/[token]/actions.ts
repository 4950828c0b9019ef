"use server";

import { acceptInvitation } from "@/lib/db/users/invitations";
import { formDataToObject } from "@/lib/server/action";
import { publicAction } from "@/lib/server/public-action";

export async function acceptInvitationAction(_prev: unknown, form: FormData) {
  return publicAction(() => acceptInvitation(formDataToObject(form) as never));
}
