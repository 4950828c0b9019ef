// npm run bench:readme [-- FILE …]
// Writes the README's "Performance" section from benchmark results: by default bench/results.json
// (the 100,000-client run), bench/results-1m.json (the 1,000,000-client run) and
// bench/load-results.json (npm run bench:load), those present.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { performanceSection, withPerformanceSection, type Results } from "./bench/readme";
import { CliError, EXIT_OK, parseCommandLine, runCommand, writeOut } from "./lib/cli";

const USAGE = `Usage: npm run bench:readme [-- FILE …]

Replaces README.md's "Performance" section with the tables of the given benchmark results
(default: bench/results.json, bench/results-1m.json and bench/load-results.json, those that exist).`;

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), {});
  if (values.help) {
    await writeOut(`${USAGE}\n`);
    return EXIT_OK;
  }
  const files = positionals.length > 0 ? positionals : ["bench/results.json", "bench/results-1m.json", "bench/load-results.json"].filter((f) => existsSync(f));
  if (files.length === 0) throw new CliError("no benchmark results: run `npm run bench` first.");
  const runs = await Promise.all(files.map(async (file) => ({ file, results: JSON.parse(await readFile(file, "utf8")) as Results })));
  for (const { file, results } of runs) if (!results.targets) throw new CliError(`${file} has no targets: not a benchmark result.`);
  const readme = path.join(process.cwd(), "README.md");
  await writeFile(readme, withPerformanceSection(await readFile(readme, "utf8"), performanceSection(runs)));
  await writeOut(`README.md: Performance section written from ${files.join(", ")}\n`);
  return EXIT_OK;
}

runCommand("bench:readme", USAGE, main);
