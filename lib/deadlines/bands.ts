/**
 * Expiry radar bands: how soon a deadline falls due, relative to "as of" (today in the firm's zone,
 * from `todayIn(timeZone, now)`; never read from the clock here).
 */
import { type CalendarDate, calendarDaysBetween } from "@/lib/dates/calendar-date";

/** Most urgent first. Each band holds the days left above the previous band's limit. */
export const DEADLINE_BANDS = ["overdue", "7", "30", "60", "90"] as const;
export type DeadlineBand = (typeof DEADLINE_BANDS)[number];

export const DEADLINE_BAND_LABELS: Record<DeadlineBand, string> = {
  overdue: "Overdue",
  "7": "Within 7 days",
  "30": "Within 30 days",
  "60": "Within 60 days",
  "90": "Within 90 days",
};

/** Largest `daysLeft` in each band; "overdue" is every negative value. */
export const DEADLINE_BAND_MAX_DAYS: Record<DeadlineBand, number> = {
  overdue: -1,
  "7": 7,
  "30": 30,
  "60": 60,
  "90": 90,
};

/** Days from `asOf` to `dueOn`: 0 when due today, 1 tomorrow, -1 yesterday. */
export function daysUntil(dueOn: CalendarDate, asOf: CalendarDate): number {
  return calendarDaysBetween(asOf, dueOn);
}

/** The band of a number of days left, or null beyond 90 days. */
export function bandForDaysLeft(daysLeft: number): DeadlineBand | null {
  // A due date is the last valid day (see expiry.ts): due today is still on time, so 0 is "7".
  return DEADLINE_BANDS.find((band) => daysLeft <= DEADLINE_BAND_MAX_DAYS[band]) ?? null;
}

/** "overdue" when due yesterday or earlier, "7" for 0–7 days, "30" for 8–30, "60" for 31–60, "90" for 61–90, else null. */
export function deadlineBand(dueOn: CalendarDate, asOf: CalendarDate): DeadlineBand | null {
  return bandForDaysLeft(daysUntil(dueOn, asOf));
}
