/**
 * Calendar dates ("YYYY-MM-DD"): days with no time and no zone, such as a test date or an expiry
 * date. Arithmetic runs in UTC, where every day has 24 hours, so the process's time zone and DST
 * never shift a date; month and year steps are date-fns' (a day past the month's end is clamped:
 * Feb 29 + 1 year = Feb 28, Jan 31 + 1 month = Feb 28/29).
 */
import { addDays, addMonths, addYears, differenceInCalendarDays, format } from "date-fns";
import { TZDate, tz } from "@date-fns/tz";

/** A calendar date, "YYYY-MM-DD". ISO strings of this shape sort and compare as dates. */
export type CalendarDate = string;

const UTC = tz("UTC");
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real "YYYY-MM-DD" date (2025-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const date = new TZDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]), "UTC");
  // Date rolls impossible days over (Feb 30 → Mar 2) and maps years 0–99 to 19xx; the round trip
  // catches both.
  return formatCalendarDate(date) === value;
}

/** Midnight UTC of a calendar date, for date-fns arithmetic. Throws a RangeError when invalid. */
export function parseCalendarDate(value: CalendarDate): TZDate {
  if (!isCalendarDate(value)) throw new RangeError(`Invalid calendar date "${value}": expected YYYY-MM-DD`);
  const [year, month, day] = value.split("-").map(Number);
  return new TZDate(year, month - 1, day, "UTC");
}

/** The UTC calendar date of a Date (use `toZonedDate` for a date in a firm's zone). */
export function formatCalendarDate(date: Date): CalendarDate {
  return format(date, "yyyy-MM-dd", { in: UTC });
}

// Bulk imports ask the same few thousand date steps 100,000 times; a zoned date-fns step costs
// ~50 µs, so results are memoised (pure functions of their inputs; the memo is bounded).
const stepMemo = new Map<string, CalendarDate>();

function memoStep(key: string, compute: () => CalendarDate): CalendarDate {
  let result = stepMemo.get(key);
  if (result === undefined) {
    if (stepMemo.size > 100_000) stepMemo.clear();
    result = compute();
    stepMemo.set(key, result);
  }
  return result;
}

export function addYearsToDate(date: CalendarDate, years: number): CalendarDate {
  return memoStep(`${date}|y${years}`, () => formatCalendarDate(addYears(parseCalendarDate(date), years, { in: UTC })));
}

export function addMonthsToDate(date: CalendarDate, months: number): CalendarDate {
  return memoStep(`${date}|m${months}`, () => formatCalendarDate(addMonths(parseCalendarDate(date), months, { in: UTC })));
}

export function addDaysToDate(date: CalendarDate, days: number): CalendarDate {
  return formatCalendarDate(addDays(parseCalendarDate(date), days, { in: UTC }));
}

/** Whole days from `from` to `to`: 1 when `to` is the next day, negative when `to` is earlier. */
export function calendarDaysBetween(from: CalendarDate, to: CalendarDate): number {
  return differenceInCalendarDays(parseCalendarDate(to), parseCalendarDate(from), { in: UTC });
}
