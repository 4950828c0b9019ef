/**
 * The roster's view state (filters, sort, page position, columns) as it lives in the URL, so a view can be
 * bookmarked and shared. One schema for the page, the data layer and the exports, so an export
 * always equals the screen. Pure: no framework.
 */
import { z } from "@/lib/zod";
import { DRAW_KINDS, PROGRAMS } from "@/lib/draws/kinds";
import { CURSOR_NOTICES, cursorForView, ROSTER_SORTS, type RosterSort } from "./roster-cursor";
import { CLIENT_STATUSES } from "./status";

export const ROSTER_COLUMNS = [
  "name",
  "email",
  "profileNumber",
  "team",
  "consultant",
  "status",
  "crs",
  "margin",
  "programs",
  "categories",
  "profileSubmittedAt",
  "profileExpiresOn",
  "deadlines",
  "updatedAt",
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

export const ROSTER_COLUMN_LABELS: Record<RosterColumn, string> = {
  name: "Name",
  email: "Email",
  profileNumber: "Profile number",
  team: "Team",
  consultant: "Consultant",
  status: "Status",
  crs: "CRS",
  margin: "Margin",
  programs: "Programs",
  categories: "Categories",
  profileSubmittedAt: "Submitted",
  profileExpiresOn: "Profile expires",
  deadlines: "Deadlines",
  updatedAt: "Updated",
};

export const DEFAULT_COLUMNS: RosterColumn[] = ["name", "profileNumber", "team", "consultant", "status", "crs", "margin", "profileExpiresOn", "deadlines"];

export const SORTABLE_COLUMNS = ROSTER_SORTS;
export type { RosterSort };

export const PAGE_SIZES = [25, 50, 100] as const;

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : String(v).split(",")), z.array(item)).default([]);
const optionalInt = (min: number, max: number) =>
  z.preprocess((v) => (v === undefined || v === "" ? undefined : Number(v)), z.int().min(min).max(max).optional());

const viewSchema = z.object({
  /** Search on name, email and profile number. */
  q: z.string().trim().max(100).optional().catch(undefined),
  team: list(z.uuid()).catch([]),
  consultant: list(z.uuid()).catch([]),
  status: list(z.enum(CLIENT_STATUSES)).catch([]),
  program: list(z.enum(PROGRAMS)).catch([]),
  category: list(z.string().regex(/^[a-z][a-z0-9_]{1,39}$/)).catch([]),
  crsMin: optionalInt(0, 1200).catch(undefined),
  crsMax: optionalInt(0, 1200).catch(undefined),
  /** Any deadline (profile, language test, ECA, work permit, passport) due within N days, overdue included. */
  expiringWithin: optionalInt(0, 3650).catch(undefined),
  /** Above or below the latest cut-off of a draw kind, e.g. "above:cec". */
  cutoff: z
    .string()
    .regex(new RegExp(`^(above|below):(${DRAW_KINDS.join("|")})$`))
    .optional()
    .catch(undefined),
  /** "open": invited, application not submitted yet (status ita_received). */
  ita: z.enum(["open"]).optional().catch(undefined),
  archived: z.enum(["exclude", "include", "only"]).default("exclude").catch("exclude"),
  sort: z.enum(SORTABLE_COLUMNS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  /** The page's position (roster-cursor.ts); absent: the first page. */
  cursor: z.string().max(2000).optional().catch(undefined),
  pageSize: z.preprocess((v) => (v === undefined ? undefined : Number(v)), z.union(PAGE_SIZES.map((n) => z.literal(n)) as [z.ZodLiteral<25>, z.ZodLiteral<50>, z.ZodLiteral<100>]).default(50)).catch(50),
  cols: list(z.enum(ROSTER_COLUMNS)).catch([]),
});

/**
 * The view with its cursor checked against its sort: a damaged cursor, or one made for another
 * sort or direction, is dropped — the first page is shown with `cursorNotice` saying why — rather
 * than failing the page, since such links come from bookmarks and shared URLs.
 */
export const rosterQuerySchema = viewSchema.transform((view) => {
  const { cursor, notice } = cursorForView(view.cursor, view.sort, view.dir);
  return { ...view, cursor: cursor ? view.cursor : undefined, cursorNotice: notice ? CURSOR_NOTICES[notice] : undefined };
});

export type RosterQuery = z.output<typeof rosterQuerySchema>;

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

/** Reads the roster state from a URL's search params; bad values fall back to defaults. */
export function parseRosterQuery(params: SearchParamsLike): RosterQuery {
  const raw: Record<string, unknown> = {};
  if (params instanceof URLSearchParams) {
    for (const key of new Set(params.keys())) {
      const values = params.getAll(key);
      raw[key] = values.length > 1 ? values : values[0];
    }
  } else {
    Object.assign(raw, params);
  }
  const query = rosterQuerySchema.parse(raw);
  return { ...query, cols: query.cols.length ? query.cols : DEFAULT_COLUMNS };
}

/** The search string for a roster state, leaving out defaults so URLs stay short. */
export function rosterQueryToSearch(query: Partial<RosterQuery>): string {
  const params = new URLSearchParams();
  const set = (key: string, value: unknown) => {
    if (value === undefined || value === null || value === "") return;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(","));
      return;
    }
    params.set(key, String(value));
  };
  set("q", query.q);
  set("team", query.team);
  set("consultant", query.consultant);
  set("status", query.status);
  set("program", query.program);
  set("category", query.category);
  set("crsMin", query.crsMin);
  set("crsMax", query.crsMax);
  set("expiringWithin", query.expiringWithin);
  set("cutoff", query.cutoff);
  set("ita", query.ita);
  if (query.archived && query.archived !== "exclude") set("archived", query.archived);
  if (query.sort && query.sort !== "name") set("sort", query.sort);
  if (query.dir && query.dir !== "asc") set("dir", query.dir);
  set("cursor", query.cursor);
  if (query.pageSize && query.pageSize !== 50) set("pageSize", query.pageSize);
  if (query.cols && query.cols.join(",") !== DEFAULT_COLUMNS.join(",")) set("cols", query.cols);
  return params.toString();
}
