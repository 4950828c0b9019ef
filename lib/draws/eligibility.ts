/**
 * Draw eligibility and a draw's result for one client: PRODUCT.md's rule as a pure function.
 *
 * This is the reference for the set-based SQL (draw impact page, roster "above the latest
 * cut-off"): the SQL must give the same answer for every client and draw, so each check below is a
 * single comparison of stored values. Nothing here reads the clock; the draw is the "as of".
 */
import { endOfDay } from "date-fns";
import { tz } from "@date-fns/tz";
import { type ClientStatus, isInvitedStatus } from "@/lib/clients/status";
import { type CalendarDate, parseCalendarDate } from "@/lib/dates/calendar-date";
import { type Instant, parseInstant } from "@/lib/dates/instant";
import { DEFAULT_TIME_ZONE } from "@/lib/dates/time-zone";
import { profileExpiresAt, profileExpiresOn } from "@/lib/deadlines/expiry";
import { type DrawKind, PROGRAMS, type Program, isCategoryKind } from "./kinds";

export interface EligibilityDraw {
  /** IRCC's draw number, a string because "91a" and "91b" exist. */
  number: string;
  kind: DrawKind;
  /** Programs the round covered; empty means the feed did not say, read as all programs. */
  programs: readonly Program[];
  /** When the round was held (IRCC's drawDateTime), null when unknown. */
  drawnAt: Instant | null;
  /** IRCC's drawDate. */
  date: CalendarDate;
  cutoff: number;
  /** IRCC's drawCutOff (tie-break date and time), null for early rounds without one. */
  tieBreakAt: Instant | null;
  /**
   * Whether the kind is a category (the client must hold it), as the CategoryKind table says; a
   * category an administrator created is known only there. Absent: the built-in CATEGORY_KINDS.
   */
  isCategory?: boolean;
}

export interface EligibilityClient {
  status: ClientStatus;
  profileSubmittedAt: Instant | null;
  /**
   * The first instant the profile is out of the pool (exclusive), not a date: build it with
   * `profileExpiresAt(expiresOn, firmTimeZone)` from lib/deadlines. A bare "YYYY-MM-DD" is refused.
   * Null with a submitted profile: the 12-month rule in DEFAULT_TIME_ZONE.
   */
  profileExpiresAt: Instant | null;
  /** When the ITA was received; only read when the status is an invited one. */
  invitedAt?: Instant | null;
  programs: readonly Program[];
  nominationProvince: string | null;
  /** Date of the provincial nomination, when known. */
  nominatedOn?: CalendarDate | null;
  /** Category draw kinds (CATEGORY_KINDS codes) the consultant recorded for this client. */
  categories: readonly string[];
  /** Last valid day of the language test results (`languageTestExpiresOn`), when known. */
  languageTestExpiresOn?: CalendarDate | null;
  /** CRS in effect at the draw time, from score history; the caller picks the right entry. */
  crsAsOfDraw: number | null;
}

/** In the order they are reported. */
export const INELIGIBLE_REASONS = [
  "withdrawn",
  "closed",
  "not_in_pool",
  "profile_expired",
  "already_invited",
  "language_test_expired",
  "no_program",
  "no_nomination",
  "no_category",
  "no_score",
] as const;
export type IneligibleReason = (typeof INELIGIBLE_REASONS)[number];

export const INELIGIBLE_REASON_LABELS: Record<IneligibleReason, string> = {
  withdrawn: "Profile withdrawn",
  closed: "Client file closed",
  not_in_pool: "Profile not yet submitted at the draw time",
  profile_expired: "Profile had expired by the draw time",
  already_invited: "Already invited (ITA received before this draw)",
  language_test_expired: "Language test results had expired by the draw date",
  no_program: "Not eligible for any program this draw covered",
  no_nomination: "No provincial nomination (PNP draw)",
  no_category: "Not eligible for this draw's category",
  no_score: "No CRS score recorded for the draw time",
};

export type Eligibility = { eligible: true } | { eligible: false; reasons: IneligibleReason[] };

export const DEFAULT_NEAR_MISS_MARGIN = 10;

export const TIE_BREAK_OUTCOMES = ["not_applicable", "before", "after", "no_tie_break_time"] as const;
export type TieBreakOutcome = (typeof TIE_BREAK_OUTCOMES)[number];

