import "server-only";
import { applyDrawKindMappings } from "@/lib/draws/classify-draw";
import { diffRounds, type RoundChanges } from "@/lib/draws/diff-rounds";
import type { NormalisedRound, RoundWarning } from "@/lib/draws/round";
import { drawKindMappings } from "./kinds";
import { enqueueDrawMatching, markRoundsChanged } from "./results-store";
import { prisma, Prisma } from "../prisma";

type Tx = Prisma.TransactionClient;
type DrawRow = Awaited<ReturnType<Tx["draw"]["findMany"]>>[number];

export interface ImportSummary {
  added: string[];
  updated: { number: string; changes: RoundChanges }[];
  unchanged: number;
  /** Provisional rounds (entered by hand) that the feed now confirms. */
  confirmed: string[];
  warnings: RoundWarning[];
  dryRun: boolean;
}

function isoSeconds(d: Date | null): string | null {
  return d ? d.toISOString().replace(/\.\d{3}Z$/, "Z") : null;
}

function day(d: Date | null): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

/** A stored draw in the normalised shape, so stored and incoming rounds compare field by field. */
export function rowToRound(row: DrawRow): NormalisedRound {
  return {
    number: row.number,
    date: day(row.date)!,
    drawnAt: isoSeconds(row.drawnAt),
    tieBreakAt: isoSeconds(row.tieBreakAt),
    size: row.size,
    cutoff: row.cutoff,
    name: row.name,
    kind: row.kind as NormalisedRound["kind"],
    categoryVersion: row.categoryVersion,
    programs: row.programs as NormalisedRound["programs"],
    distributionAsOf: day(row.distributionAsOf),
    distribution: (row.distribution ?? []) as NormalisedRound["distribution"],
  };
}

export function roundToRow(round: NormalisedRound) {
  return {
    number: round.number,
    date: new Date(`${round.date}T00:00:00Z`),
    drawnAt: round.drawnAt ? new Date(round.drawnAt) : null,
    tieBreakAt: round.tieBreakAt ? new Date(round.tieBreakAt) : null,
    size: round.size,
    cutoff: round.cutoff,
    name: round.name,
    kind: round.kind,
    categoryVersion: round.categoryVersion,
    programs: round.programs,
    distributionAsOf: round.distributionAsOf ? new Date(`${round.distributionAsOf}T00:00:00Z`) : null,
    distribution: round.distribution as unknown as Prisma.InputJsonValue,
  };
}

/**
 * Imports parsed rounds: adds new ones, updates changed ones (logging each changed field), leaves
 * identical ones alone — so re-importing the same file changes nothing. One transaction: a run
 * applies whole or not at all. A dry run computes the same summary and rolls back.
 */
export async function importRounds(
  rounds: NormalisedRound[],
  options: { source: string; importedBy: string | null; warnings?: RoundWarning[]; dryRun?: boolean },
): Promise<ImportSummary> {
  const rollback = Symbol("dry run");
  let summary: ImportSummary | null = null;
  try {
    await prisma().$transaction(
      async (tx) => {
        // Two imports at once would race on the same draw numbers: serialise them.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('drawdesk.draws.import'))`;
        const stored = await tx.draw.findMany();
        const provisional = new Set(stored.filter((d) => d.provisional).map((d) => d.number));
        // Names a platform administrator mapped (lib/db/draws/kind-mapping.ts) arrive classified.
        const diff = diffRounds(stored.map(rowToRound), applyDrawKindMappings(rounds, await drawKindMappings(tx)));
        const confirmedUnchanged = diff.unchanged.filter((r) => provisional.has(r.number));
        summary = {
          added: diff.added.map((r) => r.number),
          updated: diff.updated.map((u) => ({ number: u.round.number, changes: u.changes })),
          unchanged: diff.unchanged.length - confirmedUnchanged.length,
          confirmed: [...diff.updated, ...confirmedUnchanged.map((round) => ({ round }))].map((u) => u.round.number).filter((n) => provisional.has(n)),
          warnings: options.warnings ?? [],
          dryRun: Boolean(options.dryRun),
        };
        if (diff.added.length) {
          await tx.draw.createMany({ data: diff.added.map(roundToRow) });
          // Draw day: every firm is matched against a recent new round (the intent, recorded with the import).
          if (!options.dryRun) await enqueueDrawMatching(summary.added, tx);
        }
        const now = new Date();
        for (const { round } of [...diff.updated, ...confirmedUnchanged.map((round) => ({ round }))]) {
          await tx.draw.update({ where: { number: round.number }, data: { ...roundToRow(round), provisional: false, updatedAt: now } });
        }
        // A corrected round (cut-off, tie-break, kind…) or one added among older ones changes stored results.
        if (!options.dryRun) {
          const formerKinds = summary.updated.flatMap((u) => (u.changes.kind ? [String(u.changes.kind.from)] : []));
          await markRoundsChanged(tx, [...summary.added, ...summary.updated.map((u) => u.number)], formerKinds);
        }
        const changed = summary.added.length + summary.updated.length + summary.confirmed.length;
        // A run that changes nothing leaves no trace, so re-importing the same file is a no-op.
        if (changed > 0) {
          await tx.drawImport.create({
            data: {
              source: options.source,
              importedBy: options.importedBy,
              added: summary.added.length,
              updated: summary.updated.length,
              unchanged: summary.unchanged,
              changes: { added: summary.added, updated: summary.updated, confirmed: summary.confirmed } as unknown as Prisma.InputJsonValue,
              warnings: summary.warnings as unknown as Prisma.InputJsonValue,
            },
          });
        }
        if (options.dryRun) throw rollback;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return summary!;
}

/** A round the feed does not have yet, entered by an admin: marked provisional until confirmed. */
export async function upsertProvisionalRound(round: NormalisedRound, importedBy: string | null): Promise<void> {
  await prisma().$transaction(async (tx) => {
    const existing = await tx.draw.findUnique({ where: { number: round.number } });
    if (existing && !existing.provisional) {
      const { ConflictError } = await import("@/lib/errors");
      throw new ConflictError(`Draw ${round.number} is already in the ledger from IRCC's feed.`);
    }
    await tx.draw.upsert({
      where: { number: round.number },
      create: { ...roundToRow(round), provisional: true },
      update: { ...roundToRow(round), provisional: true, updatedAt: new Date() },
    });
    if (existing) await markRoundsChanged(tx, [round.number], [existing.kind]);
    await tx.drawImport.create({
      data: { source: "manual entry", importedBy, added: existing ? 0 : 1, updated: existing ? 1 : 0, unchanged: 0, changes: { provisional: [round.number] }, warnings: [] },
    });
  });
}

export async function countDraws(): Promise<number> {
  return prisma().draw.count();
}
