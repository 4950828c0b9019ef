/**
 * How long Express Entry documents stay valid (PRODUCT.md, "Express Entry facts").
 *
 * Convention for every expiry date here: it is the **last day the item is valid**. The item is
 * still good on its due date and lapses at the start of the next day, which is what "due today is
 * within 7 days, due yesterday is overdue" in `deadlineBand` means.
 *
 * Year and month steps are date-fns' (via lib/dates): a Feb 29 start lands on Feb 28 in a year
 * without Feb 29, never on Mar 1. PostgreSQL's `date + interval 'N years'` clamps the same way.
 */
import { type CalendarDate, addDaysToDate, addMonthsToDate, addYearsToDate, parseCalendarDate } from "@/lib/dates/calendar-date";
import { type Instant } from "@/lib/dates/instant";
import { DEFAULT_TIME_ZONE, startOfDateIn, toZonedDate } from "@/lib/dates/time-zone";

export const PROFILE_VALIDITY_MONTHS = 12;
export const LANGUAGE_TEST_VALIDITY_YEARS = 2;
export const ECA_VALIDITY_YEARS = 5;

/**
 * The date an Express Entry profile expires: the consultant's override when set (IRCC shows the
 * exact date in the candidate's account), else 12 months after submission.
 *
 * The submission day is the calendar date of `submittedAt` in the firm's `timeZone`, not in UTC:
 * a profile submitted 2025-03-01T03:00Z was submitted on Feb 28 in Toronto, so it expires
 * 2026-02-28. IRCC's own clock is Ottawa time, hence the Toronto default.
 */
export function profileExpiresOn(
  submittedAt: Instant,
  overrideOn?: CalendarDate | null,
  timeZone: string = DEFAULT_TIME_ZONE,
): CalendarDate {
  if (overrideOn != null) {
    parseCalendarDate(overrideOn);
    return overrideOn;
  }
  return addMonthsToDate(toZonedDate(submittedAt, timeZone), PROFILE_VALIDITY_MONTHS);
}

/**
 * The instant a profile leaves the pool: the start of the day after its expiry date, in the firm's
 * zone (the expiry date itself is still a day in the pool). This is the `profileExpiresAt` that
 * draw eligibility compares with the draw time. Compute it where the client is saved so the
 * set-based query compares two timestamps.
 */
export function profileExpiresAt(expiresOn: CalendarDate, timeZone: string = DEFAULT_TIME_ZONE): string {
  return startOfDateIn(addDaysToDate(expiresOn, 1), timeZone).toISOString();
}

/** Language test results: valid 2 years from the test result date. */
export function languageTestExpiresOn(testDate: CalendarDate): CalendarDate {
  return addYearsToDate(testDate, LANGUAGE_TEST_VALIDITY_YEARS);
}

/** Educational credential assessment: valid 5 years from its issue date. */
export function ecaExpiresOn(issuedOn: CalendarDate): CalendarDate {
  return addYearsToDate(issuedOn, ECA_VALIDITY_YEARS);
}
