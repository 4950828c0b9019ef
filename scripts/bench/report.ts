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

/**
 * Issue 14's targets. Every page's server time p95 ≤ 1 s (any size; `page_*`); the app beside its
 * raw SQL measured in the same run, interleaved: ≤ 1.5× (p50 against p50); the CSV export ≤ 1.5×
 * PostgreSQL's own COPY … TO STDOUT of the same rows and columns, XLSX ≤ 4× the CSV; memory of
 * the exports and of `next start`; HTTP under load without errors.
 */
export const TARGET_RULES: { match: RegExp; max: number; label: string }[] = [
  { match: /^page_\w+_p95_ms$/, max: 1000, label: "page server time p95" },
  { match: /_app_to_raw_ratio$/, max: 1.5, label: "app / raw SQL (p50)" },
  { match: /^export_csv_\w+_to_copy_ratio$/, max: 1.5, label: "CSV / COPY TO STDOUT" },
  // The export's own memory: the measuring process's peak RSS less its RSS before the export
  // (Node, tsx, Prisma's engine and the modules, ~160 MB, which next start holds anyway).
  { match: /^export_csv_\w+_rss_added_mb$/, max: 150, label: "CSV export peak RSS (added)" },
  { match: /^export_xlsx_\w+_to_csv_ratio$/, max: 4, label: "XLSX / CSV" },
  { match: /^export_xlsx_\w+_rss_added_mb$/, max: 200, label: "XLSX export peak RSS (added)" },
  { match: /^recompute_round_\w+_ms$/, max: 10000, label: "recompute one round" },
  // A new round is matched by the same set-based recompute: at 1M clients issue 14's 10 s for a
  // round applies; at every smaller size the draw-day target of 1 s.
  { match: /^match_new_draw_1m_ms$/, max: 10000, label: "match a new draw" },
  { match: /^match_new_draw_\w+_ms$/, max: 1000, label: "match a new draw" },
  { match: /^seed_\w+_clients_ms$/, max: 300000, label: "seed clients (COPY)" },
  { match: /^(http|load)_\w+_(errors|non_2xx|5xx)$/, max: 0, label: "HTTP errors" },
  // Both read after 10 s quiet and a full collection, against the same readings after an
  // identical warm-up load: the heap is what the server still holds, RSS what it keeps reserved.
  { match: /^load_rss_growth_mb$/, max: 64, label: "next start RSS growth over the load" },
  { match: /^load_heap_growth_mb$/, max: 64, label: "next start live heap growth over the load" },
  { match: /^http_next_rss_during_export_mb$/, max: 400, label: "next start RSS during an export" },
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

/** "100k" for 100,000, "1m" for 1,000,000: figure names carry the firm's size. */
export function sizeLabel(count: number): string {
  if (count % 1_000_000 === 0) return `${count / 1_000_000}m`;
  return count % 1000 === 0 ? `${count / 1000}k` : String(count);
}

function show(value: number | string | boolean | null | undefined): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "number") return String(round(value));
  return String(value);
}

const UNITS: [RegExp, string][] = [
  [/_ms$/, " ms"],
  [/_mb$/, " MB"],
  [/_ratio$/, "×"],
];
const unitOf = (figure: string) => UNITS.find(([match]) => match.test(figure))?.[1] ?? "";

/** What stands beside a targeted figure: the two sides of a ratio, a p95's median. */
function detailOf(figures: Figures, figure: string): string {
  const ms = (name: string) => (name in figures ? `${show(figures[name])} ms` : "–");
  if (figure.endsWith("_app_to_raw_ratio")) {
    const base = figure.slice(0, -"_app_to_raw_ratio".length);
    return `app p50 ${ms(`${base}_p50_ms`)}, raw p50 ${ms(`${base}_raw_p50_ms`)}`;
  }
  let match = /^export_csv_(\w+)_to_copy_ratio$/.exec(figure);
  if (match) return `CSV ${ms(`export_csv_${match[1]}_ms`)}, COPY ${ms(`export_copy_${match[1]}_ms`)}`;
  match = /^export_xlsx_(\w+)_to_csv_ratio$/.exec(figure);
  if (match) return `XLSX ${ms(`export_xlsx_${match[1]}_ms`)}, CSV ${ms(`export_csv_${match[1]}_ms`)}`;
  match = /^(export_\w+)_rss_added_mb$/.exec(figure);
  if (match) return `peak ${show(figures[`${match[1]}_peak_rss_mb`])} MB, before ${show(figures[`${match[1]}_base_rss_mb`])} MB`;
  match = /^(page_\w+)_p95_ms$/.exec(figure);
  if (match) return `p50 ${ms(`${match[1]}_p50_ms`)}`;
  match = /^((?:http|load)_\w+)_errors$/.exec(figure);
  if (match && `${match[1]}_latency_p95_ms` in figures) {
    return `${show(figures[`${match[1]}_requests`])} requests, p95 ${ms(`${match[1]}_latency_p95_ms`)}, ${show(figures[`${match[1]}_requests_per_s`])} req/s`;
  }
  if (figure === "load_rss_growth_mb") return `RSS after GC ${show(figures.load_rss_before_mb)} → ${show(figures.load_rss_after_mb)} MB (peak ${show(figures.load_rss_peak_mb)} MB)`;
  if (figure === "load_heap_growth_mb") return `heap in use after GC ${show(figures.load_heap_before_mb)} → ${show(figures.load_heap_after_mb)} MB`;
  if (figure === "http_next_rss_during_export_mb") return `idle ${show(figures.http_next_rss_idle_mb)} MB; export took ${ms("http_export_csv_ms")}`;
  return "";
}

