import "server-only";
import { assignableRoles, type Role } from "@/lib/auth/permissions";
import { can, type Scope } from "@/lib/auth/scope";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { updateUserSchema } from "@/lib/users/schemas";
import type { z } from "zod";
import { actorOf, recordAudit } from "../audit";
import { prisma } from "../prisma";
import { teamWhere, userWhere } from "../scope";

const USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  licenceNumber: true,
  lastSignInAt: true,
  totpEnabledAt: true,
  createdAt: true,
  memberships: { select: { team: { select: { id: true, name: true } } } },
} as const;

function shape<T extends { memberships: { team: { id: string; name: string } }[] }>(u: T) {
  const { memberships, ...rest } = u;
  return { ...rest, teams: memberships.map((m) => m.team) };
}

export async function listUsers(scope: Scope) {
  const users = await prisma().user.findMany({ where: userWhere(scope), orderBy: [{ active: "desc" }, { name: "asc" }], select: USER_SELECT });
  return users.map(shape);
}

/** Consultants of the firm, for assignment pickers and filters. */
export async function listConsultants(scope: Scope) {
  return prisma().user.findMany({
    where: userWhere(scope, { active: true, role: { in: ["owner", "admin", "consultant"] } }),
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}

export async function getUser(scope: Scope, userId: string) {
  const user = await prisma().user.findFirst({ where: userWhere(scope, { id: userId }), select: USER_SELECT });
  if (!user) throw new NotFoundError("User");
  return shape(user);
}

async function assertTeamsInFirm(scope: Scope, teamIds: string[]) {
  const found = await prisma().team.count({ where: teamWhere(scope, { id: { in: teamIds } }) });
  if (found !== new Set(teamIds).size) throw new NotFoundError("Team");
}

/** Checks that `actor` may change `target` to `newRole`: owners are changed only by owners. */
function assertRoleChangeAllowed(scope: Scope, targetRole: Role, newRole: Role) {
  const allowed = assignableRoles(scope.role);
  if (!allowed.includes(newRole) || !allowed.includes(targetRole)) throw new ForbiddenError("You cannot give or change that role.");
}

async function assertNotLastOwner(scope: Scope, userId: string) {
  const owners = await prisma().user.count({ where: userWhere(scope, { role: "owner", active: true, id: { not: userId } }) });
  if (owners === 0) throw new ConflictError("The firm must keep at least one active owner.");
}

export async function updateUser(scope: Scope, input: z.input<typeof updateUserSchema>) {
  if (!can(scope, "users.manage")) throw new ForbiddenError();
  const { userId, role, teamIds, licenceNumber } = updateUserSchema.parse(input);
  const before = await getUser(scope, userId);
  assertRoleChangeAllowed(scope, before.role, role);
  if (before.role === "owner" && role !== "owner") await assertNotLastOwner(scope, userId);
  await assertTeamsInFirm(scope, teamIds);
  await prisma().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: userWhere(scope, { id: userId }), data: { role, licenceNumber } });
    if (count === 0) throw new NotFoundError("User");
    await tx.teamMembership.deleteMany({ where: { firmId: scope.firmId, userId } });
    await tx.teamMembership.createMany({ data: teamIds.map((teamId) => ({ firmId: scope.firmId, teamId, userId })) });
    await recordAudit(
      actorOf(scope),
      {
        action: "user.update",
        entityType: "user",
        entityId: userId,
        changes: {
          ...(before.role !== role ? { role: { from: before.role, to: role } } : {}),
          ...(before.licenceNumber !== licenceNumber ? { licenceNumber: { from: before.licenceNumber, to: licenceNumber } } : {}),
          teams: { from: before.teams.map((t) => t.id).sort(), to: [...teamIds].sort() },
        },
      },
      tx,
    );
  });
  return getUser(scope, userId);
}

export async function setUserActive(scope: Scope, userId: string, active: boolean) {
  if (!can(scope, "users.manage")) throw new ForbiddenError();
  if (userId === scope.userId && !active) throw new ConflictError("You cannot deactivate yourself.");
  const before = await getUser(scope, userId);
  assertRoleChangeAllowed(scope, before.role, before.role);
  if (!active && before.role === "owner") await assertNotLastOwner(scope, userId);
  await prisma().$transaction(async (tx) => {
    await tx.user.updateMany({ where: userWhere(scope, { id: userId }), data: { active, deactivatedAt: active ? null : new Date() } });
    await recordAudit(actorOf(scope), { action: active ? "user.reactivate" : "user.deactivate", entityType: "user", entityId: userId, changes: { active: { from: before.active, to: active } } }, tx);
  });
}
