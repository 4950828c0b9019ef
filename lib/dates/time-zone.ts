/**
 * The firm's time zone: which calendar day an instant falls on, and when a day starts.
 * Pure: "now" is always passed in.
 */
import { format } from "date-fns";
import { TZDate, tz } from "@date-fns/tz";
import { type CalendarDate, parseCalendarDate } from "./calendar-date";
import { type Instant, parseInstant } from "./instant";

/** IRCC works on Ottawa time and most firms are in Eastern time. */
export const DEFAULT_TIME_ZONE = "America/Toronto";

/** True for an IANA zone name (or offset) the runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-CA", { timeZone });
    return true;
  } catch {
    return false;
  }
}

// An unknown zone would otherwise turn into "Invalid Date" deep inside date-fns.
export function assertTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}"`);
}

/** The calendar date of `instant` on the wall clocks of `timeZone`. */
export function toZonedDate(instant: Instant, timeZone: string = DEFAULT_TIME_ZONE): CalendarDate {
  assertTimeZone(timeZone);
  return format(parseInstant(instant), "yyyy-MM-dd", { in: tz(timeZone) });
}

/** Today's date in `timeZone`; `now` comes from the caller so rules stay testable. */
export function todayIn(timeZone: string, now: Date): CalendarDate {
  return toZonedDate(now, timeZone);
}

/** The first instant of `date` in `timeZone` (local midnight, or the first valid time after it). */
export function startOfDateIn(date: CalendarDate, timeZone: string = DEFAULT_TIME_ZONE): Date {
  assertTimeZone(timeZone);
  const utc = parseCalendarDate(date);
  const local = new TZDate(utc.getFullYear(), utc.getMonth(), utc.getDate(), timeZone);
  return new Date(local.getTime());
}
