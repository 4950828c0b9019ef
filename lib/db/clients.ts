import "server-only";
import type { Permission } from "@/lib/auth/permissions";
import { can, seesAllTeams, type Scope } from "@/lib/auth/scope";
import type { RosterQuery } from "@/lib/clients/roster-query";
import { type ClientInput, type ClientInputDraft, clientInputSchema } from "@/lib/clients/schema";
import type { ClientStatus } from "@/lib/clients/status";
import { type CrsInput, type CrsResult, calculateCrs, crsInputSchema } from "@/lib/crs";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { formatInstant } from "@/lib/dates/format-instant";
import { todayIn } from "@/lib/dates/time-zone";
import { type ClientDeadline, clientDeadlines, ecaExpiresOn, languageTestExpiresOn, profileExpiresOn } from "@/lib/deadlines";
import type { Program } from "@/lib/draws/kinds";
import { type RecordedLevel, type RecordedResults, recordedLevels } from "@/lib/language/recorded-test";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { actorOf, diffFields, recordAudit } from "./audit";
import { listClientsPage } from "./clients-roster";
import type { RosterPage } from "./roster-types";
import { Prisma, prisma } from "./prisma";
import { clientScopeSql, clientWhere, teamWhere, userWhere } from "./scope";

export type { LatestCutoff, RosterDeadline, RosterPage, RosterRow } from "./roster-types";

export interface ClientDetail {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  dateOfBirth: CalendarDate | null;
  citizenship: string | null;
  teamId: string;
  teamName: string;
  consultantId: string | null;
  consultantName: string | null;
  status: ClientStatus;
  profileNumber: string | null;
  profileSubmittedAt: string | null;
  /** Stored expiry: the override when `profileExpiryOverride`, else 12 months after submission. */
  profileExpiresOn: CalendarDate | null;
  profileExpiryOverride: boolean;
  programs: Program[];
  nominationProvince: string | null;
  nominatedOn: CalendarDate | null;
  categories: string[];
  crs: number | null;
  crsEffectiveAt: string | null;
  /** How the current score was set: "calculated" (from crsFactors), "manual", or "import". */
  crsSource: string | null;
  /** The reason given with the current score when entered by hand. */
  crsReason: string | null;
  crsFactors: CrsInput | null;
  /** The calculator's line-by-line result for crsFactors; null without factors. */
  crsBreakdown: CrsResult | null;
  invitedAt: string | null;
  /** The round that invited the client (Draw.number), the ITA day and the 60-day deadline. */
  itaRound: string | null;
  itaDate: CalendarDate | null;
  applicationDueOn: CalendarDate | null;
  applicationSubmittedOn: CalendarDate | null;
  decisionOn: CalendarDate | null;
  canadianWorkStartedOn: CalendarDate | null;
  /** A designated test id (ielts_general, …), "other", or null. */
  languageTestType: string | null;
  languageTestDate: CalendarDate | null;
  /** Raw results of a designated test, or CLB levels for "other". */
  languageResults: RecordedResults | null;
  /** Each result with its CLB/NCLC level from IRCC's equivalency charts (valid results only). */
  languageLevels: RecordedLevel[];
  languageTestExpiresOn: CalendarDate | null;
  ecaIssuer: string | null;
  ecaIssuedOn: CalendarDate | null;
  ecaExpiresOn: CalendarDate | null;
  workPermitExpiresOn: CalendarDate | null;
  passportExpiresOn: CalendarDate | null;
  notes: string | null;
  /** Every known deadline (clientDeadlines, firm's zone), most urgent first; band null beyond 90 days. */
  deadlines: ClientDeadline[];
  archived: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  updatedByName: string | null;
  version: number;
  /** The firm's time zone, for showing instants. */
  timeZone: string;
}

export interface ScoreHistoryEntry {
  crs: number;
  effectiveAt: string;
  source: string;
  reason: string | null;
  createdByName: string | null;
}

export interface DeletedClient {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  profileNumber: string | null;
  teamName: string;
  deletedAt: string;
  /** Last moment restoreClient accepts it. */
  restorableUntil: string;
}

