import { randomUUID } from "node:crypto";
import type { Writable } from "node:stream";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { todayIn } from "@/lib/dates/time-zone";
import { crsChangesAsOf } from "@/lib/db/clients/next-crs-change";
import { ecaExpiresOn, languageTestExpiresOn, profileExpiresOn } from "@/lib/deadlines";
import { syntheticClients, type SyntheticClient } from "@/lib/demo/synthetic-clients";

/**
 * Seeds a firm's synthetic clients with PostgreSQL's COPY (pg-copy-streams): a million clients in
 * a few minutes, where insertClientsBulk's INSERT … SELECT FROM unnest takes about 20 s per
 * 100,000. The clients are generated in chunks (a different seed per chunk, so names, scores and
 * dates vary across the firm; beyond 200,000 the profiles repeat, see Profile) and streamed as
 * CSV while PostgreSQL ingests the previous chunk. The derived columns are the ones insertClientsBulk stores, from the same
 * rules: lib/deadlines' expiry dates and the stored coming CRS changes (crsChangesAsOf, as of the
 * seed's day in the firm's zone), which the dashboard's coming changes read. Secondary indexes of Client and CrsScore are dropped before and rebuilt after (one sort per
 * index instead of a million insertions), all in one transaction: a failed seed leaves nothing.
 */

const CHUNK = 25_000;
const CLIENT_COLUMNS = [
  "firmId", "id", "teamId", "consultantId", "firstName", "lastName", "email", "phone", "dateOfBirth", "citizenship", "status",
  "profileNumber", "profileSubmittedAt", "profileExpiresOn", "profileExpiryOverride", "programs", "nominationProvince", "nominatedOn",
  "categories", "crs", "crsEffectiveAt", "crsFactors", "invitedAt", "canadianWorkStartedOn", "languageTestType", "languageTestDate",
  "languageTestExpiresOn", "languageResults", "ecaIssuer", "ecaIssuedOn", "ecaExpiresOn", "workPermitExpiresOn", "passportExpiresOn", "notes",
  "nextCrsChangeOn", "nextBirthdayChangeOn", "nextWorkAnniversaryOn",
];
const SCORE_COLUMNS = ["firmId", "id", "clientId", "crs", "effectiveAt", "source", "reason"];

const storedChanges = (c: ReturnType<typeof crsChangesAsOf>) => [c.nextCrsChangeOn, c.nextBirthdayChangeOn, c.nextWorkAnniversaryOn];

/** One CSV field as COPY (FORMAT csv) reads it: unquoted empty is NULL, anything else quoted. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  return `"${value.replace(/"/g, '""')}"`;
}

/** A PostgreSQL array literal of plain words (programs, categories). */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.join(",")}}`;
}

export interface SeedTarget {
  firmId: string;
  teamIds: string[];
  consultantsByTeam: string[][];
  timeZone: string;
}

/**
 * A synthetic client compiled to the CSV text that does not depend on its place in the firm: a
 * firm larger than DISTINCT_CLIENTS repeats these profiles with new ids, e-mails, profile numbers
 * and consultants (generating a client costs ~40x writing one, and 200,000 distinct profiles
 * already give every spread the pages read).
 */
interface Profile {
  teamIndex: number;
  names: string;
  emailLocal: string;
  middle: string;
  hasProfileNumber: boolean;
  rest: string;
  /** Each score as "crs,effectiveAt,source,reason". */
  scores: string[];
}

const DISTINCT_CLIENTS = 200_000;

function compile(c: SyntheticClient, timeZone: string, today: CalendarDate): Profile {
  const current = c.scores.at(-1) ?? null;
  const fields = (values: (string | number | boolean | null | undefined)[]) => values.map(csvField).join(",");
  return {
    teamIndex: c.teamIndex,
    names: fields([c.firstName, c.lastName]),
    emailLocal: c.email.split("@")[0],
    middle: fields([c.phone, c.dateOfBirth, c.citizenship, c.status]),
    hasProfileNumber: c.profileNumber !== null,
    rest: fields([
      c.profileSubmittedAt, c.profileSubmittedAt ? profileExpiresOn(c.profileSubmittedAt, null, timeZone) : null, false,
      arrayLiteral(c.programs), c.nominationProvince, c.nominatedOn, arrayLiteral(c.categories), current?.crs ?? null, current?.effectiveAt ?? null,
      JSON.stringify(c.crsFactors), c.invitedAt, c.canadianWorkStartedOn, c.languageTestType, c.languageTestDate,
      c.languageTestDate ? languageTestExpiresOn(c.languageTestDate) : null, c.languageResults ? JSON.stringify(c.languageResults) : null,
      c.ecaIssuer, c.ecaIssuedOn, c.ecaIssuedOn ? ecaExpiresOn(c.ecaIssuedOn) : null, c.workPermitExpiresOn, c.passportExpiresOn, c.notes,
      ...storedChanges(crsChangesAsOf(c, today)),
    ]),
    scores: c.scores.map((sc) => fields([sc.crs, sc.effectiveAt, sc.source, sc.reason])),
  };
}

/** The client at `index` of the firm, as a COPY line (CLIENT_COLUMNS' order). */
function clientLine(target: SeedTarget, p: Profile, id: string, index: number): string {
  const consultants = target.consultantsByTeam[p.teamIndex];
  // About 3% of clients wait for a consultant, as in a real intake queue.
  const consultantId = index % 33 === 7 ? null : consultants[Math.floor(index / target.teamIds.length) % consultants.length];
  // E-mail and profile number unique in the firm (the latter has a unique index).
  const email = `${p.emailLocal}@c${Math.floor(index / CHUNK)}.client.example`;
  const profileNumber = p.hasProfileNumber ? `E${1_000_000_000 + index}` : null;
  return `${target.firmId},${id},${target.teamIds[p.teamIndex]},${consultantId ?? ""},${p.names},${csvField(email)},${p.middle},${csvField(profileNumber)},${p.rest}\n`;
}

function write(stream: Writable, text: string): Promise<void> {
  return stream.write(text) ? Promise.resolve() : new Promise((resolve) => stream.once("drain", resolve));
}

function finish(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once("finish", resolve);
    stream.once("error", reject);
    stream.end();
  });
}

/** Secondary indexes of the tables (not those behind a primary key or unique constraint), to drop and rebuild. */
async function secondaryIndexes(client: pg.PoolClient, tables: string[]): Promise<{ name: string; definition: string }[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)`,
    [tables],
  );
  return rows;
}

