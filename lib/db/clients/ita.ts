import "server-only";
import { type Scope, can } from "@/lib/auth/scope";
import { type ItaChange, type ItaClientState, type ItaTransition, ItaTransitionError, applyItaTransition, itaTransitionSchema } from "@/lib/clients/ita-transitions";
import type { ClientStatus } from "@/lib/clients/status";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { toZonedDate, todayIn } from "@/lib/dates/time-zone";
import { drawInstant } from "@/lib/draws/eligibility";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { z } from "@/lib/zod";
import { actorOf, recordAudit } from "../audit";
import { prisma } from "../prisma";
import { clientWhere } from "../scope";
import { refreshClientResults } from "../draws/results-refresh";
import { firmTimeZone } from "./shared";

/**
 * The day after the draw: recording ITAs (one client or many, from a draw page) and the later
 * steps of the application, each through lib/clients/ita-transitions and audited in the same
 * transaction, so a bulk recording is all-or-nothing.
 */

type Tx = Prisma.TransactionClient;

const MAX_BULK = 1_000;

export const recordInvitationsSchema = z.object({
  drawNumber: z.string().trim().min(1, "Name the round."),
  itaDate: z.iso.date({ error: "Use a date as YYYY-MM-DD." }),
  clientIds: z.array(z.uuid({ error: "Not a valid client." })).min(1, "Select at least one client.").max(MAX_BULK, `At most ${MAX_BULK} clients at once.`),
});
export type RecordInvitationsInput = z.infer<typeof recordInvitationsSchema>;

const dateOnly = (d: Date | null): CalendarDate | null => (d ? d.toISOString().slice(0, 10) : null);
const dateValue = (s: string): Date => new Date(`${s}T00:00:00Z`);

type ClientRow = Awaited<ReturnType<Tx["client"]["findFirstOrThrow"]>>;

function stateOf(row: ClientRow, timeZone: string): ItaClientState {
  return {
    status: row.status as ClientStatus,
    profileSubmittedOn: row.profileSubmittedAt ? toZonedDate(row.profileSubmittedAt.toISOString(), timeZone) : null,
    profileExpiresOn: dateOnly(row.profileExpiresOn),
    itaDate: dateOnly(row.itaDate),
    applicationDueOn: dateOnly(row.applicationDueOn),
  };
}

/** The ITA's moment: the round's draw time when the ledger has it, so the client stays eligible in that very round. */
async function invitedAtFor(tx: Tx, itaRound: string, itaDate: CalendarDate): Promise<Date> {
  const draw = await tx.draw.findUnique({ where: { number: itaRound }, select: { date: true, drawnAt: true } });
  if (draw && dateOnly(draw.date) === itaDate) return drawInstant({ date: itaDate, drawnAt: draw.drawnAt?.toISOString() ?? null });
  return drawInstant({ date: itaDate, drawnAt: null });
}

function dataOf(change: ItaChange): Prisma.ClientUpdateManyMutationInput {
  return {
    status: change.status,
    ...(change.itaDate ? { itaDate: dateValue(change.itaDate) } : {}),
    ...(change.itaRound ? { itaRound: change.itaRound } : {}),
    ...(change.applicationDueOn ? { applicationDueOn: dateValue(change.applicationDueOn) } : {}),
    ...(change.applicationSubmittedOn ? { applicationSubmittedOn: dateValue(change.applicationSubmittedOn) } : {}),
    ...(change.decisionOn !== undefined ? { decisionOn: change.decisionOn ? dateValue(change.decisionOn) : null } : {}),
  };
}