export interface TeamClientCount {
  teamId: string;
  teamName: string;
  /** Live, not archived clients. */
  active: number;
  archived: number;
}

/** How long a deleted client can be restored. */
export const RESTORE_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A duplicate profile number or email among the firm's live clients; `field` names which. */
export class DuplicateClientError extends ConflictError {
  constructor(readonly field: "profileNumber" | "email") {
    super(
      field === "profileNumber"
        ? "Another client of your firm already has this Express Entry profile number."
        : "Another client of your firm already has this email address.",
    );
  }
}

type Tx = Prisma.TransactionClient;
type ClientRow = Awaited<ReturnType<Tx["client"]["findFirstOrThrow"]>>;

function requirePermission(scope: Scope, permission: Permission): void {
  if (!can(scope, permission)) throw new ForbiddenError();
}

const dateOnly = (d: Date | null): CalendarDate | null => (d ? d.toISOString().slice(0, 10) : null);
const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);
const dateValue = (s: string | null): Date | null => (s ? new Date(`${s}T00:00:00Z`) : null);
const instantValue = (s: string | null): Date | null => (s ? new Date(s) : null);

async function firmTimeZone(scope: Scope, tx: Tx = prisma()): Promise<string> {
  const firm = await tx.firm.findUnique({ where: { id: scope.firmId }, select: { timeZone: true } });
  if (!firm) throw new NotFoundError("Firm");
  return firm.timeZone;
}

/** A team of the caller's firm that the caller may put clients in; another team reads as not found. */
async function assertWritableTeam(scope: Scope, teamId: string, tx: Tx): Promise<void> {
  const inScope = seesAllTeams(scope) || scope.teamIds.includes(teamId);
  const team = inScope ? await tx.team.findFirst({ where: teamWhere(scope, { id: teamId }), select: { id: true } }) : null;
  if (!team) throw new NotFoundError("Team");
}

async function assertConsultant(scope: Scope, consultantId: string | null, tx: Tx): Promise<void> {
  if (!consultantId) return;
  const user = await tx.user.findFirst({
    where: userWhere(scope, { id: consultantId, active: true, role: { in: ["owner", "admin", "consultant"] } }),
    select: { id: true },
  });
  if (!user) throw new InvalidInputError("Choose a consultant of your firm.", [{ path: "consultantId", message: "Choose a consultant of your firm." }]);
}

