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

/**
 * The earliest coming change strictly after `today` (YYYY-MM-DD), or null when none will come.
 * A start of Canadian work in the future gives its first anniversary. Throws RangeError for a
 * malformed date.
 */
export function nextCrsChangeOn(facts: NextCrsChangeFacts, today: string): string | null {
  if (!isFactors(facts.crsFactors)) return null;
  const dates: string[] = [];
  if (facts.dateOfBirth) {
    const birthday = nextAgeChange(facts.dateOfBirth, today);
    if (birthday) dates.push(birthday);
  }
  const workYears = facts.crsFactors.canadianWorkYears;
  if (facts.canadianWorkStartedOn && typeof workYears === "number" && workYears < CANADIAN_WORK_YEARS_CAP) {
    dates.push(nextAnniversary(facts.canadianWorkStartedOn, today).date);
  }
  return dates.length ? dates.reduce((a, b) => (a < b ? a : b)) : null;
}
