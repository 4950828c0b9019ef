/**
 * The roster's page position as it travels in the URL (keyset pagination): the sort key values and
 * the id of the row the page starts after (or, going back, ends before), with the sort it was made
 * for. A deep page then costs what the first does — no OFFSET to count through — and the URL stays
 * shareable. Pure: no framework.
 */
import { z } from "@/lib/zod";
import { CLIENT_STATUSES } from "./status";

export const ROSTER_SORTS = ["name", "email", "profileNumber", "team", "consultant", "status", "crs", "margin", "profileSubmittedAt", "profileExpiresOn", "updatedAt"] as const;
export type RosterSort = (typeof ROSTER_SORTS)[number];

/** What each sort key holds, in ROSTER_SORT_KEYS' order (lib/db/clients/roster-sql.ts). */
export type SortKeyType = "text" | "int" | "instant" | "date" | "status";

/**
 * Each sort's keys before the id tie-break. Only a first key may be null (NULLS LAST both ways);
 * the others are NOT NULL columns, which is what lets the data layer page with row comparisons.
 */
export const SORT_KEY_TYPES: Record<RosterSort, { types: SortKeyType[]; nullable: boolean }> = {
  name: { types: ["text", "text"], nullable: false },
  email: { types: ["text"], nullable: true },
  profileNumber: { types: ["text"], nullable: true },
  team: { types: ["int", "text", "text"], nullable: false },
  consultant: { types: ["int", "text", "text"], nullable: true },
  status: { types: ["status", "text", "text"], nullable: false },
  crs: { types: ["int"], nullable: true },
  margin: { types: ["int"], nullable: true },
  profileSubmittedAt: { types: ["instant"], nullable: true },
  profileExpiresOn: { types: ["date"], nullable: true },
  updatedAt: { types: ["instant"], nullable: false },
};

const KEY_VALUE: Record<SortKeyType, z.ZodType> = {
  text: z.string().max(400),
  int: z.int().min(-100_000).max(100_000),
  instant: z.iso.datetime({ offset: true }),
  date: z.iso.date(),
  status: z.enum(CLIENT_STATUSES),
};

export type SortKeyValue = string | number | null;

export interface RosterCursor {
  sort: RosterSort;
  dir: "asc" | "desc";
  /** Sort key values of the boundary row, then its id. */
  keys: SortKeyValue[];
  id: string;
  /** "before": the page that ends just before the boundary row (the Previous link). */
  side: "after" | "before";
  /** Rows before the page, for the "51–100 of …" summary only (never used to query). */
  start: number;
}

const wireSchema = z.object({
  s: z.enum(ROSTER_SORTS),
  d: z.enum(["asc", "desc"]),
  k: z.array(z.union([z.string(), z.number(), z.null()])).max(3),
  i: z.uuid(),
  b: z.literal(1).optional(),
  n: z.int().min(0).max(10_000_000),
});

export const CURSOR_NOTICES = {
  damaged: "That page link is damaged or out of date, so the list starts again at the first page.",
  otherSort: "That page link belongs to a different sort order, so the list starts again at the first page.",
} as const;
export type CursorNotice = keyof typeof CURSOR_NOTICES;

// base64url by hand over btoa/atob: this module also runs in the browser (roster links), without Buffer.
function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
function fromBase64Url(raw: string): string {
  const binary = atob(raw.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
}

/** The cursor as it goes in the URL: base64url of a short JSON. */
export function encodeRosterCursor(cursor: RosterCursor): string {
  const wire = { s: cursor.sort, d: cursor.dir, k: cursor.keys, i: cursor.id, ...(cursor.side === "before" ? { b: 1 } : {}), n: cursor.start };
  return toBase64Url(JSON.stringify(wire));
}

/** Reads a cursor from the URL; null when it is not one this code wrote for some sort. */
export function decodeRosterCursor(raw: string): RosterCursor | null {
  if (raw.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(raw));
  } catch {
    return null;
  }
  const wire = wireSchema.safeParse(json);
  if (!wire.success) return null;
  const { s, d, k, i, b, n } = wire.data;
  const spec = SORT_KEY_TYPES[s];
  if (k.length !== spec.types.length) return null;
  const typed = k.every((value, index) => (value === null ? index === 0 && spec.nullable : KEY_VALUE[spec.types[index]].safeParse(value).success));
  if (!typed) return null;
  // With a null first key the rest of that sort's keys are still required (NOT NULL columns).
  return { sort: s, dir: d, keys: k, id: i, side: b ? "before" : "after", start: n };
}

/**
 * The cursor for a roster view: refused (with the notice to show) when it is damaged or was made
 * for another sort or direction, since its key values mean nothing in another order.
 */
export function cursorForView(raw: string | undefined, sort: RosterSort, dir: "asc" | "desc"): { cursor?: RosterCursor; notice?: CursorNotice } {
  if (raw === undefined || raw === "") return {};
  const cursor = decodeRosterCursor(raw);
  if (!cursor) return { notice: "damaged" };
  if (cursor.sort !== sort || cursor.dir !== dir) return { notice: "otherSort" };
  return { cursor };
}
