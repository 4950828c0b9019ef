import { describe, expect, it } from "vitest";
import { arrayLiteral, csvField } from "./copy-clients";
import { performanceSection, withPerformanceSection, type Results } from "./readme";
import { formatReport, reportRows, sizeLabel, subjectOf, targetsOf, type Figures } from "./report";
import { comparePair, percentile, putPair, ratio, summarise } from "./stats";

describe("benchmark statistics", () => {
  it("interpolates percentiles between the nearest ranks", () => {
    const sorted = Array.from({ length: 21 }, (_, i) => i * 10); // 0, 10, … 200
    expect(percentile(sorted, 50)).toBe(100);
    expect(percentile(sorted, 95)).toBe(190);
    expect(percentile([1, 2], 95)).toBeCloseTo(1.95);
    expect(summarise([5, 1, 3])).toMatchObject({ runs: 3, p50: 3, min: 1, max: 5, mean: 3 });
  });

  it("takes the ratio of the medians, to two decimals", () => {
    expect(ratio(15, 10)).toBe(1.5);
    expect(ratio(10, 3)).toBe(3.33);
    const figures: Figures = {};
    putPair(figures, "roster", { app: summarise([12, 14, 100]), raw: summarise([10, 10, 11]) });
    // One slow app run moves its p95, not the ratio of medians.
    expect(figures).toMatchObject({ roster_p50_ms: 14, roster_raw_p50_ms: 10, roster_app_to_raw_ratio: 1.4 });
    expect(figures.roster_p95_ms).toBeGreaterThan(90);
  });

  it("alternates app and raw runs, after the warm-ups", async () => {
    const calls: string[] = [];
    const pair = await comparePair({ runs: 2, warmups: 1, app: async () => calls.push("app"), raw: async () => calls.push("raw") });
    expect(calls).toEqual(["app", "raw", "app", "raw", "app", "raw"]);
    expect(pair.app.runs).toBe(2);
    expect(pair.raw.runs).toBe(2);
  });
});

describe("targets", () => {
  const figures: Figures = {
    clients: 1_000_000,
    page_roster_first_1m_p95_ms: 420,
    page_roster_first_1m_p50_ms: 300,
    page_dashboard_1m_p95_ms: 1200,
    roster_default_app_to_raw_ratio: 1.5,
    roster_default_raw_p95_ms: 9999, // raw figures carry no target
    export_csv_1m_to_copy_ratio: 1.51,
    export_csv_1m_rss_added_mb: 80,
    export_xlsx_100k_to_csv_ratio: 3.2,
    recompute_round_cec_1m_ms: 8000,
    match_new_draw_1m_ms: 5800,
    match_new_draw_100k_ms: 900,
    http_roster_errors: 0,
    http_roster_non_2xx: 3,
    load_mix_5xx: 0,
    seed_1m_clients_ms: 290_000,
    seed_1m_generate_ms: 100_000,
  };

  it("gives each targeted figure its limit and verdict, and leaves the others out", () => {
    const targets = targetsOf(figures);
    expect(targets.page_roster_first_1m_p95_ms).toEqual({ figure: "page_roster_first_1m_p95_ms", max: 1000, value: 420, pass: true });
    expect(targets.page_dashboard_1m_p95_ms.pass).toBe(false);
    expect(targets.roster_default_app_to_raw_ratio).toMatchObject({ max: 1.5, pass: true });
    expect(targets.export_csv_1m_to_copy_ratio).toMatchObject({ max: 1.5, pass: false });
    expect(targets.export_csv_1m_rss_added_mb).toMatchObject({ max: 150, pass: true });
    expect(targets.export_xlsx_100k_to_csv_ratio).toMatchObject({ max: 4, pass: true });
    expect(targets.recompute_round_cec_1m_ms).toMatchObject({ max: 10_000, pass: true });
    expect(targets.match_new_draw_1m_ms).toMatchObject({ max: 10_000, pass: true });
    expect(targets.match_new_draw_100k_ms).toMatchObject({ max: 1000, pass: true });
    expect(targets.http_roster_errors).toMatchObject({ max: 0, pass: true });
    expect(targets.http_roster_non_2xx.pass).toBe(false);
    expect(targets.load_mix_5xx.pass).toBe(true);
    expect(targets.seed_1m_clients_ms).toMatchObject({ max: 300_000, pass: true });
    for (const figure of ["page_roster_first_1m_p50_ms", "roster_default_raw_p95_ms", "seed_1m_generate_ms", "clients"]) expect(targets[figure]).toBeUndefined();
  });

  it("fails a figure that is missing or not a number", () => {
    expect(targetsOf({ page_x_p95_ms: Number.NaN }).page_x_p95_ms).toMatchObject({ value: null, pass: false });
  });

  it("prints each target with its value, unit, verdict and what stands beside it", () => {
    const rows = reportRows(figures, targetsOf(figures));
    expect(rows.find((r) => r.figure === "page_roster_first_1m_p95_ms")).toEqual({
      what: "page server time p95: roster first page",
      figure: "page_roster_first_1m_p95_ms",
      value: "420 ms",
      target: "≤ 1000 ms",
      result: "pass",
      detail: "p50 300 ms",
    });
    expect(rows.find((r) => r.figure === "export_csv_1m_to_copy_ratio")).toMatchObject({ value: "1.51×", target: "≤ 1.5×", result: "FAIL" });
    const text = formatReport(figures, targetsOf(figures));
    expect(text).toContain("Targets missed: page_dashboard_1m_p95_ms, export_csv_1m_to_copy_ratio, http_roster_non_2xx");
  });

  it("names sizes as the figures do", () => {
    expect([sizeLabel(100_000), sizeLabel(1_000_000), sizeLabel(12_345)]).toEqual(["100k", "1m", "12345"]);
  });
});

