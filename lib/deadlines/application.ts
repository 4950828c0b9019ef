/**
 * The application deadline after an ITA, and which documents must outlive it (issue 13).
 * Pure: dates in, dates out; "today" is always an argument.
 */
import { type CalendarDate, addDaysToDate, addMonthsToDate, parseCalendarDate } from "@/lib/dates/calendar-date";

/** IRCC gives an invited candidate 60 calendar days to submit a complete application. */
export const APPLICATION_WINDOW_DAYS = 60;
/** A consultant's usual margin: documents should stay valid this long after the due date. */
export const DEFAULT_DOCUMENT_BUFFER_MONTHS = 6;

/** Last day to submit: the ITA date (a day in the firm's zone) plus 60 calendar days. */
export function applicationDueOn(itaDate: CalendarDate): CalendarDate {
  parseCalendarDate(itaDate);
  return addDaysToDate(itaDate, APPLICATION_WINDOW_DAYS);
}

export const RISK_DOCUMENTS = ["language_test", "eca", "passport", "work_permit"] as const;
export type RiskDocument = (typeof RISK_DOCUMENTS)[number];

export const RISK_DOCUMENT_LABELS: Record<RiskDocument, string> = {
  language_test: "Language test results",
  eca: "Educational credential assessment (ECA)",
  passport: "Passport",
  work_permit: "Work permit",
};

/** Each tracked document's last valid day (already computed: language test +2 years, ECA +5). */
export type DocumentExpiries = Partial<Record<RiskDocument, CalendarDate | null>>;

export interface DocumentRisk {
  document: RiskDocument;
  expiresOn: CalendarDate;
  /** "before_due": lapses before the application can be filed on the last day; "within_buffer": lapses soon after. */
  severity: "before_due" | "within_buffer";
}

/**
 * Documents that lapse before the due date, or within `bufferMonths` after it (the firm's setting).
 * A document valid on the due date itself is not "before_due" (the due date is its last good day).
 * Most severe first, then earliest expiry.
 */
export function documentsAtRisk(dueOn: CalendarDate, documents: DocumentExpiries, bufferMonths: number = DEFAULT_DOCUMENT_BUFFER_MONTHS): DocumentRisk[] {
  parseCalendarDate(dueOn);
  if (!(Number.isInteger(bufferMonths) && bufferMonths >= 0)) throw new RangeError("The document buffer must be a whole number of months, 0 or more.");
  const bufferEnd = addMonthsToDate(dueOn, bufferMonths);
  const risks: DocumentRisk[] = [];
  for (const document of RISK_DOCUMENTS) {
    const expiresOn = documents[document];
    if (expiresOn == null) continue;
    parseCalendarDate(expiresOn);
    if (expiresOn < dueOn) risks.push({ document, expiresOn, severity: "before_due" });
    else if (expiresOn <= bufferEnd) risks.push({ document, expiresOn, severity: "within_buffer" });
  }
  const rank = { before_due: 0, within_buffer: 1 };
  return risks.sort((a, b) => rank[a.severity] - rank[b.severity] || a.expiresOn.localeCompare(b.expiresOn));
}
