/**
 * The roster status report's columns: the columns of the roster view the user is looking at (same
 * RosterQuery, same order), widened so that a report always carries what a status report needs —
 * the CRS, the margin against the latest cut-off of every kind the client can be drawn in, the
 * status and every deadline. Pure.
 *
 * Margins: one numeric column per draw kind present in the ledger ("Margin: CEC #412 (cut-off
 * 520)"), blank where the kind is not relevant to the client (lib/clients/relevant-kinds.ts, as
 * the roster decides it). Chosen over a compact "CEC: +12; PNP: −3" text cell because numbers stay
 * numbers: a consultant can sort and filter "CEC margin ≥ 0" in Excel. There are at most fifteen
 * kinds, so the sheet stays readable; the header names the draw and cut-off measured against.
 */
import { type KindRequirement, latestRelevantDraw, marginTo, meetsRequirement, relevantKinds } from "@/lib/clients/relevant-kinds";
import { ROSTER_COLUMNS, type RosterColumn, type RosterQuery } from "@/lib/clients/roster-query";
import { CLIENT_STATUS_LABELS, type ClientStatus } from "@/lib/clients/status";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { DEADLINE_KIND_LABELS, DEADLINE_KINDS, type DeadlineKind } from "@/lib/deadlines/client-deadlines";
import { DRAW_KIND_LABELS, DRAW_KINDS, type DrawKind } from "@/lib/draws/kinds";
import { column, type ReportColumn } from "./columns";
import { daysBetween, DRAW_KIND_SHORT } from "./labels";

/** One client as the export reads it; instants are wall-clock times in the firm's zone. */
export interface RosterReportRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  profileNumber: string | null;
  teamName: string;
  consultantName: string | null;
  status: ClientStatus;
  crs: number | null;
  programs: string[];
  categories: string[];
  nominationProvince: string | null;
  /** "YYYY-MM-DDTHH:mm:ss" in the firm's zone. */
  profileSubmittedAt: string | null;
  profileExpiresOn: CalendarDate | null;
  languageTestExpiresOn: CalendarDate | null;
  ecaExpiresOn: CalendarDate | null;
  workPermitExpiresOn: CalendarDate | null;
  passportExpiresOn: CalendarDate | null;
  /** Last day to apply, while the ITA is open (status ita_received). */
  applicationDueOn: CalendarDate | null;
  itaRound: string | null;
  archived: boolean;
  /** "YYYY-MM-DDTHH:mm:ss" in the firm's zone; the export reads it (and email, profileSubmittedAt) only when the view shows it. */
  updatedAt: string | null;
}

/** The newest draw of a kind (the roster's latestCutoffs), newest first. */
export interface LatestKindCutoff {
  kind: DrawKind;
  drawNumber: string;
  cutoff: number;
  date: CalendarDate;
}

export interface RosterReportContext {
  cols: readonly RosterColumn[];
  archived: RosterQuery["archived"];
  latest: readonly LatestKindCutoff[];
  timeZone: string;
  /** Today in the firm's zone: days to the next deadline count from it. */
  today: CalendarDate;
}

/** A row with what several columns derive from it, computed once per row (100,000 rows × 20 columns). */
export interface RosterReportLine extends RosterReportRow {
  latestRelevant: { margin: number | null; draw: LatestKindCutoff | null };
  /** The kinds the client can be drawn in (relevantKinds). */
  relevant: readonly string[];
  next: { kind: DeadlineKind; label: string; daysLeft: number } | null;
}

type Col = ReportColumn<RosterReportLine>;

const DUE: Record<DeadlineKind, (row: RosterReportRow) => CalendarDate | null> = {
  profile: (r) => r.profileExpiresOn,
  application: (r) => r.applicationDueOn,
  language_test: (r) => r.languageTestExpiresOn,
  eca: (r) => r.ecaExpiresOn,
  work_permit: (r) => r.workPermitExpiresOn,
  passport: (r) => r.passportExpiresOn,
};

