import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { drawNameKey } from "@/lib/draws/classify-draw";
import { prisma } from "../prisma";

type Tx = Prisma.TransactionClient;

/**
 * The kinds' reference data that is not fixed in code: the category kinds (built-in ones seeded by
 * their migration, new ones created by a platform administrator) and the administrators' mappings
 * of draw names the built-in rules do not recognise. Global, like the draws themselves.
 */

/**
 * Whether a Draw row's kind is a category, as SQL over its alias. Read from the CategoryKind table
 * (a primary-key probe on a table of a dozen rows), not from a list in code, so a category created
 * today counts in matching at once; no column on Draw has to be kept in step with it.
 */
export function isCategorySql(alias: string): string {
  return `EXISTS (SELECT 1 FROM "CategoryKind" ck WHERE ck."code" = ${alias}."kind")`;
}

/** The label of a category kind an administrator created (built-in kinds are labelled in code); null otherwise. */
export function categoryLabelSql(alias: string): string {
  return `(SELECT ck."label" FROM "CategoryKind" ck WHERE ck."code" = ${alias}."kind" AND NOT ck."builtIn")`;
}

export interface CategoryKindRow {
  code: string;
  label: string;
  builtIn: boolean;
}

/** Every category kind, built-in first, then by label. */
export async function categoryKinds(): Promise<CategoryKindRow[]> {
  return prisma().categoryKind.findMany({ select: { code: true, label: true, builtIn: true }, orderBy: [{ builtIn: "desc" }, { label: "asc" }] });
}

/** Category kinds an administrator created: offered beside the built-in ones when tagging clients. */
export async function createdCategoryKinds(): Promise<{ code: string; label: string }[]> {
  return prisma().categoryKind.findMany({ where: { builtIn: false }, select: { code: true, label: true }, orderBy: { label: "asc" } });
}

/** Created category kinds that at least one stored round has: the ledger's kind filter beside the built-in kinds. */
export async function createdCategoryKindsInUse(): Promise<{ code: string; label: string }[]> {
  return prisma().$queryRaw<{ code: string; label: string }[]>`
    SELECT ck."code", ck."label" FROM "CategoryKind" ck
    WHERE NOT ck."builtIn" AND EXISTS (SELECT 1 FROM "Draw" d WHERE d."kind" = ck."code") ORDER BY ck."label"`;
}

/** Name key → kind, for classifying rounds on import. */
export async function drawKindMappings(tx: Tx = prisma()): Promise<Map<string, string>> {
  const rows = await tx.drawKindMapping.findMany({ select: { nameKey: true, kind: true } });
  return new Map(rows.map((r) => [r.nameKey, r.kind]));
}

export interface UnrecognisedDrawName {
  /** The name as the rules compare it (version cut off). */
  nameKey: string;
  /** The names as IRCC wrote them, e.g. with each version. */
  names: string[];
  rounds: number;
  latest: { number: string; date: string };
}

/** Unrecognised draw names with how many rounds use each, most rounds first. */
export async function unrecognisedDrawNames(): Promise<UnrecognisedDrawName[]> {
  const rows = await prisma().$queryRaw<{ number: string; name: string; date: string }[]>`
    SELECT d."number", d."name", to_char(d."date", 'YYYY-MM-DD') AS "date" FROM "Draw" d WHERE d."kind" = 'unrecognised' ORDER BY d."date" DESC, d."number" DESC`;
  // Grouped here, not in SQL: the key is classify-draw.ts's normalisation, which lives in TypeScript.
  const groups = new Map<string, UnrecognisedDrawName>();
  for (const row of rows) {
    const key = drawNameKey(row.name);
    const group = groups.get(key);
    if (!group) groups.set(key, { nameKey: key, names: [row.name], rounds: 1, latest: { number: row.number, date: row.date } });
    else {
      group.rounds++;
      if (!group.names.includes(row.name)) group.names.push(row.name);
    }
  }
  return [...groups.values()].sort((a, b) => b.rounds - a.rounds || a.nameKey.localeCompare(b.nameKey));
}

export interface DrawKindMappingRow {
  nameKey: string;
  name: string;
  kind: string;
  /** The category's label when the kind is in the CategoryKind table. */
  categoryLabel: string | null;
  mappedBy: string | null;
  updatedAt: Date;
}

/** The mappings made so far, newest first. */
export async function listDrawKindMappings(): Promise<DrawKindMappingRow[]> {
  return prisma().$queryRaw<DrawKindMappingRow[]>`
    SELECT m."nameKey", m."name", m."kind", ck."label" AS "categoryLabel", m."mappedBy", m."updatedAt"
    FROM "DrawKindMapping" m LEFT JOIN "CategoryKind" ck ON ck."code" = m."kind"
    ORDER BY m."updatedAt" DESC, m."nameKey"`;
}
