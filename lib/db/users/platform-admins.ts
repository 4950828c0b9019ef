import "server-only";
import { NotFoundError } from "@/lib/errors";
import { prisma } from "../prisma";

/**
 * Platform administrators change global reference data (how IRCC's draw names are classified),
 * which every firm on the install shares. A firm role cannot grant it: on a multi-firm install an
 * owner of one firm must not re-label every firm's draws. Whoever runs the server grants it from
 * the command line (`npm run platform-admin`), where shell access already implies that trust.
 */

export async function isPlatformAdmin(userId: string): Promise<boolean> {
  const user = await prisma().user.findFirst({ where: { id: userId, active: true, platformAdmin: true }, select: { id: true } });
  return user !== null;
}

/** Grants or revokes the flag by e-mail address; returns the user's name and firm for the operator's confirmation. */
export async function setPlatformAdmin(email: string, on: boolean): Promise<{ email: string; name: string; firm: string }> {
  const user = await prisma().user.findFirst({ where: { email: { equals: email.trim(), mode: "insensitive" } }, select: { firmId: true, id: true, email: true, name: true, firm: { select: { name: true } } } });
  if (!user) throw new NotFoundError(`User ${email.trim()}`);
  await prisma().user.update({ where: { firmId_id: { firmId: user.firmId, id: user.id } }, data: { platformAdmin: on } });
  return { email: user.email, name: user.name, firm: user.firm.name };
}

/** The platform administrators, for the operator's listing. */
export async function listPlatformAdmins(): Promise<{ email: string; name: string; firm: string }[]> {
  const users = await prisma().user.findMany({ where: { platformAdmin: true }, select: { email: true, name: true, firm: { select: { name: true } } }, orderBy: { email: "asc" } });
  return users.map((u) => ({ email: u.email, name: u.name, firm: u.firm.name }));
}
