/**
 * How the pool moved between IRCC's published CRS distributions (PRODUCT.md: dd1..dd18), per
 * score band: since the previous publication and since the first of the calendar year. Pure rules,
 * no framework imports; the caller passes the rounds in draw order (lib/db/draws `drawOrderSql`).
 */
import type { CalendarDate } from "@/lib/dates/calendar-date";
import type { DistributionBucket } from "./round";

export interface DistributionRound {
  number: string;
  date: CalendarDate;
  distributionAsOf: CalendarDate | null;
  distribution: readonly DistributionBucket[];
}

/** A published distribution a round was compared with. */
export interface PoolSnapshot {
  drawNumber: string;
  /** The round's draw date. */
  date: CalendarDate;
  /** The date IRCC counted the pool. */
  asOf: CalendarDate;
  /** Profiles in the pool: the sum of the non-overlapping bands, null when one is missing. */
  total: number | null;
}

export interface BandMovement {
  key: string;
  min: number;
  max: number;
  count: number | null;
  /** Change in profiles since the previous publication; null without one or without both counts. */
  sincePrevious: number | null;
  /** Change since the first publication of the calendar year; null likewise. */
  sinceYearStart: number | null;
}

export interface PoolMovement extends PoolSnapshot {
  previous: PoolSnapshot | null;
  /** The first round of the draw's calendar year with a distribution; null when that is this very publication. */
  yearStart: PoolSnapshot | null;
  totalSincePrevious: number | null;
  totalSinceYearStart: number | null;
  /** IRCC's non-overlapping bands, highest first (as IRCC lists them). */
  bands: BandMovement[];
}

/**
 * Only the "range" rows: 451–500 and 401–450 are sums of the ten-point rows after them and dd18 is
 * the total, so counting those too would count the same profiles twice.
 */
function bandsOf(round: DistributionRound): DistributionBucket[] {
  return round.distribution.filter((b) => b.role === "range");
}

/**
 * IRCC publishes no distribution for some rounds and fills every dd field with "0"; the importer
 * stores those counts as null (distribution.ts `buildDistribution`). Such a round is skipped,
 * never read as an empty pool.
 */
export function hasPublishedDistribution(round: DistributionRound): boolean {
  return round.distributionAsOf !== null && bandsOf(round).some((b) => b.count !== null);
}

function total(round: DistributionRound): number | null {
  const bands = bandsOf(round);
  return bands.some((b) => b.count === null) ? null : bands.reduce((sum, b) => sum + (b.count ?? 0), 0);
}

/**
 * Rounds held the same week repeat one publication (rounds 417 and 418 both carry the pool of May
 * 24, 2026), and IRCC has retyped a repeated one with another date (round 386 says December 15,
 * 2025 for round 387's December 14 counts). Comparing a publication with itself would report that
 * nothing moved, so a snapshot is known by its counts, not by its date.
 */
function sameSnapshot(a: DistributionRound, b: DistributionRound): boolean {
  const counts = (r: DistributionRound) => JSON.stringify(bandsOf(r).map((x) => [x.key, x.count]));
  return counts(a) === counts(b);
}

function snapshotOf(round: DistributionRound): PoolSnapshot {
  return { drawNumber: round.number, date: round.date, asOf: round.distributionAsOf!, total: total(round) };
}

const change = (now: number | null, then: number | null | undefined) => (now === null || then == null ? null : now - then);

function compare(round: DistributionRound, previous: DistributionRound | undefined, yearStart: DistributionRound | undefined): PoolMovement {
  const countIn = (other: DistributionRound | undefined, key: string) => other && bandsOf(other).find((b) => b.key === key)?.count;
  const now = snapshotOf(round);
  return {
    ...now,
    previous: previous ? snapshotOf(previous) : null,
    yearStart: yearStart ? snapshotOf(yearStart) : null,
    totalSincePrevious: previous ? change(now.total, total(previous)) : null,
    totalSinceYearStart: yearStart ? change(now.total, total(yearStart)) : null,
    bands: bandsOf(round).map((b) => ({
      key: b.key,
      min: b.min,
      max: b.max,
      count: b.count,
      sincePrevious: change(b.count, countIn(previous, b.key)),
      sinceYearStart: change(b.count, countIn(yearStart, b.key)),
    })),
  };
}