describe("README performance section", () => {
  const results = { clients: 100_000, date: "2026-12-04T07:55:00.000Z", cpus: 2, cpu_model: "AMD EPYC", memory_gb: 24, total_s: 300, page_a_p95_ms: 12, page_a_p50_ms: 8 } as Figures;
  const run = { file: "bench/results.json", results: { ...results, targets: targetsOf(results) } as Results };

  it("replaces an existing section up to the next heading", () => {
    const readme = "# App\n\n## Performance\n\nold table\n\n## Tests\n\nrun them\n";
    const updated = withPerformanceSection(readme, performanceSection([run]));
    expect(updated).not.toContain("old table");
    expect(updated).toContain("| page server time p95 | `page_a_p95_ms` | 12 ms | ≤ 1000 ms | pass | p50 8 ms |");
    expect(subjectOf("roster_consultant_default_app_to_raw_ratio")).toBe("roster consultant default");
    expect(subjectOf("load_mix_non_2xx")).toBe("mix: non-2xx");
    expect(updated).toContain("Machine: 2 × AMD EPYC, 24 GB");
    expect(updated.indexOf("## Performance")).toBeLessThan(updated.indexOf("## Tests"));
    expect(updated).toContain("## Tests\n\nrun them\n");
    // Written twice, the same README.
    expect(withPerformanceSection(updated, performanceSection([run]))).toBe(updated);
  });

  it("adds the section before Architecture when there is none", () => {
    const updated = withPerformanceSection("# App\n\n## Architecture\n\nlayers\n", performanceSection([run]));
    expect(updated.indexOf("## Performance")).toBeGreaterThan(0);
    expect(updated.indexOf("## Performance")).toBeLessThan(updated.indexOf("## Architecture"));
  });
});

describe("COPY seeding", () => {
  it("writes CSV fields COPY reads back as the same values, NULL as an unquoted empty field", () => {
    expect(csvField(null)).toBe("");
    expect(csvField("")).toBe('""');
    expect(csvField('O"Brien, Jr.')).toBe('"O""Brien, Jr."');
    expect(csvField(42)).toBe("42");
    expect(csvField(false)).toBe("false");
    expect(arrayLiteral(["CEC", "FSW"])).toBe("{CEC,FSW}");
    expect(arrayLiteral([])).toBe("{}");
  });
});
