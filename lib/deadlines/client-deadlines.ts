/**
 * A client's deadlines for the client page and the expiry radar, most urgent first.
 */
import { type CalendarDate, parseCalendarDate } from "@/lib/dates/calendar-date";
import { type Instant } from "@/lib/dates/instant";
import { DEFAULT_TIME_ZONE } from "@/lib/dates/time-zone";
import { type DeadlineBand, bandForDaysLeft, daysUntil } from "./bands";
import { ecaExpiresOn, languageTestExpiresOn, profileExpiresOn } from "./expiry";

/** Also the tie-break order when two deadlines fall on the same day. */
export const DEADLINE_KINDS = ["profile", "application", "language_test", "eca", "work_permit", "passport"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  profile: "Express Entry profile",
  application: "Application after the ITA (60 days)",
  language_test: "Language test results",
  eca: "Educational credential assessment (ECA)",
  work_permit: "Work permit",
  passport: "Passport",
};

/** What the client record holds; every field may be missing. */
export interface ClientDeadlineFacts {
  profileSubmittedAt: Instant | null;
  /** The consultant's override of the profile expiry date, or null for the 12-month rule. */
  profileExpiresOn: CalendarDate | null;
  /** Language test result date. */
  languageTestDate: CalendarDate | null;
  ecaIssuedOn: CalendarDate | null;
  workPermitExpiresOn: CalendarDate | null;
  passportExpiresOn: CalendarDate | null;
  /** Last day to submit the application after an ITA (stored; only while the ITA is open). */
  applicationDueOn?: CalendarDate | null;
}

export interface ClientDeadline {
  kind: DeadlineKind;
  label: string;
  /** Last day the item is valid. */
  dueOn: CalendarDate;
  /** Negative when overdue. */
  daysLeft: number;
  /** Null when more than 90 days away. */
  band: DeadlineBand | null;
}

export interface ClientDeadlinesOptions {
  /** The firm's zone, which decides the profile's submission day. */
  timeZone?: string;
}

function dueDates(facts: ClientDeadlineFacts, timeZone: string): Record<DeadlineKind, CalendarDate | null> {
  // An override stands on its own: the consultant may know the expiry without the submission time.
  const profile =
    facts.profileExpiresOn != null
      ? facts.profileExpiresOn
      : facts.profileSubmittedAt != null
        ? profileExpiresOn(facts.profileSubmittedAt, null, timeZone)
        : null;
  return {
    profile,
    application: facts.applicationDueOn ?? null,
    language_test: facts.languageTestDate == null ? null : languageTestExpiresOn(facts.languageTestDate),
    eca: facts.ecaIssuedOn == null ? null : ecaExpiresOn(facts.ecaIssuedOn),
    work_permit: facts.workPermitExpiresOn,
    passport: facts.passportExpiresOn,
  };
}

/**
 * Every known deadline with its band (null beyond 90 days; the caller filters for the radar),
 * sorted by days left ascending (most overdue first), then by `DEADLINE_KINDS` order.
 * `asOf` is today in the firm's zone: `todayIn(timeZone, now)`.
 */
export function clientDeadlines(
  facts: ClientDeadlineFacts,
  asOf: CalendarDate,
  options: ClientDeadlinesOptions = {},
): ClientDeadline[] {
  parseCalendarDate(asOf);
  const due = dueDates(facts, options.timeZone ?? DEFAULT_TIME_ZONE);
  const deadlines: ClientDeadline[] = [];
  for (const kind of DEADLINE_KINDS) {
    const dueOn = due[kind];
    if (dueOn == null) continue;
    const daysLeft = daysUntil(dueOn, asOf);
    deadlines.push({ kind, label: DEADLINE_KIND_LABELS[kind], dueOn, daysLeft, band: bandForDaysLeft(daysLeft) });
  }
  // Array.prototype.sort is stable, so equal days keep DEADLINE_KINDS order.
  return deadlines.sort((a, b) => a.daysLeft - b.daysLeft);
}
