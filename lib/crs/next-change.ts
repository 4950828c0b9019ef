/**
 * The day a client's CRS next changes by time alone: the next birthday that costs age points
 * (turning 30 to 45) or the next full year of Canadian work that adds points (while the recorded
 * years are under 5). Stored on the client (`nextCrsChangeOn`) when it is saved and refreshed daily
 * once the day has passed, so the dashboard's coming changes read an index instead of computing
 * anniversaries for every client. The same events as lib/db/dashboard/coming-changes.ts lists.
 */
import { anniversaryIn, nextAnniversary } from "./age";

/** Ages reached on a birthday that change the age points (IRCC's table: 30 and older lose points; none after 45). */
export const AGE_POINTS_CHANGE = { from: 30, to: 45 } as const;
/** Canadian work experience points stop rising after this many full years. */
export const CANADIAN_WORK_YEARS_CAP = 5;

export interface NextCrsChangeFacts {
  dateOfBirth: string | null;
  canadianWorkStartedOn: string | null;
  /** The stored calculator factors (JSON); without them the dashboard cannot price a change. */
  crsFactors: unknown;
}

const isFactors = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The next birthday strictly after `today` at which the age reached is from 30 to 45; null past 45. */
function nextAgeChange(dateOfBirth: string, today: string): string | null {
  const next = nextAnniversary(dateOfBirth, today);
  if (next.years > AGE_POINTS_CHANGE.to) return null;
  // Before 30 the next birthdays change nothing: the 30th is the next that does.
  return next.years >= AGE_POINTS_CHANGE.from ? next.date : anniversaryIn(dateOfBirth, Number(dateOfBirth.slice(0, 4)) + AGE_POINTS_CHANGE.from);
}

/** Each kind's next change strictly after today (YYYY-MM-DD), or null when none of that kind will come. */
export interface NextCrsChanges {
  /** The next birthday at which the age reached is from 30 to 45. */
  birthday: string | null;
  /** The next full year of Canadian work, while the recorded years are under 5. */
  workAnniversary: string | null;
}

/**
 * Each kind's coming change strictly after `today`: stored per kind on the client so the
 * dashboard lists a kind's changes by reading one index range. A start of Canadian work in the
 * future gives its first anniversary. Throws RangeError for a malformed date.
 */
export function nextCrsChanges(facts: NextCrsChangeFacts, today: string): NextCrsChanges {
  if (!isFactors(facts.crsFactors)) return { birthday: null, workAnniversary: null };
  const workYears = facts.crsFactors.canadianWorkYears;
  return {
    birthday: facts.dateOfBirth ? nextAgeChange(facts.dateOfBirth, today) : null,
    workAnniversary:
      facts.canadianWorkStartedOn && typeof workYears === "number" && workYears < CANADIAN_WORK_YEARS_CAP ? nextAnniversary(facts.canadianWorkStartedOn, today).date : null,
  };
}

/** The earliest of a client's coming changes (nextCrsChanges), or null when none will come. */
export function earliestCrsChange(changes: NextCrsChanges): string | null {
  const { birthday, workAnniversary } = changes;
  if (birthday === null || workAnniversary === null) return birthday ?? workAnniversary;
  return birthday < workAnniversary ? birthday : workAnniversary;
}

/** The earliest coming change strictly after `today` (YYYY-MM-DD), or null when none will come. Throws RangeError for a malformed date. */
export function nextCrsChangeOn(facts: NextCrsChangeFacts, today: string): string | null {
  return earliestCrsChange(nextCrsChanges(facts, today));
}
