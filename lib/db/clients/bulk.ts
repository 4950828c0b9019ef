import "server-only";
import { randomUUID } from "node:crypto";
import { applicationDueOn, ecaExpiresOn, languageTestExpiresOn, profileExpiresOn } from "@/lib/deadlines";
import type { Prisma } from "@/lib/generated/prisma/client";
import { todayIn } from "@/lib/dates/time-zone";
import { crsChangesAsOf, type StoredCrsChanges } from "./next-crs-change";
import { refreshClientResults } from "../draws/results-refresh";

type Tx = Prisma.TransactionClient;

/** One client ready to insert: validated, with team and consultant resolved to ids. */
export interface ClientInsert {
  teamId: string;
  consultantId: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
  citizenship: string | null;
  status: string;
  profileNumber: string | null;
  profileSubmittedAt: string | null;
  /** An explicit expiry overrides the 12-month rule. */
  profileExpiresOn: string | null;
  programs: string[];
  nominationProvince: string | null;
  nominatedOn: string | null;
  categories: string[];
  crsFactors: unknown | null;
  /** Score history, oldest first; the last entry becomes the current score. */
  scores: { crs: number; effectiveAt: string; source: string; reason: string | null }[];
  invitedAt: string | null;
  canadianWorkStartedOn: string | null;
  languageTestType: string | null;
  languageTestDate: string | null;
  /** The test's results (lib/language/recorded-test.ts); left out = none. */
  languageResults?: Record<string, number | undefined> | null;
  ecaIssuer: string | null;
  ecaIssuedOn: string | null;
  workPermitExpiresOn: string | null;
  passportExpiresOn: string | null;
  notes: string | null;
  /** The ITA's day and round (CSV import); the application due date follows from the day. */
  itaDate?: string | null;
  itaRound?: string | null;
}

const CHUNK = 5_000;

/**
 * Inserts clients and their score history set-based: one INSERT … SELECT FROM unnest(…) per
 * chunk of 5,000, not a round trip per row (100,000 clients in seconds). Runs inside the
 * caller's transaction so an import is all-or-nothing. Returns the new ids in input order.
 */
