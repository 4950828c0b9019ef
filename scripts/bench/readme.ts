import { machineLine, reportRows, type Figures, type Target } from "./report";

/**
 * The README's "Performance" section, written from benchmark results (bench/results*.json): per
 * run, the machine and its load, then every targeted figure with its target and verdict. The
 * section is replaced whole, up to the next "## " heading; a README without one gets it before
 * "## Architecture" (or at the end).
 */

export type Results = Figures & { targets: Record<string, Target> };

const HEADING = "## Performance";

function table(results: Results): string {
  const rows = reportRows(results, results.targets);
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  return [
    "| What | Figure | Value | Target | Result | Beside it |",
    "| --- | --- | ---: | ---: | --- | --- |",
    ...rows.map((r) => `| ${cell(r.what)} | \`${r.figure}\` | ${cell(r.value)} | ${cell(r.target)} | ${r.result === "pass" ? "pass" : "**FAIL**"} | ${cell(r.detail)} |`),
  ].join("\n");
}

export function performanceSection(runs: { file: string; results: Results }[]): string {
  const parts = [
    HEADING,
    "",
    "Written by `npm run bench:readme` from the benchmark's JSON (`npm run bench`, see `bench/README.md`): every",
    "figure that has a target, measured in one run. Ratios compare the app with the same answer in raw SQL",
    "(or PostgreSQL's own `COPY … TO STDOUT` for the CSV) measured alternately in the same run, so load from",
    "other work on the machine falls on both sides alike; absolute times should be read beside the load average.",
  ];
  for (const { file, results } of runs) {
    const missed = Object.values(results.targets).filter((t) => !t.pass).length;
    parts.push(
      "",
      `### ${Number(results.clients).toLocaleString("en-CA")} clients — ${String(results.date).slice(0, 16).replace("T", " ")} UTC (\`${file}\`)`,
      "",
      `Machine: ${machineLine(results)}. Run took ${results.total_s} s; ${missed === 0 ? "every target met" : `${missed} target${missed === 1 ? "" : "s"} missed`}.`,
      "",
      table(results),
    );
  }
  return `${parts.join("\n")}\n`;
}

/** `readme` with its Performance section replaced by (or given) `section`. */
export function withPerformanceSection(readme: string, section: string): string {
  const lines = readme.split("\n");
  const start = lines.findIndex((l) => l.trim() === HEADING);
  if (start >= 0) {
    const next = lines.findIndex((l, i) => i > start && l.startsWith("## "));
    const end = next === -1 ? lines.length : next;
    return [...lines.slice(0, start), ...section.split("\n"), ...lines.slice(end)].join("\n");
  }
  const before = lines.findIndex((l) => l.trim() === "## Architecture");
  if (before === -1) return `${readme.replace(/\n*$/, "\n\n")}${section}`;
  return [...lines.slice(0, before), ...section.split("\n"), ...lines.slice(before)].join("\n");
}