export interface CopyTimings {
  generateMs: number;
  copyMs: number;
  indexMs: number;
  scores: number;
}

export async function copyClients(pool: pg.Pool, target: SeedTarget, count: number, now: Date, log: (m: string) => void): Promise<CopyTimings> {
  const client = await pool.connect();
  let generateMs = 0;
  let scores = 0;
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL maintenance_work_mem = '512MB'");
    const indexes = await secondaryIndexes(client, ["Client", "CrsScore"]);
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
    const copyStart = performance.now();
    const scoreChunks: string[] = [];
    const clients = client.query(copyFrom(`COPY "Client" (${CLIENT_COLUMNS.map((c) => `"${c}"`).join(",")}) FROM STDIN (FORMAT csv)`));
    const profiles: Profile[][] = [];
    const today = todayIn(target.timeZone, now);
    for (let start = 0; start < count; start += CHUNK) {
      const size = Math.min(CHUNK, count - start);
      const t0 = performance.now();
      const slot = (start % DISTINCT_CLIENTS) / CHUNK;
      // Per chunk a seed of its own, up to DISTINCT_CLIENTS; then the profiles come round again.
      profiles[slot] ??= syntheticClients(CHUNK, { now, seed: 20261125 + slot * CHUNK, teamCount: target.teamIds.length }).map((c) => compile(c, target.timeZone, today));
      let lines = "";
      let scoreLines = "";
      for (let i = 0; i < size; i++) {
        const id = randomUUID();
        const profile = profiles[slot][i];
        lines += clientLine(target, profile, id, start + i);
        for (const score of profile.scores) scoreLines += `${target.firmId},${randomUUID()},${id},${score}\n`;
        scores += profile.scores.length;
      }
      scoreChunks.push(scoreLines);
      generateMs += performance.now() - t0;
      await write(clients, lines);
      if ((start / CHUNK) % 8 === 7) log(`  ${(start + size).toLocaleString("en-CA")} clients streamed…`);
    }
    await finish(clients);
    const scoreStream = client.query(copyFrom(`COPY "CrsScore" (${SCORE_COLUMNS.map((c) => `"${c}"`).join(",")}) FROM STDIN (FORMAT csv)`));
    for (const lines of scoreChunks.splice(0)) await write(scoreStream, lines);
    await finish(scoreStream);
    const copyMs = performance.now() - copyStart;
    log(`  COPY done in ${Math.round(copyMs / 1000)} s; rebuilding ${indexes.length} indexes…`);
    const indexStart = performance.now();
    for (const index of indexes) await client.query(index.definition);
    const indexMs = performance.now() - indexStart;
    await client.query("COMMIT");
    return { generateMs, copyMs, indexMs, scores };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
