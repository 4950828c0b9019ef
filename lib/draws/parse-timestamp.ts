/**
 * Reads the dates and times that IRCC types by hand into its rounds feed ("October 29, 2025 at
 * 04:35:24 UTC", "March 02. 2024 at 01:58:34 UTC", "October 7 at 16:38:21 UTC", …).
 *
 * Rather than one regular expression per shape seen so far, the text is split into tokens
 * (month word, day, year, ISO date, time, AM/PM, zone, filler) and each token is read on its own,
 * so new combinations of the same pieces keep working. Anything left over that is not one of
 * those pieces makes the value unreadable: it is reported, never guessed.
 */
import { TZDate } from "@date-fns/tz";
import { addDays, format, isAfter } from "date-fns";

export interface TimestampResult {
  /** ISO 8601 UTC, e.g. "2025-10-29T04:35:24Z"; null when empty or unreadable. */
  iso: string | null;
  /** Why the value was not read, or what about it should be checked. */
  warning?: string;
}

export interface DateResult {
  /** YYYY-MM-DD, or null when empty or unreadable. */
  date: string | null;
  warning?: string;
}

const MONTHS = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
];
const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const FILLERS = new Set(["at", "on", "the", "of"]);
const UTC_ZONES = new Set(["utc", "gmt", "z"]);
const OTHER_ZONES = /^(e[sd]?t|c[sd]?t|m[sd]?t|p[sd]?t|a[sd]?t|n[sd]?t)$/;

interface Scanned {
  month?: number;
  day?: number;
  year?: number;
  isoDate?: { year: number; month: number; day: number };
  time?: { hour: number; minute: number; second: number };
  meridiem?: "am" | "pm";
}

/** One token at a time; the order of the alternatives matters (time before ISO date before number). */
const TOKEN =
  /\s*(?:(\d{1,2}):(\d{2})(?::(\d{2}))?|(\d{4})-(\d{1,2})-(\d{1,2})|(\d+)(?:st|nd|rd|th)?|([a-z]+)\.?|([,.()]))/y;

function scan(raw: string): Scanned | string {
  const text = raw
    .normalize("NFKC")
    .toLowerCase()
    // "a.m." / "p.m."
    .replace(/\b([ap])\.m\.?/g, "$1m")
    // ISO "2025-10-29T04:35:24Z"
    .replace(/(\d{4}-\d{1,2}-\d{1,2})t(?=\d)/g, "$1 ")
    // "+00:00" or "UTC+0": still UTC
    .replace(/\s*(?:utc|gmt)?\s*[+-]0{1,2}(?::?00)?(?![\d:])/g, " utc")
    .trim();
  const found: Scanned = {};
  const twice = (what: string) => `more than one ${what}`;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) return `cannot read "${text.slice(at).trim()}"`;
    const [, h, mi, s, isoY, isoM, isoD, num, word] = m;
    if (h !== undefined) {
      if (found.time) return twice("time of day");
      found.time = { hour: Number(h), minute: Number(mi), second: s === undefined ? 0 : Number(s) };
    } else if (isoY !== undefined) {
      if (found.isoDate) return twice("date");
      found.isoDate = { year: Number(isoY), month: Number(isoM), day: Number(isoD) };
    } else if (num !== undefined) {
      if (num.length === 4) {
        if (found.year !== undefined) return twice("year");
        found.year = Number(num);
      } else if (num.length <= 2) {
        if (found.day !== undefined) return `cannot tell the day from "${num}"`;
        found.day = Number(num);
      } else {
        return `cannot read the number "${num}"`;
      }
    } else if (word !== undefined) {
      const problem = readWord(word, found);
      if (problem) return problem;
    }
  }
  return found;
}

function readWord(word: string, found: Scanned): string | undefined {
  if (FILLERS.has(word) || UTC_ZONES.has(word)) return;
  if (word.length >= 3 && WEEKDAYS.some((d) => d.startsWith(word))) return;
  if (word === "am" || word === "pm") {
    found.meridiem = word;
    return;
  }
  if (OTHER_ZONES.test(word)) return `time zone "${word.toUpperCase()}" is not UTC`;
  // "Sept", "Sep.", "Oct": any prefix of three letters or more names one month.
  const month = word.length >= 3 ? MONTHS.findIndex((name) => name.startsWith(word)) : -1;
  if (month === -1) return `cannot read "${word}"`;
  if (found.month !== undefined) return "more than one month";
  found.month = month + 1;
}