const DEADLINE_HEADERS: Record<DeadlineKind, string> = {
  profile: "Profile expires",
  application: "Application due (60 days after ITA)",
  language_test: "Language test expires",
  eca: "ECA expires",
  work_permit: "Work permit expires",
  passport: "Passport expires",
};

const kindList = (values: readonly string[]) => values.map((v) => DRAW_KIND_LABELS[v as DrawKind] ?? v).join(", ");

function marginColumns(latest: readonly LatestKindCutoff[]): Col[] {
  const perKind = DRAW_KINDS.flatMap((kind) => {
    const draw = latest.find((l) => l.kind === kind);
    if (!draw || kind === "unrecognised") return [];
    return [
      column<RosterReportLine>(`margin_${kind}`, `Margin: ${DRAW_KIND_SHORT[kind]} #${draw.drawNumber} (cut-off ${draw.cutoff})`, "number", 10, (row) =>
        row.relevant.includes(kind) ? marginTo(row.crs, draw) : null,
      ),
    ];
  });
  return [
    column<RosterReportLine>("margin", "Margin (latest relevant cut-off)", "number", 12, (row) => row.latestRelevant.margin),
    column<RosterReportLine>("marginDraw", "Margin measured against", "text", 26, (row) => {
      const { draw } = row.latestRelevant;
      return draw ? `${DRAW_KIND_SHORT[draw.kind]} #${draw.drawNumber}, cut-off ${draw.cutoff}` : null;
    }),
    ...perKind,
  ];
}

function deadlineColumns(): Col[] {
  return [
    ...DEADLINE_KINDS.map((kind) => column<RosterReportLine>(`due_${kind}`, DEADLINE_HEADERS[kind], "date", 12, DUE[kind])),
    column<RosterReportLine>("nextDeadline", "Next deadline", "text", 24, (row) => row.next?.label ?? null),
    column<RosterReportLine>("nextDeadlineDays", "Days to next deadline", "number", 10, (row) => row.next?.daysLeft ?? null),
  ];
}

/**
 * The soonest deadline (overdue ones first), DEADLINE_KINDS order on a tie. Calendar dates
 * ("YYYY-MM-DD") order as text, so the soonest is found by comparing strings and only its days
 * are counted: one date sum a row instead of six (100,000 rows).
 */
export function nextDeadline(row: RosterReportRow, today: CalendarDate, daysFromToday = (due: CalendarDate) => daysBetween(today, due)): { kind: DeadlineKind; label: string; daysLeft: number } | null {
  let kind: DeadlineKind | null = null;
  let soonest: CalendarDate | null = null;
  for (const k of DEADLINE_KINDS) {
    const due = DUE[k](row);
    if (due != null && (soonest === null || due < soonest)) {
      kind = k;
      soonest = due;
    }
  }
  return kind === null || soonest === null ? null : { kind, label: DEADLINE_KIND_LABELS[kind], daysLeft: daysFromToday(soonest) };
}

/** Distinct values remembered per report: far more than the dates or program combinations a roster has, and a bound on memory. */
const MEMO_LIMIT = 10_000;

function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute(key);
      if (known.size < MEMO_LIMIT) known.set(key, value);
    }
    return value;
  };
}

/**
 * relevantKinds and the latest relevant draw, worked out once per combination of programs,
 * nomination and categories. Rows from the export share their arrays (one per distinct text,
 * lib/db/exports/roster-statements.ts), so the arrays themselves are the keys; other rows only
 * miss, which is still correct.
 */
const NOMINATION: KindRequirement = { needs: "nomination" };

function relevanceOf(latest: readonly LatestKindCutoff[]) {
  const byPrograms = new WeakMap<readonly string[], WeakMap<readonly string[], Relevance[]>>();
  return (row: RosterReportRow): Relevance => {
    let byCategories = byPrograms.get(row.programs);
    if (!byCategories) byPrograms.set(row.programs, (byCategories = new WeakMap()));
    let pair = byCategories.get(row.categories);
    if (!pair) byCategories.set(row.categories, (pair = []));
    const nominated = meetsRequirement(row, NOMINATION) ? 1 : 0;
    let relevance = pair[nominated];
    if (!relevance) {
      relevance = pair[nominated] = { relevant: relevantKinds(row), draw: latestRelevantDraw(row, latest) };
    }
    return relevance;
  };
}

