/**
 * The day a client's CRS next changes by time alone: the next birthday that costs age points
 * (turning 30 to 45) or the next full year of Canadian work that adds points (while the recorded
 * years are under 5). Stored on the client (`nextCrsChangeOn`) when it is saved and refreshed daily
 * once the day has passed, so the dashboard's coming changes read an index instead of computing
 * anniversaries for every client. The same events as lib/db/dashboard/coming-changes.ts lists.
 */

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

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year, month, day of a real YYYY-MM-DD date; RangeError otherwise (as iso-date.ts, without date-fns). */
function parts(date: string, field = "date"): [number, number, number] {
  const match = ISO_DATE.exec(date);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const last = m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1];
  if (!match || y < 1 || m < 1 || m > 12 || d < 1 || d > last) throw new RangeError(`${field}: expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return [y, m, d];
}

/** The anniversary of `start` in `year`: a Feb 29 start falls on Mar 1 in a common year (age.ts). */
function anniversaryIn(start: string, year: number): string {
  const [, m, d] = parts(start);
  return m === 2 && d === 29 && !isLeap(year) ? `${pad(year, 4)}-03-01` : `${pad(year, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/**
 * lib/crs/age.ts `nextAnniversary` by integer arithmetic on the YYYY-MM-DD parts (date-fns costs
 * ~20 µs a call: 2 s for a 100,000-row import): the first anniversary of `start` strictly after
 * `after`, and the years it completes. next-change.test.ts holds the two equal.
 */
export function nextAnniversaryFast(start: string, after: string): { date: string; years: number } {
  const [sy, sm, sd] = parts(start, "start");
  const [ay, am, ad] = parts(after, "after");
  const year = start > after ? sy + 1 : sm * 100 + sd > am * 100 + ad ? ay : ay + 1;
  return { date: anniversaryIn(start, year), years: year - sy };
}

/** The next birthday strictly after `today` at which the age reached is from 30 to 45; null past 45. */
function nextAgeChange(dateOfBirth: string, today: string): string | null {
  const next = nextAnniversaryFast(dateOfBirth, today);
  if (next.years > AGE_POINTS_CHANGE.to) return null;
  // Before 30 the next birthdays change nothing: the 30th is the next that does.
  return next.years >= AGE_POINTS_CHANGE.from ? next.date : anniversaryIn(dateOfBirth, parts(dateOfBirth)[0] + AGE_POINTS_CHANGE.from);
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
    dates.push(nextAnniversaryFast(facts.canadianWorkStartedOn, today).date);
  }
  return dates.length ? dates.reduce((a, b) => (a < b ? a : b)) : null;
}