export interface ReportRow {
  what: string;
  figure: string;
  value: string;
  target: string;
  result: "pass" | "FAIL";
  detail: string;
}

/** What a figure is about, in words: "roster filtered deep" for page_roster_filtered_deep_1m_p95_ms. */
export function subjectOf(figure: string): string {
  const words = (text: string) => text.replace(/_/g, " ");
  const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^page_(\w+?)_\d+[km]?_p95_ms$/, (m) => `${words(m[1])} page`],
    [/^(\w+)_app_to_raw_ratio$/, (m) => words(m[1])],
    [/^recompute_round_([a-z]+)_/, (m) => `${m[1]} round`],
    [/^(http|load)_([a-z]+)_(errors|non_2xx|5xx)$/, (m) => `${m[2]}: ${words(m[3]).replace("non 2xx", "non-2xx")}`],
  ];
  for (const [match, name] of patterns) {
    const m = match.exec(figure);
    if (m) return name(m);
  }
  return "";
}

/** One row per targeted figure, in the order the figures were measured. */
export function reportRows(figures: Figures, targets: Record<string, Target>): ReportRow[] {
  return Object.values(targets).map((t) => {
    const unit = unitOf(t.figure);
    const rule = TARGET_RULES.find((r) => r.match.test(t.figure))!;
    return {
      what: [rule.label, subjectOf(t.figure)].filter(Boolean).join(": "),
      figure: t.figure,
      value: t.value === null ? "–" : `${unit === "×" ? t.value.toFixed(2) : show(t.value)}${unit}`,
      target: `≤ ${t.max}${unit}`,
      result: t.pass ? "pass" : "FAIL",
      detail: detailOf(figures, t.figure),
    };
  });
}

/** The machine and the load the run saw, in one line. */
export function machineLine(figures: Figures): string {
  return `${show(figures.cpus)} × ${show(figures.cpu_model)}, ${show(figures.memory_gb)} GB, Node ${show(figures.node_version)}${figures.postgres_version ? `, PostgreSQL ${show(figures.postgres_version)}` : ""}; load average (1/5/15 min) ${show(figures.load_avg_start)} → ${show(figures.load_avg_end)}`;
}

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - [...text].length));

/** The table for people: every targeted figure with its value, target, verdict and context. */
export function formatReport(figures: Figures, targets: Record<string, Target>): string {
  const rows = reportRows(figures, targets);
  const width = Math.max(...rows.map((r) => r.figure.length), 10) + 2;
  const missed = rows.filter((r) => r.result === "FAIL").map((r) => r.figure);
  return [
    [
      `DrawDesk benchmark — ${show(figures.clients)} clients${figures.seeded ? ` (${show(figures.seeded)})` : ""}`,
      figures.runs !== undefined ? `${show(figures.runs)} runs after ${show(figures.warmups)} warm-ups` : null,
      figures.connections !== undefined ? `${show(figures.connections)} connections for ${show(figures.seconds)} s` : null,
      show(figures.date),
      figures.total_s !== undefined ? `${show(figures.total_s)} s` : null,
    ].filter(Boolean).join(", "),
    machineLine(figures),
    "",
    `${pad("figure", width)}${pad("value", 12)}${pad("target", 14)}${pad("result", 8)}detail`,
    ...rows.map((r) => `${pad(r.figure, width)}${pad(r.value, 12)}${pad(r.target, 14)}${pad(r.result, 8)}${r.detail}`),
    "",
    missed.length === 0 ? "All targets met." : `Targets missed: ${missed.join(", ")}`,
    "",
  ].join("\n");
}
