import "server-only";
import { can, seesAllTeams, type Scope } from "@/lib/auth/scope";
import { type CsvDuplicate, type CsvRowError, validateClientCsvAsync } from "@/lib/clients/csv-import";
import { CATEGORY_KINDS } from "@/lib/draws/kinds";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { actorOf, recordAudit } from "../audit";
import { insertClientsBulk } from "./bulk";
import { categoryKinds } from "../draws/kinds";
import { Prisma, prisma } from "../prisma";
import { teamWhere, userWhere } from "../scope";

/**
 * Bulk import of clients from the CSV template: validate every row first (lib/clients/csv-import.ts),
 * flag duplicates against the firm's live clients, then insert set-based in one transaction.
 * "all-or-nothing" imports only a clean file; "valid-rows" is the user's explicit choice to import
 * the rows without errors and leave the rest.
 */

export type ImportMode = "all-or-nothing" | "valid-rows";

export interface ImportClientsOptions {
  mode: ImportMode;
  /** Validate and report only; nothing is written. */
  dryRun?: boolean;
  /** Rows checked so far: once the file is read, then every 2,000 rows (dry run or not). */
  onCheckProgress?: (done: number, total: number) => void;
  /** Rows saved so far, after each chunk (not called on a dry run). */
  onProgress?: (done: number, total: number) => void;
  /** Rows per insert statement (tests use small chunks). */
  chunkSize?: number;
  /** Where the import came from, for the audit entry ("web", "command line"). */
  via?: string;
  now?: Date;
}

export interface ImportClientsResult {
  /** Data rows in the file. */
  total: number;
  /** Rows without any error, duplicates included as errors. */
  valid: number;
  imported: number;
  /** Every problem, by line; duplicates have kind "duplicate". */
  errors: CsvRowError[];
  duplicates: CsvDuplicate[];
  mode: ImportMode;
  dryRun: boolean;
  timings: { validateMs: number; importMs: number };
}

const DEFAULT_CHUNK = 5_000;
const ASSIGNABLE_ROLES = ["owner", "admin", "consultant"] as const;

