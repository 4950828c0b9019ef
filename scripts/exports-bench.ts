// Measures the roster exports at scale: time to first byte, total time and peak RSS of a
// 100,000-row CSV and XLSX streamed to a discarding sink (like /dev/null), through the same
// functions the route handlers use (streamRosterCsv / streamRosterXlsx).
//
//   npx tsx scripts/with-test-db.ts npx tsx --conditions=react-server scripts/exports-bench.ts [--clients 100000]
//
// Seeding runs in this process; each measurement runs in a fresh child process so the seed's
// memory does not count (RSS rarely shrinks once grown). Prints one JSON line per format.
// Options: --clients N (100000), --formats csv,xlsx, --runs N (2), --batch N (EXPORT_BATCH_SIZE),
// --node-flags "--max-old-space-size=128" (the measuring process's V8 flags), --live-heap-mb N
// (N MB of other live objects in the measuring process, as in an app server).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { parseRosterQuery } from "@/lib/clients/roster-query";
import { insertClientsBulk } from "@/lib/db/clients/bulk";
import { importRounds } from "@/lib/db/draws/import";
import { prisma } from "@/lib/db/prisma";
import { createTestFirm } from "@/lib/db/testing/fixtures";
import { syntheticClients } from "@/lib/demo/synthetic-clients";
import { parseRounds } from "@/lib/draws/parse-rounds";
import { streamRosterCsv, streamRosterXlsx } from "@/lib/server/exports/roster";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

async function seed(count: number): Promise<{ firmId: string; scope: unknown }> {
  const { rounds, warnings } = parseRounds(JSON.parse(await readFile(path.join(process.cwd(), "data", "ee_rounds_123_en.json"), "utf8")));
  await importRounds(rounds, { source: "exports bench", importedBy: null, warnings });
  const firm = await createTestFirm({ label: "bench", users: [{ role: "owner", teams: [0, 1] }, { role: "consultant", teams: [0] }, { role: "consultant", teams: [1] }] });
  const started = Date.now();
  const clients = syntheticClients(count, { now: new Date(), teamCount: 2, emailDomain: "bench.example" });
  const consultants = [firm.users[1].id, firm.users[2].id];
  await prisma().$transaction(
    (tx) =>
      insertClientsBulk(
        tx,
        firm.id,
        clients.map((c) => ({ ...c, teamId: firm.teams[c.teamIndex].id, consultantId: consultants[c.teamIndex], profileExpiresOn: null })),
        { timeZone: "America/Toronto" },
      ),
    { timeout: 600_000 },
  );
  await prisma().$executeRawUnsafe(`ANALYZE "Client"`);
  console.error(`seeded ${count.toLocaleString("en-CA")} clients in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { firmId: firm.id, scope: firm.user("owner").scope };
}

/** A sink that throws bytes away, remembering when the first arrived and how many came. */
function discard() {
  const state = { bytes: 0, firstAt: 0 };
  const sink = new Writable({
    highWaterMark: 256 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      if (state.bytes === 0) state.firstAt = performance.now();
      state.bytes += chunk.length;
      callback();
    },
  });
  return { sink, state };
}

async function measure(format: "csv" | "xlsx", scope: Parameters<typeof streamRosterCsv>[0]): Promise<void> {
  // The all-columns view: the widest rows the roster can ask for.
  const query = parseRosterQuery({ cols: "name,email,profileNumber,team,consultant,status,crs,margin,programs,categories,profileSubmittedAt,profileExpiresOn,deadlines,updatedAt" });
  await prisma().$queryRawUnsafe("SELECT 1"); // open the pool before the clock starts
  // --live-heap-mb N keeps N MB of live objects, like an app server's heap: V8 lets garbage grow
  // in proportion to the live heap before collecting, so peaks scale with it (see the report).
  const liveHeapMb = Number(option("live-heap-mb", "0"));
  const live = Array.from({ length: liveHeapMb * 1024 }, () => ({ text: randomBytes(512).toString("hex") }));
  const baseline = process.memoryUsage().rss;
  const baselineHeap = process.memoryUsage().heapUsed + process.memoryUsage().external;
  let peak = baseline;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed + m.external);
  };
  const sampler = setInterval(sample, 20);
  const { sink, state } = discard();
  const started = performance.now();
  const write = format === "csv" ? streamRosterCsv : streamRosterXlsx;
  const batchSize = option("batch", "") ? Number(option("batch", "")) : undefined;
  const { rows } = await write(scope, query, sink, { actor: { email: "bench" }, batchSize });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  sample();
  if (live.length < 0) console.log(live.length);
  console.log(
    JSON.stringify({
      format,
      rows,
      seconds: Number(seconds.toFixed(2)),
      firstByteMs: Math.round(state.firstAt - started),
      megabytes: Number((state.bytes / 1048576).toFixed(1)),
      peakRssMb: Math.round(peak / 1048576),
      baselineRssMb: Math.round(baseline / 1048576),
      peakHeapAndExternalMb: Math.round(peakHeap / 1048576),
      baselineHeapAndExternalMb: Math.round(baselineHeap / 1048576),
      batchSize: batchSize ?? "default",
      liveHeapMb,
    }),
  );
}

async function main(): Promise<void> {
  if (args[0] === "--measure") {
    await measure(args[1] as "csv" | "xlsx", JSON.parse(args[2]));
    return;
  }
  const { scope } = await seed(Number(option("clients", "100000")));
  await prisma().$disconnect();
  const formats = option("formats", "csv,xlsx").split(",");
  const runs = Number(option("runs", "2"));
  const passOn = args.filter((a, i) => ["--batch", "--live-heap-mb"].includes(a) || ["--batch", "--live-heap-mb"].includes(args[i - 1]));
  // e.g. --node-flags "--max-old-space-size=128": how the export fares in a smaller heap.
  const nodeFlags = option("node-flags", "").split(" ").filter(Boolean);
  for (let run = 0; run < runs; run++) for (const format of formats) {
    const child = spawnSync(process.execPath, [...nodeFlags, ...process.execArgv, process.argv[1], "--measure", format, JSON.stringify(scope), ...passOn], { stdio: ["ignore", "inherit", "inherit"], env: process.env });
    if (child.status !== 0) throw new Error(`${format} measurement failed`);
  }
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