export const TIE_BREAK_LABELS: Record<TieBreakOutcome, string> = {
  not_applicable: "Not at the cut-off score",
  before: "Submitted by the tie-break time (invited)",
  after: "Submitted after the tie-break time",
  no_tie_break_time: "No tie-break time published",
};

export interface DrawResult {
  eligible: boolean;
  /** Empty when eligible. */
  reasons: IneligibleReason[];
  above: boolean;
  newlyAbove: boolean;
  nearMiss: boolean;
  /** crs - cutoff; null without a score. */
  margin: number | null;
  tieBreak: TieBreakOutcome;
}

/**
 * The moment the draw is judged at: `drawnAt`, or 23:59:59.999 UTC of the draw date when the time
 * is unknown. End of day, so a profile submitted on the draw date counts as in the pool, while a
 * profile expiring or an ITA received that day counts as before the draw.
 */
export function drawInstant(draw: Pick<EligibilityDraw, "drawnAt" | "date">): Date {
  if (draw.drawnAt != null) return parseInstant(draw.drawnAt);
  return new Date(endOfDay(parseCalendarDate(draw.date), { in: tz("UTC") }).getTime());
}

/**
 * IRCC's tie-break: `crs > cutoff`, or `crs == cutoff` and submitted at or before the tie-break
 * time (the boundary is invited). Without a tie-break time (rounds 1–76 published none) everyone at
 * the cut-off was invited, so equal counts as above. Equal score with no submission time: not above.
 */
export function isAboveCutoff(
  crs: number,
  profileSubmittedAt: Instant | null,
  cutoff: number,
  tieBreakAt: Instant | null,
): boolean {
  if (crs !== cutoff) return crs > cutoff;
  if (tieBreakAt == null) return true;
  if (profileSubmittedAt == null) return false;
  return parseInstant(profileSubmittedAt).getTime() <= parseInstant(tieBreakAt).getTime();
}

function profileOutOfPoolAt(client: EligibilityClient, submittedAt: Instant): Date {
  if (client.profileExpiresAt != null) return parseInstant(client.profileExpiresAt);
  return parseInstant(profileExpiresAt(profileExpiresOn(submittedAt, null, DEFAULT_TIME_ZONE), DEFAULT_TIME_ZONE));
}

/** Pool membership at `at`: the reasons among not_in_pool, profile_expired and already_invited. */
function poolReasons(client: EligibilityClient, at: number): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  const submittedAt = client.profileSubmittedAt;
  // A prospect has no profile, whatever a stray submission time says.
  if (client.status === "prospect" || submittedAt == null || parseInstant(submittedAt).getTime() > at) {
    reasons.push("not_in_pool");
  } else if (profileOutOfPoolAt(client, submittedAt).getTime() <= at) {
    reasons.push("profile_expired");
  }
  // An ITA only removes the client from later draws, so past draws stay true after an invitation.
  // Unknown invitation time: out of every draw (we cannot tell). A profile_active client with an
  // invitedAt declined the ITA and is back in the pool, so the date is ignored for that status.
  if (isInvitedStatus(client.status)) {
    const invitedAt = client.invitedAt;
    if (invitedAt == null || parseInstant(invitedAt).getTime() < at) reasons.push("already_invited");
  }
  return reasons;
}

/** The score in effect at the draw, with NaN or Infinity read as missing. */
function scoreOf(client: EligibilityClient): number | null {
  const crs = client.crsAsOfDraw;
  return crs != null && Number.isFinite(crs) ? crs : null;
}

function heldNomination(client: EligibilityClient, drawDate: CalendarDate): boolean {
  if (client.nominationProvince == null || client.nominationProvince.trim() === "") return false;
  if (client.nominatedOn == null) return true;
  parseCalendarDate(client.nominatedOn);
  return client.nominatedOn <= drawDate;
}

/**
 * Every reason the client could not be invited in this draw (all of them, in INELIGIBLE_REASONS
 * order, so the SQL can compute each as an independent boolean). withdrawn and closed carry no
 * date, so they apply to every draw, past ones included.
 */
