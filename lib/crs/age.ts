/**
 * Whole years between calendar dates: a client's age, and the anniversaries that change the CRS.
 *
 * February 29: someone born on Feb 29 completes a year on March 1 in common years (and on Feb 29 in
 * leap years). That is date-fns' differenceInYears rule, and it is the conservative reading: on
 * Feb 28 the full year has not elapsed yet. It matters because age points change on that day.
 */
import { addDays, addYears, differenceInYears } from "date-fns";
import { formatIsoDate, parseIsoDate } from "./iso-date";

/** Age in whole years on `onDate`; throws RangeError for a malformed date or onDate before birth. */
export function ageOn(dateOfBirth: string, onDate: string): number {
  const birth = parseIsoDate(dateOfBirth, "dateOfBirth");
  const on = parseIsoDate(onDate, "onDate");
  if (on < birth) throw new RangeError(`onDate ${onDate} is before dateOfBirth ${dateOfBirth}`);
  return differenceInYears(on, birth);
}

/**
 * The first anniversary of `start` strictly after `after`, and how many full years it completes.
 * A start in the future gives its first anniversary (years = 1).
 */
export function nextAnniversary(start: string, after: string): { date: string; years: number } {
  const from = parseIsoDate(start, "start");
  const asOf = parseIsoDate(after, "after");
  const years = asOf < from ? 1 : differenceInYears(asOf, from) + 1;
  let date = addYears(from, years);
  // addYears clamps Feb 29 to Feb 28 in common years, a day before the year is complete (see above).
  if (differenceInYears(date, from) < years) date = addDays(date, 1);
  return { date: formatIsoDate(date), years };
}
