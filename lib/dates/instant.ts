/**
 * Instants: points in time, as an ISO 8601 string with an explicit offset or a Date.
 * Pure, no clock.
 */
import { parseISO } from "date-fns";

/** A point in time: an ISO 8601 string with an offset ("2025-03-01T03:00:00Z"), or a Date. */
export type Instant = string | Date;

// The offset is required: date-fns and Date both read "2025-03-01T03:00" as the *process's* local
// time, so the same input would mean different instants on a developer laptop and on the server.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** True when `value` is a string `parseInstant` accepts. */
export function isInstantString(value: string): boolean {
  return ISO_INSTANT.test(value) && !Number.isNaN(parseISO(value).getTime());
}

/**
 * Reads an instant. Throws a RangeError for an invalid Date, a string without a time or an
 * offset (a bare "YYYY-MM-DD" is a calendar date, not an instant), or an impossible value.
 */
export function parseInstant(value: Instant): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError("Invalid instant: Invalid Date");
    return new Date(value.getTime());
  }
  if (!isInstantString(value)) {
    throw new RangeError(
      `Invalid instant "${value}": expected ISO 8601 with a time and an offset, e.g. 2025-03-01T03:00:00Z`,
    );
  }
  return parseISO(value);
}

/** Compares two instants: negative when a is earlier, 0 when equal, positive when later. */
export function compareInstants(a: Instant, b: Instant): number {
  return parseInstant(a).getTime() - parseInstant(b).getTime();
}
