import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { createFirmSchema } from "@/lib/users/schemas";
import type { z } from "zod";
import { recordAudit } from "../audit";
import { invitationUrl, issueInvitation } from "../users/invitations";
import { prisma } from "../prisma";

export async function getFirm(scope: Scope) {
  const firm = await prisma().firm.findUnique({ where: { id: scope.firmId }, select: { id: true, name: true, slug: true, timeZone: true, nearMissMargin: true } });
  if (!firm) throw new NotFoundError("Firm");
  return firm;
}

export async function findFirmBySlug(slug: string) {
  return prisma().firm.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, timeZone: true, nearMissMargin: true } });
}

/**
 * Provisions a firm with its teams and owner (administrators' command line). The owner's
 * account has no password until they open the one-time link returned here.
 */
export async function createFirm(input: z.input<typeof createFirmSchema>, options: { baseUrl?: string } = {}) {
  const data = createFirmSchema.parse(input);
  if (await prisma().firm.findUnique({ where: { slug: data.slug } })) throw new ConflictError(`A firm with the slug "${data.slug}" already exists.`);
  if (await prisma().user.findFirst({ where: { email: { equals: data.ownerEmail, mode: "insensitive" } } })) {
    throw new ConflictError(`${data.ownerEmail} already has a DrawDesk account.`);
  }
  const teamNames = [...new Set(data.teams)];
  return prisma().$transaction(async (tx) => {
    const firm = await tx.firm.create({ data: { name: data.name, slug: data.slug } });
    const teams = await Promise.all(teamNames.map((name) => tx.team.create({ data: { firmId: firm.id, name } })));
    const ownerName = data.ownerName ?? data.ownerEmail.split("@")[0];
    const owner = await tx.user.create({ data: { firmId: firm.id, email: data.ownerEmail, name: ownerName, role: "owner" } });
    await tx.teamMembership.createMany({ data: teams.map((t) => ({ firmId: firm.id, teamId: t.id, userId: owner.id })) });
    const { token, invitation } = await issueInvitation(tx, {
      firmId: firm.id,
      email: data.ownerEmail,
      name: ownerName,
      role: "owner",
      teamIds: teams.map((t) => t.id),
      invitedById: null,
    });
    await recordAudit({ firmId: firm.id, userId: null, userEmail: "command line" }, { action: "firm.create", entityType: "firm", entityId: firm.id, changes: { name: { from: null, to: data.name }, slug: { from: null, to: data.slug } } }, tx);
    return {
      firm: { id: firm.id, name: firm.name, slug: firm.slug },
      teams: teams.map((t) => ({ id: t.id, name: t.name })),
      owner: { id: owner.id, email: owner.email },
      invitationUrl: invitationUrl(token, options.baseUrl),
      invitationExpiresAt: invitation.expiresAt.toISOString(),
    };
  });
}