/** The movement for every round that published a distribution, in the order given (draw order). */
export function poolMovements(rounds: readonly DistributionRound[]): PoolMovement[] {
  const published = rounds.filter(hasPublishedDistribution);
  return published.map((round, i) => {
    const earlier = published.slice(0, i);
    const previous = earlier.findLast((r) => !sameSnapshot(r, round));
    const firstOfYear = published.find((r) => r.date.slice(0, 4) === round.date.slice(0, 4));
    const yearStart = firstOfYear && !sameSnapshot(firstOfYear, round) ? firstOfYear : undefined;
    return compare(round, previous, yearStart);
  });
}

/** One round's movement; null when it published no distribution (or is not among the rounds). */
export function poolMovementFor(rounds: readonly DistributionRound[], drawNumber: string): PoolMovement | null {
  return poolMovements(rounds).find((m) => m.drawNumber === drawNumber) ?? null;
}

const count = (n: number) => Math.abs(n).toLocaleString("en-CA");
const longDate = (date: CalendarDate) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString("en-CA", { timeZone: "UTC", month: "long", day: "numeric", year: "numeric" });

/** "+5,077" / "−1,234" / "no change": a signed count for tables and the summary. */
export function formatChange(n: number | null): string {
  if (n === null) return "—";
  if (n === 0) return "no change";
  return `${n > 0 ? "+" : "−"}${count(n)}`;
}

function bandPhrase(band: BandMovement, pick: "sincePrevious" | "sinceYearStart"): string {
  const n = band[pick]!;
  return `${count(n)} ${n > 0 ? "more" : "fewer"} profiles between ${band.min} and ${band.max}`;
}

function largest(bands: readonly BandMovement[], pick: "sincePrevious" | "sinceYearStart"): BandMovement | null {
  return bands.reduce<BandMovement | null>((best, b) => (b[pick] !== null && b[pick] !== 0 && (!best || Math.abs(b[pick]!) > Math.abs(best[pick]!)) ? b : best), null);
}

function sinceClause(label: string, totalChange: number | null, biggest: BandMovement | null, pick: "sincePrevious" | "sinceYearStart"): string {
  const totalText = totalChange === null ? "" : totalChange === 0 ? " the same number of profiles" : ` ${count(totalChange)} ${totalChange > 0 ? "more" : "fewer"} profiles`;
  const bandText = biggest ? `${totalText ? ", " : " "}${bandPhrase(biggest, pick)}` : "";
  return `since ${label}:${totalText}${bandText}`;
}

/**
 * One line of plain text for a round's digest, e.g. "Pool of May 24, 2026 (round #418): 238,847
 * profiles; since round #416 (pool of May 10, 2026): 5,077 more profiles, 2,286 more profiles
 * between 501 and 600; since the first round of 2026 (#389, pool of January 4, 2026): …". The band
 * named is the one that moved most.
 */
export function poolMovementSummary(movement: PoolMovement): string {
  const parts = [`Pool of ${longDate(movement.asOf)} (round #${movement.drawNumber})${movement.total === null ? "" : `: ${count(movement.total)} profiles`}`];
  const { previous, yearStart } = movement;
  if (previous) {
    parts.push(sinceClause(`round #${previous.drawNumber} (pool of ${longDate(previous.asOf)})`, movement.totalSincePrevious, largest(movement.bands, "sincePrevious"), "sincePrevious"));
  } else {
    parts.push("no earlier distribution to compare with");
  }
  if (yearStart) {
    const label = `the first round of ${movement.date.slice(0, 4)} (#${yearStart.drawNumber}, pool of ${longDate(yearStart.asOf)})`;
    parts.push(sinceClause(label, movement.totalSinceYearStart, largest(movement.bands, "sinceYearStart"), "sinceYearStart"));
  }
  return `${parts.join("; ")}.`;
}
