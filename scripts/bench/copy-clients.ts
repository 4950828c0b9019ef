import { randomUUID } from "node:crypto";
import type { Writable } from "node:stream";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { ecaExpiresOn, languageTestExpiresOn, profileExpiresOn } from "@/lib/deadlines";
import { syntheticClients, type SyntheticClient } from "@/lib/demo/synthetic-clients";

/**
 * Seeds a firm's synthetic clients with PostgreSQL's COPY (pg-copy-streams): a million clients in
 * a few minutes, where insertClientsBulk's INSERT … SELECT FROM unnest takes about 20 s per
 * 100,000. The clients are generated in chunks (a different seed per chunk, so names, scores and
 * dates vary across the whole firm) and streamed as CSV while PostgreSQL ingests the previous
 * chunk. The derived columns are the ones insertClientsBulk stores, from the same lib/deadlines
 * rules. Secondary indexes of Client and CrsScore are dropped before and rebuilt after (one sort per
 * index instead of a million insertions), all in one transaction: a failed seed leaves nothing.
 */

const CHUNK = 25_000;
const CLIENT_COLUMNS = [
  "firmId", "id", "teamId", "consultantId", "firstName", "lastName", "email", "phone", "dateOfBirth", "citizenship", "status",
  "profileNumber", "profileSubmittedAt", "profileExpiresOn", "profileExpiryOverride", "programs", "nominationProvince", "nominatedOn",
  "categories", "crs", "crsEffectiveAt", "crsFactors", "invitedAt", "canadianWorkStartedOn", "languageTestType", "languageTestDate",
  "languageTestExpiresOn", "languageResults", "ecaIssuer", "ecaIssuedOn", "ecaExpiresOn", "workPermitExpiresOn", "passportExpiresOn", "notes",
];
const SCORE_COLUMNS = ["firmId", "id", "clientId", "crs", "effectiveAt", "source", "reason"];

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

function clientLine(target: SeedTarget, c: SyntheticClient, id: string, index: number): string {
  const consultants = target.consultantsByTeam[c.teamIndex];
  // About 3% of clients wait for a consultant, as in a real intake queue.
  const consultantId = index % 33 === 7 ? null : consultants[Math.floor(index / target.teamIds.length) % consultants.length];
  const current = c.scores.at(-1) ?? null;
  const values = [
    target.firmId, id, target.teamIds[c.teamIndex], consultantId, c.firstName, c.lastName, c.email, c.phone, c.dateOfBirth, c.citizenship, c.status,
    // Unique in the firm (a unique index): the chunk's own numbers repeat from chunk to chunk.
    c.profileNumber ? `E${1_000_000_000 + index}` : null, c.profileSubmittedAt, c.profileSubmittedAt ? profileExpiresOn(c.profileSubmittedAt, null, target.timeZone) : null, false,
    arrayLiteral(c.programs), c.nominationProvince, c.nominatedOn, arrayLiteral(c.categories), current?.crs ?? null, current?.effectiveAt ?? null,
    JSON.stringify(c.crsFactors), c.invitedAt, c.canadianWorkStartedOn, c.languageTestType, c.languageTestDate,
    c.languageTestDate ? languageTestExpiresOn(c.languageTestDate) : null, c.languageResults ? JSON.stringify(c.languageResults) : null,
    c.ecaIssuer, c.ecaIssuedOn, c.ecaIssuedOn ? ecaExpiresOn(c.ecaIssuedOn) : null, c.workPermitExpiresOn, c.passportExpiresOn, c.notes,
  ];
  return `${values.map(csvField).join(",")}\n`;
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
    for (let start = 0; start < count; start += CHUNK) {
      const size = Math.min(CHUNK, count - start);
      const t0 = performance.now();
      // Per chunk a seed and an e-mail domain of its own: a million clients, not forty copies of 25,000.
      const chunk = syntheticClients(size, { now, seed: 20261125 + start, teamCount: target.teamIds.length, emailDomain: `c${start / CHUNK}.client.example` });
      let lines = "";
      let scoreLines = "";
      chunk.forEach((c, i) => {
        const id = randomUUID();
        lines += clientLine(target, c, id, start + i);
        for (const s of c.scores) {
          scoreLines += `${[target.firmId, randomUUID(), id, s.crs, s.effectiveAt, s.source, s.reason].map(csvField).join(",")}\n`;
          scores++;
        }
      });
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
