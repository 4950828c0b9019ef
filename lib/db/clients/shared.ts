import "server-only";
import type { Permission } from "@/lib/auth/permissions";
import { can, seesAllTeams, type Scope } from "@/lib/auth/scope";
import type { ClientInput } from "@/lib/clients/schema";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { Prisma, prisma } from "../prisma";
import { clientWhere, teamWhere, userWhere } from "../scope";
import { DuplicateClientError } from "./errors";

// Helpers the client files share; not part of lib/db/clients' public API (index.ts leaves them out).

export type Tx = Prisma.TransactionClient;
export type ClientRow = Awaited<ReturnType<Tx["client"]["findFirstOrThrow"]>>;

export function requirePermission(scope: Scope, permission: Permission): void {
  if (!can(scope, permission)) throw new ForbiddenError();
}

export const dateOnly = (d: Date | null): CalendarDate | null => (d ? d.toISOString().slice(0, 10) : null);
export const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);
export const dateValue = (s: string | null): Date | null => (s ? new Date(`${s}T00:00:00Z`) : null);
export const instantValue = (s: string | null): Date | null => (s ? new Date(s) : null);

export async function firmTimeZone(scope: Scope, tx: Tx = prisma()): Promise<string> {
  const firm = await tx.firm.findUnique({ where: { id: scope.firmId }, select: { timeZone: true } });
  if (!firm) throw new NotFoundError("Firm");
  return firm.timeZone;
}

/** A team of the caller's firm that the caller may put clients in; another team reads as not found. */
export async function assertWritableTeam(scope: Scope, teamId: string, tx: Tx): Promise<void> {
  const inScope = seesAllTeams(scope) || scope.teamIds.includes(teamId);
  const team = inScope ? await tx.team.findFirst({ where: teamWhere(scope, { id: teamId }), select: { id: true } }) : null;
  if (!team) throw new NotFoundError("Team");
}

export async function assertConsultant(scope: Scope, consultantId: string | null, tx: Tx): Promise<void> {
  if (!consultantId) return;
  const user = await tx.user.findFirst({
    where: userWhere(scope, { id: consultantId, active: true, role: { in: ["owner", "admin", "consultant"] } }),
    select: { id: true },
  });
  if (!user) throw new InvalidInputError("Choose a consultant of your firm.", [{ path: "consultantId", message: "Choose a consultant of your firm." }]);
}

/** Duplicates are judged firm-wide among live clients (the unique indexes' rule), whatever the team. */
export async function assertNoDuplicate(scope: Scope, input: Pick<ClientInput, "profileNumber" | "email">, exceptId: string | null, tx: Tx): Promise<void> {
  if (!input.profileNumber && !input.email) return;
  const rows = await tx.$queryRaw<{ profileNumber: string | null; email: string | null }[]>`
    SELECT c."profileNumber", c."email" FROM "Client" c
    WHERE c."firmId" = ${scope.firmId}::uuid AND c."deletedAt" IS NULL AND c."id" <> coalesce(${exceptId}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
      AND (c."profileNumber" = ${input.profileNumber} OR lower(c."email") = lower(${input.email}))
    LIMIT 1`;
  if (rows.length === 0) return;
  throw new DuplicateClientError(input.profileNumber && rows[0].profileNumber === input.profileNumber ? "profileNumber" : "email");
}

/** The unique indexes catch what a concurrent save slipped past assertNoDuplicate. */
export async function mapDuplicates<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const detail = `${error.message} ${JSON.stringify(error.meta ?? {})}`;
      throw new DuplicateClientError(/email/i.test(detail) ? "email" : "profileNumber");
    }
    throw error;
  }
}

/** The caller's one gate to a live client: in scope or not found. */
export async function getClientRow(scope: Scope, id: string, tx: Tx = prisma()): Promise<ClientRow> {
  const row = await tx.client.findFirst({ where: clientWhere(scope, { id }) });
  if (!row) throw new NotFoundError("Client");
  return row;
}

export async function userNames(scope: Scope, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id != null))];
  if (wanted.length === 0) return new Map();
  const users = await prisma().user.findMany({ where: userWhere(scope, { id: { in: wanted } }), select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

export const toJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
