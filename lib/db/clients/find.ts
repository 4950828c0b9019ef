import "server-only";
import type { Scope } from "@/lib/auth/scope";
import type { ClientInput, ClientInputDraft } from "@/lib/clients/schema";
import type { ClientStatus } from "@/lib/clients/status";
import { type CrsInput, type CrsResult, calculateCrs, crsInputSchema } from "@/lib/crs";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { todayIn } from "@/lib/dates/time-zone";
import { type ClientDeadline, clientDeadlines } from "@/lib/deadlines";
import type { Program } from "@/lib/draws/kinds";
import { type RecordedLevel, type RecordedResults, recordedLevels } from "@/lib/language/recorded-test";
import { NotFoundError } from "@/lib/errors";
import { prisma } from "../prisma";
import { clientWhere } from "../scope";
import { dateOnly, firmTimeZone, isoOrNull, userNames } from "./shared";

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