export function eligibilityForDraw(client: EligibilityClient, draw: EligibilityDraw): Eligibility {
  parseCalendarDate(draw.date);
  const at = drawInstant(draw).getTime();
  const reasons: IneligibleReason[] = [];
  if (client.status === "withdrawn") reasons.push("withdrawn");
  if (client.status === "closed") reasons.push("closed");
  reasons.push(...poolReasons(client, at));

  // The result date is the last valid day (lib/deadlines), so a test expiring on the draw date counts.
  if (client.languageTestExpiresOn != null) {
    parseCalendarDate(client.languageTestExpiresOn);
    if (client.languageTestExpiresOn < draw.date) reasons.push("language_test_expired");
  }
  // The importer maps "Provincial Nominee Program" to all three programs (classify-draw.ts); an
  // empty list (e.g. a hand-entered round) means the same, since every nominee is in one of them.
  const covered: readonly Program[] = draw.programs.length > 0 ? draw.programs : PROGRAMS;
  if (!client.programs.some((program) => covered.includes(program))) reasons.push("no_program");
  if (draw.kind === "pnp" && !heldNomination(client, draw.date)) reasons.push("no_nomination");
  // "unrecognised" is not a category kind: until an admin maps it, only programs are checked.
  if ((draw.isCategory ?? isCategoryKind(draw.kind)) && !client.categories.includes(draw.kind)) reasons.push("no_category");
  if (scoreOf(client) == null) reasons.push("no_score");

  return reasons.length === 0 ? { eligible: true } : { eligible: false, reasons };
}

function tieBreakOutcome(crs: number | null, client: EligibilityClient, draw: EligibilityDraw): TieBreakOutcome {
  if (crs == null || crs !== draw.cutoff || client.profileSubmittedAt == null) return "not_applicable";
  if (draw.tieBreakAt == null) return "no_tie_break_time";
  return isAboveCutoff(crs, client.profileSubmittedAt, draw.cutoff, draw.tieBreakAt) ? "before" : "after";
}

/** Eligible and clearing the cut-off: "above" always implies eligible. */
function clearsDraw(client: EligibilityClient, draw: EligibilityDraw): boolean {
  const crs = scoreOf(client);
  return (
    eligibilityForDraw(client, draw).eligible &&
    crs != null &&
    isAboveCutoff(crs, client.profileSubmittedAt, draw.cutoff, draw.tieBreakAt)
  );
}

/**
 * A client's result for one draw. `previousDrawOfKind` is the draw of the same kind just before
 * this one (null for the first of its kind) and `previousCrs` the client's CRS as of that draw.
 *
 * - above: eligible and isAboveCutoff with crsAsOfDraw.
 * - newlyAbove: above here, and not above in the previous draw (ineligible there, or no score, or
 *   below; no previous draw counts as not above).
 * - nearMiss: eligible, not above, and cutoff - crs <= nearMissMargin. An equal score that lost the
 *   tie-break is a near miss with margin 0.
 * - tieBreak: only when crs == cutoff and the submission time is known; "before" includes exactly
 *   at the tie-break time. Independent of eligibility.
 */
export function drawResultForClient(
  client: EligibilityClient,
  draw: EligibilityDraw,
  previousDrawOfKind: EligibilityDraw | null,
  previousCrs: number | null,
  nearMissMargin: number = DEFAULT_NEAR_MISS_MARGIN,
): DrawResult {
  if (!Number.isFinite(nearMissMargin) || nearMissMargin < 0) {
    throw new RangeError(`Near-miss margin must be a number >= 0, got ${nearMissMargin}`);
  }
  if (previousDrawOfKind != null && (previousDrawOfKind.kind !== draw.kind || previousDrawOfKind.date > draw.date)) {
    throw new RangeError(`Draw ${previousDrawOfKind.number} is not an earlier draw of kind "${draw.kind}"`);
  }
  const eligibility = eligibilityForDraw(client, draw);
  const crs = scoreOf(client);
  const above = clearsDraw(client, draw);
  const previousAbove =
    previousDrawOfKind != null && clearsDraw({ ...client, crsAsOfDraw: previousCrs }, previousDrawOfKind);
  return {
    eligible: eligibility.eligible,
    reasons: eligibility.eligible ? [] : eligibility.reasons,
    above,
    newlyAbove: above && !previousAbove,
    nearMiss: eligibility.eligible && !above && crs != null && draw.cutoff - crs <= nearMissMargin,
    margin: crs == null ? null : crs - draw.cutoff,
    tieBreak: tieBreakOutcome(crs, client, draw),
  };
}
