/**
 * Compares stored rounds with a fresh parse of the feed, keyed by draw number, so that the
 * importer writes only what changed and can log each field that IRCC corrected after the fact.
 */
import { normalisedRoundSchema, type NormalisedRound } from "./round";

/** Every normalised field but the key. */
export type DiffField = Exclude<keyof NormalisedRound, "number">;
const DIFF_FIELDS = Object.keys(normalisedRoundSchema.shape).filter((f) => f !== "number") as DiffField[];

export type RoundChanges = {
  [F in DiffField]?: { from: NormalisedRound[F]; to: NormalisedRound[F] };
};

export interface RoundsDiff {
  /** Incoming rounds whose number is not stored yet. */
  added: NormalisedRound[];
  /** Incoming rounds that differ from the stored one, with the fields that changed. */
  updated: { round: NormalisedRound; changes: RoundChanges }[];
  /** Incoming rounds identical to the stored one. */
  unchanged: NormalisedRound[];
  /**
   * Stored rounds the feed no longer lists. Not deletions: a round entered by hand before IRCC
   * published it is legitimately absent; the importer decides what to report.
   */
  absent: NormalisedRound[];
}

export function diffRounds(
  existing: readonly NormalisedRound[],
  incoming: readonly NormalisedRound[],
): RoundsDiff {
  const stored = byNumber(existing, "existing");
  const fresh = byNumber(incoming, "incoming");
  const diff: RoundsDiff = { added: [], updated: [], unchanged: [], absent: [] };
  for (const round of fresh.values()) {
    const before = stored.get(round.number);
    if (!before) {
      diff.added.push(round);
      continue;
    }
    const changes = changedFields(before, round);
    if (Object.keys(changes).length === 0) diff.unchanged.push(round);
    else diff.updated.push({ round, changes });
  }
  for (const round of stored.values()) {
    if (!fresh.has(round.number)) diff.absent.push(round);
  }
  return diff;
}

function changedFields(before: NormalisedRound, after: NormalisedRound): RoundChanges {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of DIFF_FIELDS) {
    if (!sameValue(before[field], after[field])) {
      changes[field] = { from: before[field], to: after[field] };
    }
  }
  return changes as RoundChanges;
}

/** Structural equality of JSON-like values; key order does not matter (rows read back from a database). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]))
    );
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  return (
    aKeys.length === Object.keys(b).length &&
    aKeys.every((k) => k in bRecord && sameValue((a as Record<string, unknown>)[k], bRecord[k]))
  );
}

function byNumber(rounds: readonly NormalisedRound[], side: string): Map<string, NormalisedRound> {
  const map = new Map<string, NormalisedRound>();
  for (const round of rounds) {
    if (map.has(round.number)) throw new Error(`${side} rounds list draw ${round.number} twice`);
    map.set(round.number, round);
  }
  return map;
}
