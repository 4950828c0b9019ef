/**
 * The draw page's view state as it lives in the URL (filters and the page of each list), shared by
 * the page and its CSV export so that the export always equals the screen. Pure: no framework.
 */
import { z } from "@/lib/zod";

const optionalInt = (min: number, max: number) =>
  z.preprocess((v) => (v === undefined || v === "" ? undefined : Number(v)), z.int().min(min).max(max).optional()).catch(undefined);
const page = z.preprocess((v) => (v === undefined || v === "" ? 1 : Number(v)), z.int().min(1).max(100_000)).catch(1);
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const impactQuerySchema = z.object({
  team: z.preprocess(first, z.uuid().optional()).catch(undefined),
  consultant: z.preprocess(first, z.uuid().optional()).catch(undefined),
  /** Near-miss margin in CRS points; default the firm's. */
  margin: z.preprocess(first, optionalInt(0, 200)),
  abovePage: z.preprocess(first, page),
  newPage: z.preprocess(first, page),
  nearPage: z.preprocess(first, page),
  closePage: z.preprocess(first, page),
});
export type ImpactQuery = z.infer<typeof impactQuerySchema>;

export const IMPACT_PAGE_SIZE = 25;

/** The URL search string of a state, defaults left out. */
export function impactSearch(query: Partial<ImpactQuery>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (key.endsWith("Page") && value === 1) continue;
    search.set(key, String(value));
  }
  return search.toString();
}
