import "server-only";
import { createHash } from "node:crypto";
import { can, type Scope } from "@/lib/auth/scope";
import type { RoundChanges } from "@/lib/draws/diff-rounds";
import { buildDistribution, DISTRIBUTION_KEYS } from "@/lib/draws/distribution";
import { DRAW_KIND_LABELS, PROGRAMS, type DrawKind, type Program } from "@/lib/draws/kinds";
import type { FeedUrlPolicy } from "@/lib/draws/feed-url-policy";
import { FeedRefusedError, FeedSourceError, loadRoundsSource } from "@/lib/draws/load-source";
import { FeedFormatError, parseRounds } from "@/lib/draws/parse-rounds";
import { normalisedRoundSchema, type NormalisedRound } from "@/lib/draws/round";
import { ConflictError, ForbiddenError, InvalidInputError } from "@/lib/errors";
import { actorOf, recordAudit } from "../audit";
import { importRounds, upsertProvisionalRound } from "./import";

/**
 * What admins do to the draw ledger from the app: import IRCC's feed (a dry run first, then the
 * same rounds applied) and enter a round the feed does not have yet. Draws are shared by every
 * firm; the audit entry goes to the admin's firm.
 */

/** What the admin sees of an import: round numbers and changed fields, not the stored rows. */
export interface ImportView {
  applied: boolean;
  /** The file name or URL the rounds came from. */
  source: string;
  /** Fingerprint of the rounds previewed, so "Apply" applies exactly those. */
  digest: string;
  rounds: number;
  added: string[];
  /** Each changed round with its changes in words ("cutoff: 515 → 518"). */
  updated: { number: string; changes: string[] }[];
  /** Provisional rounds (entered by hand) that the feed now confirms and replaces. */
  confirmed: string[];
  unchanged: number;
  warnings: { number: string; message: string }[];
}

function requireImport(scope: Scope): void {
  if (!can(scope, "draws.import")) throw new ForbiddenError();
}

function digestOf(json: unknown): string {
  return createHash("sha256").update(JSON.stringify(json)).digest("hex");
}

/** An uploaded file's text as JSON; a file that is not JSON is a message, not a crash. */
export function parseFeedText(text: string, name: string): unknown {
  try {
    // Files saved from Windows tools often start with a byte-order mark, which JSON.parse refuses.
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new InvalidInputError(`${name} is not a JSON file. Upload IRCC's rounds file (ee_rounds_123_en.json).`, [{ path: "file", message: "Not JSON." }]);
  }
}

/**
 * IRCC's feed from a URL an admin typed: only the hosts `policy` allows (IRCC's and the
 * operator's DRAWS_FEED_URL), public addresses, capped size and time. A refused or unreachable
 * feed becomes a message naming the URL and the reason.
 */
export async function fetchFeed(url: string, policy: FeedUrlPolicy): Promise<unknown> {
  if (!/^https?:\/\//i.test(url)) {
    throw new InvalidInputError("The feed address must start with https:// (or http://).", [{ path: "url", message: "An http(s) address." }]);
  }
  try {
    return await loadRoundsSource(url, { policy });
  } catch (error) {
    if (error instanceof FeedRefusedError) {
      throw new InvalidInputError(`The feed address was refused: ${error.message}.`, [{ path: "url", message: "Not an allowed feed address." }]);
    }
    if (error instanceof FeedSourceError) {
      throw new InvalidInputError(`Could not load the feed: ${error.message}. Check the address and this server's internet access, or upload the file instead.`, [
        { path: "url", message: "Unreachable." },
      ]);
    }
    throw error;
  }
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(", ") || "none";
  return "";
}

function describeChanges(changes: RoundChanges): string[] {
  return Object.entries(changes).map(([field, change]) => {
    const from = show(change?.from);
    const to = show(change?.to);
    return from && to ? `${field}: ${from} → ${to}` : `${field} changed`;
  });
}

/**
 * Parses the feed and imports it: a dry run unless `apply`. On apply, `expectedDigest` (from the
 * preview) must match, so the rounds applied are the rounds the admin reviewed.
 */
export async function importFeed(
  scope: Scope,
  actorEmail: string,
  input: { json: unknown; source: string; apply: boolean; expectedDigest?: string },
): Promise<ImportView> {
  requireImport(scope);
  const digest = digestOf(input.json);
  if (input.apply && input.expectedDigest !== undefined && input.expectedDigest !== digest) {
    throw new ConflictError("The rounds changed since the preview (the feed was updated, or another file was chosen). Preview again, then apply.");
  }
  let parsed;
  try {
    parsed = parseRounds(input.json);
  } catch (error) {
    if (error instanceof FeedFormatError) throw new InvalidInputError(`This is not IRCC's rounds feed: ${error.message}.`);
    throw error;
  }
  const summary = await importRounds(parsed.rounds, { source: input.source, importedBy: actorEmail, warnings: parsed.warnings, dryRun: !input.apply });
  const view: ImportView = {
    applied: input.apply,
    source: input.source,
    digest,
    rounds: parsed.rounds.length,
    added: summary.added,
    updated: summary.updated.map((u) => ({ number: u.number, changes: describeChanges(u.changes) })),
    confirmed: summary.confirmed,
    unchanged: summary.unchanged,
    warnings: summary.warnings.map((w) => ({ number: w.number, message: w.message })),
  };
  if (input.apply) {
    await recordAudit(actorOf(scope, actorEmail), {
      action: "draws.import",
      entityType: "draw_import",
      metadata: {
        source: input.source,
        rounds: view.rounds,
        added: view.added,
        updated: view.updated.map((u) => u.number),
        confirmed: view.confirmed,
        unchanged: view.unchanged,
        warnings: view.warnings.length,
      },
    });
  }
  return view;
}

export interface ProvisionalRoundInput {
  number: string;
  date: string;
  kind: DrawKind;
  categoryVersion?: string;
  programs: Program[];
  size: number;
  cutoff: number;
  /** ISO 8601 UTC, or none for a round without a tie-break time. */
  tieBreakAt?: string;
}

/** A round the feed does not have yet: stored as provisional until the feed brings the same number. */
export async function enterProvisionalRound(scope: Scope, actorEmail: string, input: ProvisionalRoundInput): Promise<NormalisedRound> {
  requireImport(scope);
  const round = normalisedRoundSchema.parse({
    number: input.number,
    date: input.date,
    drawnAt: null,
    tieBreakAt: input.tieBreakAt ?? null,
    size: input.size,
    cutoff: input.cutoff,
    name: input.categoryVersion ? `${DRAW_KIND_LABELS[input.kind]} ${input.categoryVersion}` : DRAW_KIND_LABELS[input.kind],
    kind: input.kind,
    categoryVersion: input.categoryVersion || null,
    programs: PROGRAMS.filter((p) => input.programs.includes(p)),
    distributionAsOf: null,
    distribution: buildDistribution(DISTRIBUTION_KEYS.map(() => null)).buckets,
  });
  await upsertProvisionalRound(round, actorEmail);
  await recordAudit(actorOf(scope, actorEmail), {
    action: "draws.manual_entry",
    entityType: "draw",
    entityId: round.number,
    metadata: { date: round.date, kind: round.kind, size: round.size, cutoff: round.cutoff, tieBreakAt: round.tieBreakAt, programs: round.programs },
  });
  return round;
}
