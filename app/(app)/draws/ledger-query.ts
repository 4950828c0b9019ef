/**
 * The ledger's view state as it lives in the URL: which kinds and dates (for the table and the
 * chart alike), the table's sort and page. Server-side (the sorts come from lib/db/draws).
 */
import { categoryCodeSchema } from "@/lib/clients/schema";
import { z } from "@/lib/zod";
import { isCalendarDate } from "@/lib/dates/calendar-date";
import { DRAW_SORTS } from "@/lib/db/draws";
import { DRAW_KINDS, type DrawKind } from "@/lib/draws/kinds";

const date = z.preprocess((v) => (v === "" ? undefined : v), z.string().refine(isCalendarDate).optional()).catch(undefined);
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : String(v).split(",")), z.array(item)).catch([]);

export const ledgerQuerySchema = z.object({
  // A built-in kind, or the code of a category an administrator created (stored in the same column).
  kind: list(z.union([z.enum(DRAW_KINDS), categoryCodeSchema.transform((code) => code as DrawKind)])),
  from: date,
  to: date,
  sort: z.enum(DRAW_SORTS).default("newest").catch("newest"),
  page: z.preprocess((v) => (v === undefined || v === "" ? 1 : Number(v)), z.int().min(1).max(10_000)).catch(1),
  /** The round whose pool movement is shown; none: the newest with a published distribution. */
  pool: z.string().trim().min(1).max(40).optional().catch(undefined),
});
export type LedgerQuery = z.infer<typeof ledgerQuerySchema>;

export function ledgerHref(query: Partial<LedgerQuery>): string {
  const search = new URLSearchParams();
  for (const kind of query.kind ?? []) search.append("kind", kind);
  if (query.from) search.set("from", query.from);
  if (query.to) search.set("to", query.to);
  if (query.sort && query.sort !== "newest") search.set("sort", query.sort);
  if (query.page && query.page > 1) search.set("page", String(query.page));
  if (query.pool) search.set("pool", query.pool);
  const s = search.toString();
  return s ? `/draws?${s}` : "/draws";
}

/** The ledger's state other than the pool round, as hidden fields for the pool movement's GET form. */
export function ledgerHiddenFields(query: LedgerQuery): Record<string, string | string[]> {
  const params = new URLSearchParams(ledgerHref({ ...query, pool: undefined }).split("?")[1] ?? "");
  const fields: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) fields[key] = params.getAll(key);
  return fields;
}
