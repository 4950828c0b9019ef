"use server";

import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { createTeam, renameTeam } from "@/lib/db/firms";
import { inviteUser, revokeInvitation } from "@/lib/db/users/invitations";
import { setUserActive, updateUser } from "@/lib/db/users";
import { authedAction, formDataToObject } from "@/lib/server/action";
import { inviteUserSchema, teamNameSchema, updateUserSchema } from "@/lib/users/schemas";

const invite = authedAction({ permission: "users.manage", schema: inviteUserSchema }, async (viewer, input) => {
  const result = await inviteUser(viewer.scope, input);
  revalidatePath("/settings/users");
  return { url: result.url, email: input.email, emailed: result.emailed };
});
export async function inviteUserAction(_prev: unknown, form: FormData) {
  return invite(formDataToObject(form, ["teamIds"]));
}

const update = authedAction({ permission: "users.manage", schema: updateUserSchema }, async (viewer, input) => {
  await updateUser(viewer.scope, input);
  revalidatePath("/settings/users");
});
export async function updateUserAction(_prev: unknown, form: FormData) {
  return update(formDataToObject(form, ["teamIds"]));
}

const activeSchema = z.object({ userId: z.uuid(), active: z.enum(["true", "false"]) });
const setActive = authedAction({ permission: "users.manage", schema: activeSchema }, async (viewer, input) => {
  await setUserActive(viewer.scope, input.userId, input.active === "true");
  revalidatePath("/settings/users");
});
export async function setUserActiveAction(_prev: unknown, form: FormData) {
  return setActive(formDataToObject(form));
}

const revoke = authedAction({ permission: "users.manage", schema: z.object({ invitationId: z.uuid() }) }, async (viewer, input) => {
  await revokeInvitation(viewer.scope, input.invitationId);
  revalidatePath("/settings/users");
});
export async function revokeInvitationAction(_prev: unknown, form: FormData) {
  return revoke(formDataToObject(form));
}

const newTeam = authedAction({ permission: "teams.manage", schema: z.object({ name: teamNameSchema }) }, async (viewer, input) => {
  await createTeam(viewer.scope, input.name);
  revalidatePath("/settings/users");
});
export async function createTeamAction(_prev: unknown, form: FormData) {
  return newTeam(formDataToObject(form));
}

const rename = authedAction({ permission: "teams.manage", schema: z.object({ teamId: z.uuid(), name: teamNameSchema }) }, async (viewer, input) => {
  await renameTeam(viewer.scope, input.teamId, input.name);
  revalidatePath("/settings/users");
});
export async function renameTeamAction(_prev: unknown, form: FormData) {
  return rename(formDataToObject(form));
}
