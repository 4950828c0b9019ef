import "server-only";
import { can, type Scope } from "@/lib/auth/scope";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { teamNameSchema } from "@/lib/users/schemas";
import { actorOf, recordAudit } from "../audit";
import { prisma, Prisma } from "../prisma";
import { teamWhere } from "../scope";

export async function listTeams(scope: Scope) {
  return prisma().team.findMany({
    where: teamWhere(scope),
    orderBy: { name: "asc" },
    select: { id: true, name: true, _count: { select: { members: true, clients: true } } },
  });
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function createTeam(scope: Scope, rawName: string) {
  if (!can(scope, "teams.manage")) throw new ForbiddenError();
  const name = teamNameSchema.parse(rawName);
  try {
    return await prisma().$transaction(async (tx) => {
      const team = await tx.team.create({ data: { firmId: scope.firmId, name } });
      await recordAudit(actorOf(scope), { action: "team.create", entityType: "team", entityId: team.id, changes: { name: { from: null, to: name } } }, tx);
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`A team named "${name}" already exists.`);
    throw error;
  }
}

export async function renameTeam(scope: Scope, teamId: string, rawName: string) {
  if (!can(scope, "teams.manage")) throw new ForbiddenError();
  const name = teamNameSchema.parse(rawName);
  try {
    return await prisma().$transaction(async (tx) => {
      const before = await tx.team.findFirst({ where: teamWhere(scope, { id: teamId }) });
      if (!before) throw new NotFoundError("Team");
      const { count } = await tx.team.updateMany({ where: teamWhere(scope, { id: teamId }), data: { name } });
      if (count === 0) throw new NotFoundError("Team");
      await recordAudit(actorOf(scope), { action: "team.rename", entityType: "team", entityId: teamId, changes: { name: { from: before.name, to: name } } }, tx);
      return { id: teamId, name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`A team named "${name}" already exists.`);
    throw error;
  }
}

export async function deleteTeam(scope: Scope, teamId: string) {
  if (!can(scope, "teams.manage")) throw new ForbiddenError();
  return prisma().$transaction(async (tx) => {
    const team = await tx.team.findFirst({ where: teamWhere(scope, { id: teamId }), include: { _count: { select: { clients: true } } } });
    if (!team) throw new NotFoundError("Team");
    if (team._count.clients > 0) throw new ConflictError(`The team "${team.name}" still has ${team._count.clients} clients; move them to another team first.`);
    await tx.team.deleteMany({ where: teamWhere(scope, { id: teamId }) });
    await recordAudit(actorOf(scope), { action: "team.delete", entityType: "team", entityId: teamId, changes: { name: { from: team.name, to: null } } }, tx);
  });
}