interface Relevance {
  relevant: readonly string[];
  draw: LatestKindCutoff | null;
}

export interface RosterReport {
  columns: Col[];
  /**
   * The row with its derived values, for the columns. It adds them to the row it is given (no
   * copy: at 100,000 rows a copy per row is tens of megabytes of garbage); pass rows you own.
   */
  line(row: RosterReportRow): RosterReportLine;
}

/** The report for a roster view: its columns in the view's order, then what a status report adds. */
export function rosterReport(ctx: RosterReportContext): RosterReport {
  const zone = ctx.timeZone;
  const relevance = relevanceOf(ctx.latest);
  const daysFromToday = memo((due: CalendarDate) => daysBetween(ctx.today, due));
  const groups: Record<RosterColumn | "archivedFlag", () => Col[]> = {
    name: () => [
      column<RosterReportLine>("lastName", "Last name", "text", 16, (r) => r.lastName),
      column<RosterReportLine>("firstName", "First name", "text", 14, (r) => r.firstName),
    ],
    email: () => [column<RosterReportLine>("email", "Email", "text", 28, (r) => r.email)],
    profileNumber: () => [column<RosterReportLine>("profileNumber", "Profile number", "text", 16, (r) => r.profileNumber)],
    team: () => [column<RosterReportLine>("team", "Team", "text", 16, (r) => r.teamName)],
    consultant: () => [column<RosterReportLine>("consultant", "Consultant", "text", 20, (r) => r.consultantName)],
    status: () => [column<RosterReportLine>("status", "Status", "text", 22, (r) => CLIENT_STATUS_LABELS[r.status] ?? r.status)],
    crs: () => [column<RosterReportLine>("crs", "CRS", "number", 6, (r) => r.crs)],
    margin: () => marginColumns(ctx.latest),
    programs: () => [column<RosterReportLine>("programs", "Programs", "text", 12, (r) => r.programs.join(", "))],
    categories: () => [column<RosterReportLine>("categories", "Categories", "text", 24, (r) => kindList(r.categories))],
    profileSubmittedAt: () => [column<RosterReportLine>("profileSubmittedAt", `Profile submitted (${zone})`, "datetime", 20, (r) => r.profileSubmittedAt)],
    // The profile expiry is one of the deadlines, which every report carries.
    profileExpiresOn: deadlineColumns,
    deadlines: deadlineColumns,
    updatedAt: () => [column<RosterReportLine>("updatedAt", `Updated (${zone})`, "datetime", 20, (r) => r.updatedAt)],
    archivedFlag: () => [column<RosterReportLine>("archived", "Archived", "text", 9, (r) => (r.archived ? "Yes" : "No"))],
  };
  const order: (RosterColumn | "archivedFlag")[] = [];
  const add = (col: RosterColumn | "archivedFlag") => {
    const same = col === "profileExpiresOn" || col === "deadlines" ? ["profileExpiresOn", "deadlines"] : [col];
    if (!order.some((c) => same.includes(c))) order.push(col);
  };
  const view = ctx.cols.filter((c) => (ROSTER_COLUMNS as readonly string[]).includes(c));
  if (!view.includes("name")) add("name");
  view.forEach(add);
  (["status", "crs", "margin", "deadlines"] as const).forEach(add);
  if (ctx.archived !== "exclude") add("archivedFlag");
  return {
    columns: order.flatMap((col) => groups[col]()),
    line: (row) => {
      const line = row as RosterReportLine;
      const { relevant, draw } = relevance(row);
      line.relevant = relevant;
      line.latestRelevant = { margin: marginTo(row.crs, draw), draw };
      line.next = nextDeadline(row, ctx.today, daysFromToday);
      return line;
    },
  };
}
