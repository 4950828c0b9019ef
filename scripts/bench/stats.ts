import { performance } from "node:perf_hooks";

/**
 * Timing and statistics for the benchmark. Percentiles interpolate between the two nearest ranks
 * (the spreadsheet PERCENTILE.INC rule), so with 30 runs p95 lies between the 28th and 29th fastest
 * run: one slow outlier moves it, which is what a p95 should show.
 */

export interface Summary {
  runs: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    mean: sorted.reduce((sum, x) => sum + x, 0) / sorted.length,
  };
}

/** Milliseconds `body` took, and its result. */
export async function timed<T>(body: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await body();
  return { ms: performance.now() - start, result };
}

export interface Pair {
  app: Summary;
  raw: Summary;
}

/**
 * Times the app's call and its raw-SQL equivalent `runs` times each after `warmups` untimed runs,
 * alternating app and raw so that load from other processes on the machine falls on both alike.
 */
export async function comparePair(options: { runs: number; warmups: number; app: () => Promise<unknown>; raw: () => Promise<unknown> }): Promise<Pair> {
  for (let i = 0; i < options.warmups; i++) {
    await options.app();
    await options.raw();
  }
  const app: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    app.push((await timed(options.app)).ms);
    raw.push((await timed(options.raw)).ms);
  }
  return { app: summarise(app), raw: summarise(raw) };
}

/** `runs` timed calls of `body` after `warmups` untimed ones. */
export async function sampleRuns(body: () => Promise<unknown>, options: { runs: number; warmups: number }): Promise<Summary> {
  for (let i = 0; i < options.warmups; i++) await body();
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) samples.push((await timed(body)).ms);
  return summarise(samples);
}

/** app ÷ raw of the medians, to two decimals: the figure the ≤ 1.5× targets read. */
export function ratio(app: number, raw: number): number {
  return Math.round((app / raw) * 100) / 100;
}

/** A pair's figures under `base`: app and raw p50/p95 and the app/raw ratio of the medians. */
export function putPair(figures: Record<string, unknown>, base: string, pair: Pair): void {
  figures[`${base}_p50_ms`] = round(pair.app.p50);
  figures[`${base}_p95_ms`] = round(pair.app.p95);
  figures[`${base}_raw_p50_ms`] = round(pair.raw.p50);
  figures[`${base}_raw_p95_ms`] = round(pair.raw.p95);
  figures[`${base}_app_to_raw_ratio`] = ratio(pair.app.p50, pair.raw.p50);
}

/** Rounded for the report: 0.1 ms below 100, whole numbers above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.abs(value) < 100 ? Math.round(value * 10) / 10 : Math.round(value);
}