/** Duplicates are judged firm-wide among live clients (the unique indexes' rule), whatever the team. */
async function assertNoDuplicate(scope: Scope, input: Pick<ClientInput, "profileNumber" | "email">, exceptId: string | null, tx: Tx): Promise<void> {
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
async function mapDuplicates<T>(body: () => Promise<T>): Promise<T> {
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

interface Score {
  crs: number;
  source: "calculated" | "manual";
  reason: string | null;
  factors: CrsInput | null;
}

/** The calculator's total when factors are given (they win), else the score entered by hand. */
function scoreOf(input: ClientInput): Score | null {
  if (input.crsFactors) return { crs: calculateCrs(input.crsFactors).total, source: "calculated", reason: null, factors: input.crsFactors };
  if (input.manualCrs != null) return { crs: input.manualCrs, source: "manual", reason: input.manualCrsReason, factors: null };
  return null;
}

/** The record's columns from the input, with the derived expiry dates (profile: firm's zone). */
function storedFields(input: ClientInput, timeZone: string) {
  const profileExpiry = input.profileExpiresOn ?? (input.profileSubmittedAt ? profileExpiresOn(input.profileSubmittedAt, null, timeZone) : null);
  return {
    teamId: input.teamId,
    consultantId: input.consultantId,
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    phone: input.phone,
    dateOfBirth: dateValue(input.dateOfBirth),
    citizenship: input.citizenship,
    status: input.status,
    profileNumber: input.profileNumber,
    profileSubmittedAt: instantValue(input.profileSubmittedAt),
    profileExpiresOn: dateValue(profileExpiry),
    profileExpiryOverride: input.profileExpiresOn != null,
    programs: [...new Set(input.programs)],
    nominationProvince: input.nominationProvince,
    nominatedOn: dateValue(input.nominatedOn),
    categories: [...new Set(input.categories)],
    invitedAt: instantValue(input.invitedAt),
    canadianWorkStartedOn: dateValue(input.canadianWorkStartedOn),
    languageTestType: input.languageTestType,
    languageTestDate: dateValue(input.languageTestDate),
    languageResults: input.languageResults ?? Prisma.DbNull,
    languageTestExpiresOn: dateValue(input.languageTestDate ? languageTestExpiresOn(input.languageTestDate) : null),
    ecaIssuer: input.ecaIssuer,
    ecaIssuedOn: dateValue(input.ecaIssuedOn),
    ecaExpiresOn: dateValue(input.ecaIssuedOn ? ecaExpiresOn(input.ecaIssuedOn) : null),
    workPermitExpiresOn: dateValue(input.workPermitExpiresOn),
    passportExpiresOn: dateValue(input.passportExpiresOn),
    notes: input.notes,
  };
}

const AUDITED_FIELDS = [
  "teamId", "consultantId", "firstName", "lastName", "email", "phone", "dateOfBirth", "citizenship", "status", "profileNumber",
  "profileSubmittedAt", "profileExpiresOn", "profileExpiryOverride", "programs", "nominationProvince", "nominatedOn", "categories",
  "crs", "crsEffectiveAt", "crsFactors", "invitedAt", "canadianWorkStartedOn", "languageTestType", "languageTestDate", "languageResults",
  "ecaIssuer", "ecaIssuedOn", "workPermitExpiresOn", "passportExpiresOn", "notes",
] as const satisfies readonly (keyof ClientRow)[];
const DATE_FIELDS = new Set(["dateOfBirth", "profileExpiresOn", "nominatedOn", "canadianWorkStartedOn", "languageTestDate", "ecaIssuedOn", "workPermitExpiresOn", "passportExpiresOn"]);

/** The audited fields as plain values (calendar dates as YYYY-MM-DD), for diffFields. */
function auditView(row: ClientRow): Record<string, unknown> {
  return Object.fromEntries(
    AUDITED_FIELDS.map((field) => {
      const value = row[field];
      return [field, DATE_FIELDS.has(field) ? dateOnly(value as Date | null) : value];
    }),
  );
}

/** The caller's one gate to a live client: in scope or not found. */
async function getClientRow(scope: Scope, id: string, tx: Tx = prisma()): Promise<ClientRow> {
  const row = await tx.client.findFirst({ where: clientWhere(scope, { id }) });
  if (!row) throw new NotFoundError("Client");
  return row;
}

async function userNames(scope: Scope, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id != null))];
  if (wanted.length === 0) return new Map();
  const users = await prisma().user.findMany({ where: userWhere(scope, { id: { in: wanted } }), select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** The roster page for the caller's scope (see clients-roster.ts for how it stays fast). */
export async function listClients(scope: Scope, query: RosterQuery, options: { now?: Date } = {}): Promise<RosterPage> {
  return listClientsPage(scope, query, options.now ?? new Date());
}

export async function getClient(scope: Scope, id: string, options: { now?: Date } = {}): Promise<ClientDetail> {
  const row = await prisma().client.findFirst({
    where: clientWhere(scope, { id }),
    include: {
      team: { select: { name: true } },
      consultant: { select: { name: true } },
      scores: { orderBy: [{ effectiveAt: "desc" }, { createdAt: "desc" }], take: 1, select: { source: true, reason: true } },
    },
  });
  if (!row) throw new NotFoundError("Client");
  const [timeZone, names] = await Promise.all([firmTimeZone(scope), userNames(scope, [row.updatedById])]);
  const factors = row.crsFactors == null ? null : crsInputSchema.safeParse(row.crsFactors);
  const crsFactors = factors?.success ? factors.data : null;
  const languageResults = (row.languageResults as Record<string, unknown> | null) ?? null;
  const deadlines = clientDeadlines(
    {
      profileSubmittedAt: row.profileSubmittedAt,
      profileExpiresOn: dateOnly(row.profileExpiresOn),
      languageTestDate: dateOnly(row.languageTestDate),
      ecaIssuedOn: dateOnly(row.ecaIssuedOn),
      workPermitExpiresOn: dateOnly(row.workPermitExpiresOn),
      passportExpiresOn: dateOnly(row.passportExpiresOn),
      // Only while the ITA is open: once submitted (or declined) the 60 days no longer run.
      applicationDueOn: row.status === "ita_received" ? dateOnly(row.applicationDueOn) : null,
    },
    todayIn(timeZone, options.now ?? new Date()),
    { timeZone },
  );
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    dateOfBirth: dateOnly(row.dateOfBirth),
    citizenship: row.citizenship,
    teamId: row.teamId,
    teamName: row.team.name,
    consultantId: row.consultantId,
    consultantName: row.consultant?.name ?? null,
    status: row.status,
    profileNumber: row.profileNumber,
    profileSubmittedAt: isoOrNull(row.profileSubmittedAt),
    profileExpiresOn: dateOnly(row.profileExpiresOn),
    profileExpiryOverride: row.profileExpiryOverride,
    programs: row.programs as Program[],
    nominationProvince: row.nominationProvince,
    nominatedOn: dateOnly(row.nominatedOn),
    categories: row.categories,
    crs: row.crs,
    crsEffectiveAt: isoOrNull(row.crsEffectiveAt),
    crsSource: row.scores[0]?.source ?? null,
    crsReason: row.scores[0]?.reason ?? null,
    crsFactors,
    crsBreakdown: crsFactors ? calculateCrs(crsFactors) : null,
    invitedAt: isoOrNull(row.invitedAt),
    itaRound: row.itaRound,
    itaDate: dateOnly(row.itaDate),
    applicationDueOn: dateOnly(row.applicationDueOn),
    applicationSubmittedOn: dateOnly(row.applicationSubmittedOn),
    decisionOn: dateOnly(row.decisionOn),
    canadianWorkStartedOn: dateOnly(row.canadianWorkStartedOn),
    languageTestType: row.languageTestType,
    languageTestDate: dateOnly(row.languageTestDate),
    languageResults: languageResults as RecordedResults | null,
    languageLevels: recordedLevels(row.languageTestType, languageResults),
    languageTestExpiresOn: dateOnly(row.languageTestExpiresOn),
    ecaIssuer: row.ecaIssuer,
    ecaIssuedOn: dateOnly(row.ecaIssuedOn),
    ecaExpiresOn: dateOnly(row.ecaExpiresOn),
    workPermitExpiresOn: dateOnly(row.workPermitExpiresOn),
    passportExpiresOn: dateOnly(row.passportExpiresOn),
    notes: row.notes,
    deadlines,
    archived: row.archivedAt != null,
    archivedAt: isoOrNull(row.archivedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedByName: row.updatedById ? (names.get(row.updatedById) ?? null) : null,
    version: row.version,
    timeZone,
  };
}

/** Score history, oldest first. History is append-only: an update adds a row, never rewrites one. */
export async function getClientScoreHistory(scope: Scope, id: string): Promise<ScoreHistoryEntry[]> {
  const row = await prisma().client.findFirst({
    where: clientWhere(scope, { id }),
    select: { scores: { orderBy: [{ effectiveAt: "asc" }, { createdAt: "asc" }], select: { crs: true, effectiveAt: true, source: true, reason: true, createdById: true } } },
  });
  if (!row) throw new NotFoundError("Client");
  const names = await userNames(scope, row.scores.map((s) => s.createdById));
  return row.scores.map((s) => ({
    crs: s.crs,
    effectiveAt: s.effectiveAt.toISOString(),
    source: s.source,
    reason: s.reason,
    createdByName: s.createdById ? (names.get(s.createdById) ?? null) : null,
  }));
}

export async function createClient(scope: Scope, raw: ClientInputDraft | ClientInput): Promise<{ id: string }> {
  requirePermission(scope, "clients.write");
  const input = clientInputSchema.parse(raw);
  const now = new Date();
  return mapDuplicates(() =>
    prisma().$transaction(async (tx) => {
      const timeZone = await firmTimeZone(scope, tx);
      await assertWritableTeam(scope, input.teamId, tx);
      await assertConsultant(scope, input.consultantId, tx);
      await assertNoDuplicate(scope, input, null, tx);
      const score = scoreOf(input);
      // The first score is the one the profile entered the pool with, unless told otherwise.
      const effectiveAt = new Date(input.crsEffectiveAt ?? input.profileSubmittedAt ?? now);
      const client = await tx.client.create({
        data: {
          firmId: scope.firmId,
          ...storedFields(input, timeZone),
          crs: score?.crs ?? null,
          crsEffectiveAt: score ? effectiveAt : null,
          crsFactors: score?.factors ?? Prisma.DbNull,
          createdAt: now,
          updatedAt: now,
          updatedById: scope.userId,
        },
      });
      if (score) {
        await tx.crsScore.create({
          data: { firmId: scope.firmId, clientId: client.id, crs: score.crs, effectiveAt, source: score.source, reason: score.reason, createdById: scope.userId },
        });
      }
      const created = Object.fromEntries(Object.entries(auditView(client)).filter(([, value]) => value != null && !(Array.isArray(value) && value.length === 0)));
      await recordAudit(actorOf(scope), { action: "client.create", entityType: "client", entityId: client.id, changes: toJson(diffFields({}, created)) }, tx);
      return { id: client.id };
    }),
  );
}

const toJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

/** Why an update matched no row: the client moved on (conflict, naming who and when) or is gone. */
async function staleVersionError(scope: Scope, id: string): Promise<Error> {
  const row = await prisma().client.findFirst({ where: clientWhere(scope, { id }), select: { updatedAt: true, updatedById: true } });
  if (!row) return new NotFoundError("Client");
  const [timeZone, names] = await Promise.all([firmTimeZone(scope), userNames(scope, [row.updatedById])]);
  const who = (row.updatedById && names.get(row.updatedById)) ?? "another user";
  return new ConflictError(`This client was changed by ${who} at ${formatInstant(row.updatedAt, timeZone)}. Reload to see their changes; your edits were not saved.`);
}

/**
 * Saves the whole record when it is still at `expectedVersion` (optimistic concurrency). The score:
 * factors → computed; manualCrs → entered by hand (factors cleared); neither → left as it is. A
 * changed score appends to the history at input.crsEffectiveAt ?? now.
 */
export async function updateClient(scope: Scope, id: string, expectedVersion: number, raw: ClientInputDraft | ClientInput): Promise<{ version: number }> {
  requirePermission(scope, "clients.write");
  const input = clientInputSchema.parse(raw);
  const now = new Date();
  const stale = Symbol("stale");
  const result = await mapDuplicates(() =>
    prisma().$transaction(async (tx) => {
      const before = await getClientRow(scope, id, tx);
      if (before.version !== expectedVersion) return stale;
      const timeZone = await firmTimeZone(scope, tx);
      if (input.teamId !== before.teamId) await assertWritableTeam(scope, input.teamId, tx);
      if (input.consultantId !== before.consultantId) await assertConsultant(scope, input.consultantId, tx);
      await assertNoDuplicate(scope, input, id, tx);
      const score = scoreOf(input);
      const scoreChanged = score != null && score.crs !== before.crs;
      const effectiveAt = new Date(input.crsEffectiveAt ?? now);
      if (scoreChanged && before.crsEffectiveAt && effectiveAt < before.crsEffectiveAt) {
        const message = "The new score must take effect after the current one: history is never rewritten.";
        throw new InvalidInputError(message, [{ path: "crsEffectiveAt", message }]);
      }
      const { count } = await tx.client.updateMany({
        where: clientWhere(scope, { id, version: expectedVersion }),
        data: {
          ...storedFields(input, timeZone),
          ...(score ? { crsFactors: score.factors ?? Prisma.DbNull } : {}),
          ...(scoreChanged ? { crs: score.crs, crsEffectiveAt: effectiveAt } : {}),
          version: { increment: 1 },
          updatedAt: now,
          updatedById: scope.userId,
        },
      });
      if (count === 0) return stale;
      if (scoreChanged) {
        await tx.crsScore.create({
          data: { firmId: scope.firmId, clientId: id, crs: score.crs, effectiveAt, source: score.source, reason: score.reason, createdById: scope.userId },
        });
      }
      const after = await tx.client.findFirstOrThrow({ where: { firmId: scope.firmId, id } });
      const changes = diffFields(auditView(before), auditView(after));
      if (Object.keys(changes).length > 0) {
        await recordAudit(actorOf(scope), { action: "client.update", entityType: "client", entityId: id, changes: toJson(changes), metadata: { version: after.version } }, tx);
      }
      return { version: after.version };
    }),
  );
  if (result === stale) throw await staleVersionError(scope, id);
  return result;
}

async function setArchived(scope: Scope, id: string, archived: boolean): Promise<{ version: number }> {
  requirePermission(scope, "clients.write");
  return prisma().$transaction(async (tx) => {
    const before = await getClientRow(scope, id, tx);
    if ((before.archivedAt != null) === archived) return { version: before.version };
    const now = new Date();
    const { count } = await tx.client.updateMany({
      where: clientWhere(scope, { id, version: before.version }),
      data: { archivedAt: archived ? now : null, version: { increment: 1 }, updatedAt: now, updatedById: scope.userId },
    });
    if (count === 0) throw new ConflictError("This client was changed at the same moment. Reload and try again.");
    await recordAudit(
      actorOf(scope),
      { action: archived ? "client.archive" : "client.unarchive", entityType: "client", entityId: id, changes: { archived: { from: !archived, to: archived } } },
      tx,
    );
    return { version: before.version + 1 };
  });
}

/** Hides the client from the roster's default view; everything else stays. */
export async function archiveClient(scope: Scope, id: string): Promise<{ version: number }> {
  return setArchived(scope, id, true);
}

export async function unarchiveClient(scope: Scope, id: string): Promise<{ version: number }> {
  return setArchived(scope, id, false);
}

/** Soft delete (admins and owners): restorable for RESTORE_WINDOW_DAYS. */
export async function deleteClient(scope: Scope, id: string): Promise<void> {
  requirePermission(scope, "clients.delete");
  await prisma().$transaction(async (tx) => {
    const before = await getClientRow(scope, id, tx);
    const now = new Date();
    const { count } = await tx.client.updateMany({
      where: clientWhere(scope, { id }),
      data: { deletedAt: now, version: { increment: 1 }, updatedAt: now, updatedById: scope.userId },
    });
    if (count === 0) throw new NotFoundError("Client");
    await recordAudit(
      actorOf(scope),
      { action: "client.delete", entityType: "client", entityId: id, metadata: { name: `${before.firstName} ${before.lastName}`, profileNumber: before.profileNumber } },
      tx,
    );
  });
}

export async function restoreClient(scope: Scope, id: string, options: { now?: Date } = {}): Promise<void> {
  requirePermission(scope, "clients.delete");
  const now = options.now ?? new Date();
  await mapDuplicates(() =>
    prisma().$transaction(async (tx) => {
      const row = await tx.client.findFirst({ where: clientWhere(scope, { id, deletedAt: { not: null } }), select: { deletedAt: true, profileNumber: true, email: true } });
      if (!row?.deletedAt) throw new NotFoundError("Client");
      if (now.getTime() - row.deletedAt.getTime() > RESTORE_WINDOW_DAYS * DAY_MS) {
        throw new ConflictError(`This client was deleted more than ${RESTORE_WINDOW_DAYS} days ago and can no longer be restored.`);
      }
      await assertNoDuplicate(scope, row, id, tx);
      const { count } = await tx.client.updateMany({
        where: clientWhere(scope, { id, deletedAt: row.deletedAt }),
        data: { deletedAt: null, version: { increment: 1 }, updatedAt: now, updatedById: scope.userId },
      });
      if (count === 0) throw new NotFoundError("Client");
      await recordAudit(actorOf(scope), { action: "client.restore", entityType: "client", entityId: id }, tx);
    }),
  );
}

/** Deleted clients still inside the restore window, most recently deleted first (admins). */
export async function listDeletedClients(scope: Scope, options: { now?: Date } = {}): Promise<DeletedClient[]> {
  requirePermission(scope, "clients.delete");
  const now = options.now ?? new Date();
  const rows = await prisma().client.findMany({
    where: clientWhere(scope, { deletedAt: { gte: new Date(now.getTime() - RESTORE_WINDOW_DAYS * DAY_MS) } }),
    orderBy: [{ deletedAt: "desc" }, { id: "asc" }],
    take: 1000,
    select: { id: true, firstName: true, lastName: true, email: true, profileNumber: true, deletedAt: true, team: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    profileNumber: r.profileNumber,
    teamName: r.team.name,
    deletedAt: r.deletedAt!.toISOString(),
    restorableUntil: new Date(r.deletedAt!.getTime() + RESTORE_WINDOW_DAYS * DAY_MS).toISOString(),
  }));
}

/** Live clients per team the caller sees, split by archived; teams without clients count 0. */
export async function clientCountsByTeam(scope: Scope): Promise<TeamClientCount[]> {
  const scoped = clientScopeSql(scope, 1);
  const [teams, counts] = await Promise.all([
    prisma().team.findMany({ where: teamWhere(scope, seesAllTeams(scope) ? {} : { id: { in: scope.teamIds } }), orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma().$queryRawUnsafe<{ teamId: string; active: number; archived: number }[]>(
      `SELECT c."teamId", count(*) FILTER (WHERE c."archivedAt" IS NULL)::int AS active, count(*) FILTER (WHERE c."archivedAt" IS NOT NULL)::int AS archived
       FROM "Client" c WHERE ${scoped.sql} GROUP BY c."teamId"`,
      ...scoped.params,
    ),
  ]);
  const byTeam = new Map(counts.map((c) => [c.teamId, c]));
  return teams.map((t) => ({ teamId: t.id, teamName: t.name, active: byTeam.get(t.id)?.active ?? 0, archived: byTeam.get(t.id)?.archived ?? 0 }));
}

/** The edit form's starting values: what updateClient takes back unchanged. */
export function clientDetailToInput(detail: ClientDetail): ClientInputDraft {
  const manual = detail.crsFactors == null && detail.crs != null;
  return {
    firstName: detail.firstName,
    lastName: detail.lastName,
    email: detail.email,
    phone: detail.phone,
    dateOfBirth: detail.dateOfBirth,
    citizenship: detail.citizenship,
    teamId: detail.teamId,
    consultantId: detail.consultantId,
    status: detail.status,
    profileNumber: detail.profileNumber,
    profileSubmittedAt: detail.profileSubmittedAt,
    profileExpiresOn: detail.profileExpiryOverride ? detail.profileExpiresOn : null,
    programs: detail.programs,
    nominationProvince: detail.nominationProvince as ClientInput["nominationProvince"],
    nominatedOn: detail.nominatedOn,
    categories: detail.categories,
    crsFactors: detail.crsFactors,
    manualCrs: manual ? detail.crs : null,
    manualCrsReason: manual ? (detail.crsReason ?? (detail.crsSource === "import" ? "Score from the CSV import" : "Score entered by hand")) : null,
    crsEffectiveAt: null,
    invitedAt: detail.invitedAt,
    canadianWorkStartedOn: detail.canadianWorkStartedOn,
    languageTestType: detail.languageTestType,
    languageTestDate: detail.languageTestDate,
    languageResults: detail.languageResults,
    ecaIssuer: detail.ecaIssuer,
    ecaIssuedOn: detail.ecaIssuedOn,
    workPermitExpiresOn: detail.workPermitExpiresOn,
    passportExpiresOn: detail.passportExpiresOn,
    notes: detail.notes,
  };
}
