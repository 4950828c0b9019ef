/**
 * Calendar dates as "YYYY-MM-DD" strings. They are read as local-midnight Dates and only moved by
 * whole days/years, so the machine's time zone never shifts a date.
 */
import { format, isValid, parseISO } from "date-fns";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses a strict calendar date; throws RangeError naming `field` on anything else (2023-02-30 too). */
export function parseIsoDate(value: string, field: string): Date {
  const date = ISO_DATE.test(value) ? parseISO(value) : new Date(Number.NaN);
  // The round trip rejects dates that parse but do not exist on the calendar.
  if (!isValid(date) || format(date, "yyyy-MM-dd") !== value) {
    throw new RangeError(`${field}: expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return date;
}

export function formatIsoDate(date: Date): string {
  return format(date, "yyyy-MM-dd");
}
