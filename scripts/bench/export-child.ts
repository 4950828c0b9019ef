// Runs one roster export in its own process, so its peak RSS is the export's and not the
// benchmark's (which holds 100,000 generated clients from seeding). Started by scripts/bench.ts:
//   node --conditions=react-server --import tsx scripts/bench/export-child.ts '{"format":"csv",...}'
// Prints one JSON line on stdout: times (ms), bytes written, RSS before, peak (sampled every 50 ms,
// and the kernel's high-water mark VmHWM) in MB.
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { performance } from "node:perf_hooks";
import type { Scope } from "@/lib/auth/scope";
import { parseRosterQuery } from "@/lib/clients/roster-query";
import { prisma } from "@/lib/db/prisma";
import { streamRosterCsv, streamRosterXlsx } from "@/lib/server/exports/roster";

interface Request {
  format: "csv" | "xlsx";
  scope: Scope;
  /** The roster view as URL search params. */
  search: string;
  now: string;
  /** Rows per cursor fetch; default: the export's own (EXPORT_BATCH_SIZE). */
  batchSize?: number;
}

export interface ExportChildResult {
  format: "csv" | "xlsx";
  rows: number;
  bytes: number;
  totalMs: number;
  firstByteMs: number;
  baseRssMb: number;
  peakRssMb: number;
  vmHwmMb: number | null;
  /** Peak of V8's used heap while exporting: what the export holds, as opposed to what the process reserved. */
  peakHeapUsedMb: number;
}

const MB = 1024 * 1024;

function vmHwmMb(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2]) as Request;
  // Connected and warmed before measuring: the pool, Prisma's engine and the modules are the
  // process's baseline, not the export's cost.
  await prisma().$queryRawUnsafe("SELECT 1");
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  let peakHeapUsed = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeapUsed = Math.max(peakHeapUsed, usage.heapUsed);
  };
  const sampler = setInterval(sample, 50);

  let bytes = 0;
  let firstByteAt: number | null = null;
  const sink = new Writable({
    highWaterMark: 256 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      firstByteAt ??= performance.now();
      bytes += chunk.length;
      callback();
    },
  });
  const query = parseRosterQuery(new URLSearchParams(request.search));
  const start = performance.now();
  const exported =
    request.format === "csv"
      ? await streamRosterCsv(request.scope, query, sink, { now: new Date(request.now), batchSize: request.batchSize })
      : await streamRosterXlsx(request.scope, query, sink, { now: new Date(request.now), batchSize: request.batchSize });
  if (!sink.writableFinished) await new Promise((resolve) => sink.once("finish", resolve));
  const end = performance.now();
  clearInterval(sampler);
  sample();
  const hwm = vmHwmMb();
  const result: ExportChildResult = {
    format: request.format,
    rows: exported.rows,
    bytes,
    totalMs: end - start,
    firstByteMs: (firstByteAt ?? end) - start,
    baseRssMb: baseRss / MB,
    peakRssMb: Math.max(peakRss / MB, hwm ?? 0),
    vmHwmMb: hwm,
    peakHeapUsedMb: peakHeapUsed / MB,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  await prisma().$disconnect();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench export child: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
