/**
 * Display of instants for consultants: "2025-10-29 00:35 EDT".
 *
 * Format: `yyyy-MM-dd HH:mm` (24-hour clock, no AM/PM ambiguity, sorts as text) in the given zone,
 * then the zone's short name. Seconds are opt-in because tie-break times are to the second and a
 * consultant comparing a submission with a tie-break needs them: "2025-10-29 00:35:24 EDT".
 */
import { format } from "date-fns";
import { tz } from "@date-fns/tz";
import { type Instant, parseInstant } from "./instant";
import { DEFAULT_TIME_ZONE, assertTimeZone } from "./time-zone";

export interface FormatInstantOptions {
  seconds?: boolean;
}

const zoneNameFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's short name at that instant. en-CA, not en-US (which date-fns' tzName uses), because
 * en-US has no abbreviation for Newfoundland ("GMT-2:30" instead of "NDT"). Zones without a common
 * abbreviation come out as "GMT+1" — still unambiguous.
 */
export function shortZoneName(instant: Instant, timeZone: string = DEFAULT_TIME_ZONE): string {
  assertTimeZone(timeZone);
  let formatter = zoneNameFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, timeZoneName: "short" });
    zoneNameFormatters.set(timeZone, formatter);
  }
  const part = formatter.formatToParts(parseInstant(instant)).find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

export function formatInstant(
  instant: Instant,
  timeZone: string = DEFAULT_TIME_ZONE,
  options: FormatInstantOptions = {},
): string {
  assertTimeZone(timeZone);
  const date = parseInstant(instant);
  const pattern = options.seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm";
  return `${format(date, pattern, { in: tz(timeZone) })} ${shortZoneName(date, timeZone)}`;
}