async function validationContext(scope: Scope) {
  const [firm, teams, users, usedCategories, allCategoryKinds] = await Promise.all([
    prisma().firm.findUniqueOrThrow({ where: { id: scope.firmId }, select: { timeZone: true } }),
    prisma().team.findMany({ where: teamWhere(scope), select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma().user.findMany({ where: userWhere(scope, { active: true, role: { in: [...ASSIGNABLE_ROLES] } }), select: { id: true, email: true } }),
    // Categories the firm already records (codes added as IRCC creates them) count as known.
    prisma().$queryRaw<{ code: string }[]>`SELECT DISTINCT unnest(c."categories") AS code FROM "Client" c WHERE c."firmId" = ${scope.firmId}::uuid AND c."deletedAt" IS NULL`,
    // Every category kind, including those a platform administrator created for a new IRCC category.
    categoryKinds(),
  ]);
  return {
    timeZone: firm.timeZone,
    teamsByName: new Map(teams.map((t) => [t.name.toLowerCase(), t.id])),
    teamNames: teams.map((t) => t.name),
    consultantsByEmail: new Map(users.map((u) => [u.email.toLowerCase(), u.id])),
    knownCategories: [...new Set([...CATEGORY_KINDS, ...allCategoryKinds.map((c) => c.code), ...usedCategories.map((c) => c.code)])],
    writableTeamIds: seesAllTeams(scope) ? undefined : new Set(scope.teamIds),
  };
}

/** The firm's live clients holding any of these profile numbers or emails (firm-wide, like the unique indexes). */
async function existingDuplicates(scope: Scope, profileNumbers: string[], emails: string[]) {
  if (profileNumbers.length === 0 && emails.length === 0) return [];
  return prisma().$queryRaw<{ id: string; profileNumber: string | null; email: string | null; visible: boolean }[]>`
    SELECT c."id", c."profileNumber", lower(c."email") AS "email",
      (${seesAllTeams(scope)} OR c."teamId" = ANY(${scope.teamIds}::uuid[])) AS visible
    FROM "Client" c
    WHERE c."firmId" = ${scope.firmId}::uuid AND c."deletedAt" IS NULL
      AND (c."profileNumber" IN (SELECT unnest(${profileNumbers}::text[])) OR lower(c."email") IN (SELECT unnest(${emails}::text[])))`;
}

export async function importClientsCsv(scope: Scope, csvText: string, options: ImportClientsOptions): Promise<ImportClientsResult> {
  if (!can(scope, "clients.import")) throw new ForbiddenError();
  const started = performance.now();
  const context = await validationContext(scope);
  const validation = await validateClientCsvAsync(csvText, { ...context, now: options.now }, options.onCheckProgress);

  const keyed = validation.keys;
  const found = await existingDuplicates(
    scope,
    [...new Set(keyed.map((k) => k.profileNumber).filter((v): v is string => v != null))],
    [...new Set(keyed.map((k) => k.email).filter((v): v is string => v != null))],
  );
  const byProfile = new Map(found.filter((f) => f.profileNumber).map((f) => [f.profileNumber!, f]));
  const byEmail = new Map(found.filter((f) => f.email).map((f) => [f.email!, f]));
  const errors = [...validation.errors];
  const duplicates = [...validation.duplicates];
  const clashing = new Set<number>();
  for (const key of keyed) {
    for (const [field, existing] of [
      ["profileNumber", key.profileNumber ? byProfile.get(key.profileNumber) : undefined],
      ["email", key.email ? byEmail.get(key.email) : undefined],
    ] as const) {
      if (!existing) continue;
      clashing.add(key.line);
      const what = field === "profileNumber" ? "profile number" : "email";
      errors.push({ line: key.line, column: field, message: `A client of your firm already has this ${what}; it is not imported twice.`, kind: "duplicate" });
      duplicates.push({ line: key.line, field, ...(existing.visible ? { existingClientId: existing.id } : {}) });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  duplicates.sort((a, b) => a.line - b.line);
  const importable = validation.rows.filter((r) => !clashing.has(r.line));
  const validateMs = performance.now() - started;
  const result = (imported: number, importMs = 0): ImportClientsResult => ({
    total: validation.total,
    valid: importable.length,
    imported,
    errors,
    duplicates,
    mode: options.mode,
    dryRun: Boolean(options.dryRun),
    timings: { validateMs: Math.round(validateMs), importMs: Math.round(importMs) },
  });

  if (options.dryRun) return result(0);
  if ((options.mode === "all-or-nothing" && errors.length > 0) || importable.length === 0) return result(0);

  const importStarted = performance.now();
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  try {
    await prisma().$transaction(
      async (tx) => {
        // Two imports into one firm at once would race on the duplicate check: take turns.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('drawdesk.clients.import'), hashtext(${scope.firmId}))`;
        options.onProgress?.(0, importable.length);
        for (let start = 0; start < importable.length; start += chunkSize) {
          const chunk = importable.slice(start, start + chunkSize).map((r) => r.input);
          await insertClientsBulk(tx, scope.firmId, chunk, { timeZone: context.timeZone, createdById: scope.userId });
          options.onProgress?.(Math.min(start + chunkSize, importable.length), importable.length);
        }
        await recordAudit(
          actorOf(scope),
          {
            action: "client.import",
            entityType: "client",
            metadata: {
              mode: options.mode,
              via: options.via ?? "web",
              total: validation.total,
              imported: importable.length,
              rowsWithErrors: new Set(errors.map((e) => e.line)).size,
              duplicates: duplicates.length,
            },
          },
          tx,
        );
      },
      { timeout: 30 * 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("A client with one of these profile numbers or emails was saved while the import ran. Nothing was imported; check the file again.");
    }
    throw error;
  }
  return result(importable.length, performance.now() - importStarted);
}