export async function insertClientsBulk(
  tx: Tx,
  firmId: string,
  clients: ClientInsert[],
  options: { timeZone: string; createdById?: string | null },
): Promise<string[]> {
  const ids: string[] = [];
  const today = todayIn(options.timeZone, new Date());
  for (let start = 0; start < clients.length; start += CHUNK) {
    const chunk = clients.slice(start, start + CHUNK);
    const chunkIds = chunk.map(() => randomUUID());
    ids.push(...chunkIds);
    const col = <T>(f: (c: ClientInsert, i: number) => T) => chunk.map(f);
    const changes: StoredCrsChanges[] = chunk.map((c) => crsChangesAsOf(c, today));
    const current = (c: ClientInsert) => c.scores.at(-1) ?? null;
    // Arrays of arrays cannot be unnested row by row, so list columns travel as ';'-joined text.
    await tx.$executeRawUnsafe(
      `INSERT INTO "Client" ("firmId","id","teamId","consultantId","firstName","lastName","email","phone","dateOfBirth","citizenship","status",
         "profileNumber","profileSubmittedAt","profileExpiresOn","profileExpiryOverride","programs","nominationProvince","nominatedOn","categories",
         "crs","crsEffectiveAt","crsFactors","invitedAt","canadianWorkStartedOn","languageTestType","languageTestDate","languageTestExpiresOn",
         "languageResults","ecaIssuer","ecaIssuedOn","ecaExpiresOn","workPermitExpiresOn","passportExpiresOn","notes","updatedById","nextCrsChangeOn","nextBirthdayChangeOn","nextWorkAnniversaryOn")
       SELECT $1::uuid, t.id, t.team, t.consultant, t.first, t.last, t.email, t.phone, t.dob, t.citizenship, t.status::"ClientStatus",
         t.profile, t.submitted, t.expires, t.override, coalesce(string_to_array(nullif(t.programs, ''), ';'), '{}'), t.province, t.nominated,
         coalesce(string_to_array(nullif(t.categories, ''), ';'), '{}'), t.crs, t.crs_at, t.factors::jsonb, t.invited, t.work_start,
         t.test_type, t.test_date, t.test_expires, t.test_results::jsonb, t.eca_issuer, t.eca_date, t.eca_expires, t.permit, t.passport, t.notes, $2::uuid, t.next_change, t.next_birthday, t.next_anniversary
       FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::date[], $11::text[], $12::text[],
         $13::text[], $14::timestamptz[], $15::date[], $16::boolean[], $17::text[], $18::text[], $19::date[], $20::text[], $21::int[],
         $22::timestamptz[], $23::text[], $24::timestamptz[], $25::date[], $26::text[], $27::date[], $28::date[], $29::text[], $30::date[],
         $31::date[], $32::date[], $33::date[], $34::text[], $35::text[], $36::date[], $37::date[], $38::date[])
       AS t(id, team, consultant, first, last, email, phone, dob, citizenship, status, profile, submitted, expires, override, programs,
         province, nominated, categories, crs, crs_at, factors, invited, work_start, test_type, test_date, test_expires, eca_issuer,
         eca_date, eca_expires, permit, passport, notes, test_results, next_change, next_birthday, next_anniversary)`,
      firmId,
      options.createdById ?? null,
      chunkIds,
      col((c) => c.teamId),
      col((c) => c.consultantId),
      col((c) => c.firstName),
      col((c) => c.lastName),
      col((c) => c.email),
      col((c) => c.phone),
      col((c) => c.dateOfBirth),
      col((c) => c.citizenship),
      col((c) => c.status),
      col((c) => c.profileNumber),
      col((c) => c.profileSubmittedAt),
      col((c) => (c.profileSubmittedAt || c.profileExpiresOn ? (c.profileExpiresOn ?? profileExpiresOn(c.profileSubmittedAt!, null, options.timeZone)) : null)),
      col((c) => c.profileExpiresOn !== null),
      col((c) => c.programs.join(";")),
      col((c) => c.nominationProvince),
      col((c) => c.nominatedOn),
      col((c) => c.categories.join(";")),
      col((c) => current(c)?.crs ?? null),
      col((c) => current(c)?.effectiveAt ?? null),
      col((c) => (c.crsFactors ? JSON.stringify(c.crsFactors) : null)),
      col((c) => c.invitedAt),
      col((c) => c.canadianWorkStartedOn),
      col((c) => c.languageTestType),
      col((c) => c.languageTestDate),
      col((c) => (c.languageTestDate ? languageTestExpiresOn(c.languageTestDate) : null)),
      col((c) => c.ecaIssuer),
      col((c) => c.ecaIssuedOn),
      col((c) => (c.ecaIssuedOn ? ecaExpiresOn(c.ecaIssuedOn) : null)),
      col((c) => c.workPermitExpiresOn),
      col((c) => c.passportExpiresOn),
      col((c) => c.notes),
      col((c) => (c.languageResults ? JSON.stringify(c.languageResults) : null)),
      col((_c, i) => changes[i].nextCrsChangeOn),
      col((_c, i) => changes[i].nextBirthdayChangeOn),
      col((_c, i) => changes[i].nextWorkAnniversaryOn),
    );
    const invited = chunk.flatMap((c, i) => (c.itaDate ? [{ id: chunkIds[i], date: c.itaDate, round: c.itaRound ?? null }] : []));
    if (invited.length > 0) {
      await tx.$executeRawUnsafe(
        `UPDATE "Client" c SET "itaDate" = t.d, "itaRound" = t.r, "applicationDueOn" = t.due
         FROM unnest($2::uuid[], $3::date[], $4::text[], $5::date[]) AS t(id, d, r, due)
         WHERE c."firmId" = $1::uuid AND c."id" = t.id`,
        firmId,
        invited.map((r) => r.id),
        invited.map((r) => r.date),
        invited.map((r) => r.round),
        invited.map((r) => applicationDueOn(r.date)),
      );
    }
    const scoreClient: string[] = [];
    const scoreCrs: number[] = [];
    const scoreAt: string[] = [];
    const scoreSource: string[] = [];
    const scoreReason: (string | null)[] = [];
    chunk.forEach((c, i) => {
      for (const s of c.scores) {
        scoreClient.push(chunkIds[i]);
        scoreCrs.push(s.crs);
        scoreAt.push(s.effectiveAt);
        scoreSource.push(s.source);
        scoreReason.push(s.reason);
      }
    });
    if (scoreClient.length > 0) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "CrsScore" ("firmId","id","clientId","crs","effectiveAt","source","reason","createdById")
         SELECT $1::uuid, gen_random_uuid(), t.client, t.crs, t.at, t.source, t.reason, $2::uuid
         FROM unnest($3::uuid[], $4::int[], $5::timestamptz[], $6::text[], $7::text[]) AS t(client, crs, at, source, reason)`,
        firmId,
        options.createdById ?? null,
        scoreClient,
        scoreCrs,
        scoreAt,
        scoreSource,
        scoreReason,
      );
    }
  }
  // The new clients' rows in the firm's stored draw results, set-based for the whole batch.
  await refreshClientResults(tx, firmId, ids);
  return ids;
}
