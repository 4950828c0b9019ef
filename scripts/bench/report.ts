import { round } from "./stats";

/**
 * The benchmark's figures (one flat object, stable names with units) and its targets, as JSON or
 * as a table for people.
 */

export type Figures = Record<string, number | string | boolean | null>;

export interface Target {
  figure: string;
  /** The figure must be at most this. */
  max: number;
  value: number | null;
  pass: boolean;
}

export const TARGET_RULES: { match: RegExp; max: number; label: string }[] = [
  { match: /^roster_.*_p95_ms$/, max: 100, label: "roster page p95" },
  { match: /^draw_impact_[a-z]+_p95_ms$/, max: 300, label: "draw impact p95" },
  { match: /^dashboard_p95_ms$/, max: 500, label: "dashboard data p95" },
  { match: /_app_to_raw_ratio$/, max: 2, label: "app / raw SQL (p50)" },
  { match: /^export_csv_\w+_ms$/, max: 5000, label: "CSV export" },
  { match: /^export_csv_\w+_peak_rss_mb$/, max: 300, label: "CSV export peak RSS" },
  { match: /^export_xlsx_\w+_ms$/, max: 20000, label: "XLSX export" },
  // "Bounded memory" for XLSX: the same ceiling as the CSV's, whatever the row count.
  { match: /^export_xlsx_\w+_peak_rss_mb$/, max: 300, label: "XLSX export peak RSS" },
  { match: /^match_new_draw_ms$/, max: 1000, label: "match a new draw" },
  { match: /^seed_\w+_clients_ms$/, max: 60000, label: "seed clients (bulk insert)" },
];

const EXCLUDED = /(_raw_p\d+_ms|_first_byte_ms|_base_rss_mb|_peak_heap_used_mb)$/;

export function targetsOf(figures: Figures): Record<string, Target> {
  const targets: Record<string, Target> = {};
  for (const [figure, value] of Object.entries(figures)) {
    if (EXCLUDED.test(figure) || figure.startsWith("seed_generate")) continue;
    const rule = TARGET_RULES.find((r) => r.match.test(figure));
    if (!rule) continue;
    const number = typeof value === "number" && Number.isFinite(value) ? value : null;
    targets[figure] = { figure, max: rule.max, value: number, pass: number !== null && number <= rule.max };
  }
  return targets;
}

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - text.length));
const padStart = (text: string, width: number) => " ".repeat(Math.max(0, width - text.length)) + text;

function show(value: number | string | boolean | null | undefined): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "number") return String(round(value));
  return String(value);
}

/** Rows of the people's table: a measurement with its p50, p95, raw p50/p95, ratio and verdict. */
export function formatTable(figures: Figures, targets: Record<string, Target>, groups: { title: string; base: string }[]): string {
  const lines: string[] = [];
  const header = [pad("measurement", 34), padStart("p50 ms", 9), padStart("p95 ms", 9), padStart("raw p50", 9), padStart("raw p95", 9), padStart("app/raw", 8), "  target", "  result"];
  lines.push(header.join(""), "-".repeat(header.join("").length + 6));
  for (const { title, base } of groups) {
    const p95 = targets[`${base}_p95_ms`];
    const ratio = targets[`${base}_app_to_raw_ratio`];
    const verdicts = [p95, ratio].filter(Boolean) as Target[];
    const limit = [p95 ? `≤${p95.max} ms` : null, ratio ? `≤${ratio.max}×` : null].filter(Boolean).join(", ");
    lines.push(
      [
        pad(title, 34),
        padStart(show(figures[`${base}_p50_ms`]), 9),
        padStart(show(figures[`${base}_p95_ms`]), 9),
        padStart(show(figures[`${base}_raw_p50_ms`]), 9),
        padStart(show(figures[`${base}_raw_p95_ms`]), 9),
        padStart(show(figures[`${base}_app_to_raw_ratio`]), 8),
        `  ${pad(limit, 18)}`,
        `  ${verdicts.length === 0 ? "" : verdicts.every((t) => t.pass) ? "pass" : "FAIL"}`,
      ].join(""),
    );
  }
  return lines.join("\n");
}

/** One-value figures (seeding, exports, matching) with their target. */
export function formatSingles(figures: Figures, targets: Record<string, Target>, rows: { title: string; figure: string; unit: string }[]): string {
  const lines = [[pad("measurement", 44), padStart("value", 12), "  target", "        result"].join("")];
  lines.push("-".repeat(lines[0].length));
  for (const { title, figure, unit } of rows) {
    if (!(figure in figures)) continue;
    const target = targets[figure];
    lines.push(
      [
        pad(title, 44),
        padStart(`${show(figures[figure])} ${unit}`, 12),
        `  ${pad(target ? `≤${target.max} ${unit}` : "", 14)}`,
        target ? (target.pass ? "pass" : "FAIL") : "",
      ].join(""),
    );
  }
  return lines.join("\n");
}
