/**
 * The roster page's shapes, apart from the queries so that clients/index.ts (which re-exports them) and
 * roster.ts (which builds them) need not import each other.
 */
import type { ClientStatus } from "@/lib/clients/status";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import type { DeadlineBand, DeadlineKind } from "@/lib/deadlines";
import type { DrawKind, Program } from "@/lib/draws/kinds";

/** The newest draw of a kind, as the roster's margin and "above/below" filter read it. */
export interface LatestCutoff {
  kind: DrawKind;
  drawNumber: string;
  cutoff: number;
  /** IRCC's draw date, YYYY-MM-DD. */
  date: CalendarDate;
}

export interface RosterDeadline {
  kind: DeadlineKind;
  dueOn: CalendarDate;
  /** Negative when overdue. */
  daysLeft: number;
  band: DeadlineBand;
}

export interface RosterRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  profileNumber: string | null;
  teamId: string;
  teamName: string;
  consultantId: string | null;
  consultantName: string | null;
  status: ClientStatus;
  crs: number | null;
  /** crs - the latest relevant cut-off; null without a score or without a relevant draw. */
  margin: number | null;
  marginDraw: { number: string; kind: DrawKind; cutoff: number } | null;
  programs: Program[];
  categories: string[];
  /** ISO instant. */
  profileSubmittedAt: string | null;
  profileExpiresOn: CalendarDate | null;
  /** Only those due within 90 days or overdue, most urgent first. */
  deadlines: RosterDeadline[];
  archived: boolean;
  /** ISO instant. */
  updatedAt: string;
  version: number;
}

export interface RosterPage {
  rows: RosterRow[];
  total: number;
  /** Rows before this page in the view (for "51–100 of …"; approximate once rows move). */
  start: number;
  pageSize: number;
  /** Cursor of the page before / after this one; null at the start / the end. */
  previousCursor: string | null;
  nextCursor: string | null;
  /** Newest draw of every kind that has one, newest first. */
  latestCutoffs: LatestCutoff[];
}