/**
 * The calendar day of the scanned text. A missing year is taken from the reference date (the
 * draw's date): IRCC's dates in a round are on or before the draw, so the year is the one that
 * puts the day at or before it — a December tie-break of a January draw is last year's.
 */
function resolveDay(found: Scanned, referenceDate: string | undefined): TZDate | string {
  let { year, month, day } = found;
  if (found.isoDate) {
    // "January 23, 2025 at 2025-01-23 15:30:04 UTC": two dates typed; use them only if they agree.
    const iso = found.isoDate;
    const disagrees =
      (month !== undefined && month !== iso.month) ||
      (day !== undefined && day !== iso.day) ||
      (year !== undefined && year !== iso.year);
    if (disagrees) return "its two dates disagree";
    ({ year, month, day } = iso);
  }
  if (month === undefined) return day === undefined ? "no date" : "no month";
  if (day === undefined) return "no day";
  const date = (y: number) => new TZDate(y, month - 1, day, "UTC");
  if (year === undefined) {
    const reference = referenceDate ? utcDay(referenceDate) : null;
    if (!reference) return "no year, and no draw date to infer it from";
    // One day of slack: the draw's date is Ottawa's, a UTC time can fall on the next day.
    const sameYear = reference.getFullYear();
    year = isAfter(date(sameYear), addDays(reference, 1)) ? sameYear - 1 : sameYear;
  }
  const result = date(year);
  if (result.getFullYear() !== year || result.getMonth() !== month - 1 || result.getDate() !== day) {
    return `${year}-${month}-${day} is not a date`;
  }
  return result;
}

function utcDay(isoDate: string): TZDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), "UTC") : null;
}

/**
 * IRCC writes a 24-hour clock and sometimes adds a stray "AM"/"PM" ("20:19:59 PM",
 * "15:48:39 AM"): an hour of 13 or more keeps its value. A real 12-hour time ("3:15:00 PM")
 * is converted. "12:xx AM" is read as just after midnight, with a warning, since IRCC's stray
 * markers make it ambiguous.
 */
function to24Hour(hour: number, meridiem: Scanned["meridiem"]): { hour: number; warning?: string } {
  if (meridiem === "pm" && hour >= 1 && hour <= 11) return { hour: hour + 12 };
  if (meridiem === "am" && hour === 12) {
    return { hour: 0, warning: "12 AM read as 00 h (midnight); check it was not noon" };
  }
  return { hour };
}

/** Reads one timestamp; `drawDate` (YYYY-MM-DD) supplies a missing year. */
export function parseIrccTimestamp(
  text: string | null | undefined,
  drawDate?: string,
): TimestampResult {
  if (text == null || text.trim() === "") return { iso: null };
  const found = scan(text);
  if (typeof found === "string") return { iso: null, warning: found };
  if (!found.time) return { iso: null, warning: "no time of day" };
  const day = resolveDay(found, drawDate);
  if (typeof day === "string") return { iso: null, warning: day };
  const { minute, second } = found.time;
  const { hour, warning } = to24Hour(found.time.hour, found.meridiem);
  if (hour > 23 || minute > 59 || second > 59) {
    return { iso: null, warning: `${found.time.hour}:${minute}:${second} is not a time of day` };
  }
  const at = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hour, minute, second, "UTC");
  const iso = format(at, "yyyy-MM-dd'T'HH:mm:ss'Z'");
  return warning ? { iso, warning } : { iso };
}

/**
 * Reads a calendar date ("2026-05-28", "May 28, 2026", "May 24 2026"). A time in the text is
 * ignored. Without a year, `referenceDate` supplies it the same way as for timestamps.
 */
export function parseIrccDate(text: string | null | undefined, referenceDate?: string): DateResult {
  if (text == null || text.trim() === "") return { date: null };
  const found = scan(text);
  if (typeof found === "string") return { date: null, warning: found };
  const day = resolveDay(found, referenceDate);
  if (typeof day === "string") return { date: null, warning: day };
  return { date: format(day, "yyyy-MM-dd") };
}