/** Applies one transition to a loaded row: the update (guarded by version) and its audit entry. */
async function applyTo(scope: Scope, tx: Tx, row: ClientRow, transition: ItaTransition, timeZone: string, now: Date, metadata: Record<string, string> = {}): Promise<ItaChange> {
  const change = applyItaTransition(stateOf(row, timeZone), transition, todayIn(timeZone, now));
  const invitedAt = transition.action === "invite" ? await invitedAtFor(tx, transition.itaRound, transition.itaDate) : undefined;
  const { count } = await tx.client.updateMany({
    where: clientWhere(scope, { id: row.id, version: row.version }),
    data: { ...dataOf(change), ...(invitedAt ? { invitedAt } : {}), version: { increment: 1 }, updatedAt: now, updatedById: scope.userId },
  });
  if (count === 0) throw new ConflictError("This client was changed at the same moment. Reload and try again.");
  const changes: Record<string, { from: unknown; to: unknown }> = { status: { from: row.status, to: change.status } };
  for (const [key, to] of Object.entries(change)) {
    if (key === "status") continue;
    const from = row[key as keyof ClientRow];
    changes[key] = { from: from instanceof Date ? dateOnly(from) : (from ?? null), to: to ?? null };
  }
  await recordAudit(actorOf(scope), { action: `client.ita.${transition.action}`, entityType: "client", entityId: row.id, changes: JSON.parse(JSON.stringify(changes)) as Prisma.InputJsonValue, metadata }, tx);
  return change;
}

function asInvalid(error: unknown, prefix: string): never {
  if (error instanceof ItaTransitionError) throw new InvalidInputError(`${prefix}${error.message}`, [{ path: error.field, message: error.message }]);
  throw error;
}

/**
 * Records the ITA of every selected client in one round: one transaction, one audit entry per
 * client. Any client out of scope (404) or whose status or dates refuse the ITA fails the whole
 * recording with a message naming that client; nothing is written.
 */
export async function recordInvitations(scope: Scope, raw: unknown, options: { now?: Date } = {}): Promise<{ recorded: number }> {
  if (!can(scope, "clients.write")) throw new ForbiddenError();
  const input = recordInvitationsSchema.parse(raw);
  const ids = [...new Set(input.clientIds)];
  const now = options.now ?? new Date();
  return prisma().$transaction(async (tx) => {
    const draw = await tx.draw.findUnique({ where: { number: input.drawNumber }, select: { number: true } });
    if (!draw) throw new NotFoundError(`Round ${input.drawNumber}`);
    const timeZone = await firmTimeZone(scope, tx);
    const rows = await tx.client.findMany({ where: clientWhere(scope, { id: { in: ids } }) });
    if (rows.length !== ids.length) throw new NotFoundError("Client");
    for (const row of rows) {
      try {
        await applyTo(scope, tx, row, { action: "invite", itaDate: input.itaDate, itaRound: draw.number }, timeZone, now, { drawNumber: draw.number, bulk: String(ids.length) });
      } catch (error) {
        asInvalid(error, `${row.firstName} ${row.lastName}: `);
      }
    }
    await refreshClientResults(tx, scope.firmId, ids);
    return { recorded: rows.length };
  });
}

/** One step of one client's application (the client page), validated and audited. */
export async function transitionClient(scope: Scope, id: string, raw: unknown, options: { now?: Date } = {}): Promise<{ status: ClientStatus }> {
  if (!can(scope, "clients.write")) throw new ForbiddenError();
  const transition = itaTransitionSchema.parse(raw);
  const now = options.now ?? new Date();
  return prisma().$transaction(async (tx) => {
    if (transition.action === "invite") {
      const exists = await tx.draw.findUnique({ where: { number: transition.itaRound }, select: { number: true } });
      if (!exists) throw new InvalidInputError(`No round ${transition.itaRound} in the ledger.`, [{ path: "itaRound", message: "No such round in the ledger." }]);
    }
    const row = await tx.client.findFirst({ where: clientWhere(scope, { id }) });
    if (!row) throw new NotFoundError("Client");
    const timeZone = await firmTimeZone(scope, tx);
    try {
      const change = await applyTo(scope, tx, row, transition, timeZone, now);
      await refreshClientResults(tx, scope.firmId, [id]);
      return { status: change.status };
    } catch (error) {
      return asInvalid(error, "");
    }
  });
}
