import autocannon from "autocannon";
import type pg from "pg";
import type { Figures } from "./report";
import type { BenchFirm, BenchUser } from "./seed";
import { signIn, type NextServer } from "./server";
import { percentile, round, summarise } from "./stats";

/**
 * HTTP under load with autocannon: `connections` keep-alive connections for `seconds`, each
 * cycling through `requests` (one per signed-in user and page, so the users take turns). Latency
 * percentiles come from every response's own time (autocannon's summary has no p95).
 */

export interface LoadRequest {
  path: string;
  cookie: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  status5xx: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
  /** Per path: how many answered and their p95. */
  byPath: Record<string, { requests: number; p95Ms: number }>;
}

export async function runLoad(url: string, options: { connections: number; seconds: number; requests: LoadRequest[]; timeoutSeconds?: number }): Promise<LoadResult> {
  const times: number[] = [];
  const byPath = new Map<string, number[]>();
  let status5xx = 0;
  let instance: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url,
        connections: options.connections,
        duration: options.seconds,
        timeout: options.timeoutSeconds ?? 30,
        requests: options.requests.map((r) => ({ method: "GET", path: r.path, headers: { cookie: r.cookie, accept: "text/html" } })),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance!.on("response", (client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    if (statusCode >= 500) status5xx++;
    // The path of the request this connection just finished (autocannon's RequestIterator).
    const path = (client as { requestIterator?: { currentRequest?: { path?: string } } }).requestIterator?.currentRequest?.path ?? "?";
    const key = path.split("?")[0].replace(/\/[0-9a-f-]{36}$/, "/[id]");
    if (!byPath.has(key)) byPath.set(key, []);
    byPath.get(key)!.push(responseTime);
  });
  const result = await finished;
  const latency = summarise(times);
  return {
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    status5xx,
    p50Ms: latency.p50,
    p95Ms: latency.p95,
    p99Ms: percentile([...times].sort((a, b) => a - b), 99),
    requestsPerSecond: result.requests.average,
    byPath: Object.fromEntries([...byPath].map(([path, samples]) => [path, { requests: samples.length, p95Ms: round(summarise(samples).p95) }])),
  };
}

/** The figures of one load run, `<prefix>_…` (e.g. http_roster_p50_ms). */
export function putLoad(figures: Figures, prefix: string, load: LoadResult): void {
  figures[`${prefix}_requests`] = load.requests;
  figures[`${prefix}_errors`] = load.errors + load.timeouts;
  figures[`${prefix}_non_2xx`] = load.non2xx;
  figures[`${prefix}_5xx`] = load.status5xx;
  figures[`${prefix}_p50_ms`] = round(load.p50Ms);
  figures[`${prefix}_latency_p95_ms`] = round(load.p95Ms);
  figures[`${prefix}_p99_ms`] = round(load.p99Ms);
  figures[`${prefix}_requests_per_s`] = round(load.requestsPerSecond);
}

export interface SignedIn {
  cookie: string;
  /** A client of the user's team, for the client page. */
  clientId: string;
}

/** Three consultants of different teams, signed in, each with a client of their own team. */
export async function signInConsultants(server: NextServer, pool: pg.Pool, firm: BenchFirm): Promise<SignedIn[]> {
  const chosen: BenchUser[] = [];
  for (const c of firm.consultants) if (!chosen.some((o) => o.scope.teamIds[0] === c.scope.teamIds[0]) && chosen.length < 3) chosen.push(c);
  return Promise.all(
    chosen.map(async (user) => {
      const { rows } = await pool.query<{ id: string }>(`SELECT "id" FROM "Client" WHERE "firmId" = $1 AND "teamId" = $2 ORDER BY "id" LIMIT 1`, [firm.id, user.scope.teamIds[0]]);
      return { cookie: await signIn(server.url, user.email, user.password), clientId: rows[0].id };
    }),
  );
}

/** Downloads `path` whole (discarding it) while sampling the server's RSS every 100 ms: the peak, MB. */
export async function peakRssWhile(server: NextServer, path: string, cookie: string): Promise<{ peakMb: number; ms: number; bytes: number; status: number }> {
  let peakMb = server.rssMb();
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, server.rssMb())), 100);
  const start = performance.now();
  try {
    const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
    let bytes = 0;
    const reader = response.body!.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) bytes += part.value.length;
    return { peakMb: Math.max(peakMb, server.rssMb()), ms: performance.now() - start, bytes, status: response.status };
  } finally {
    clearInterval(sampler);
  }
}

/** `npm run bench` with --http: next start's RSS during an export of every client, then 20 connections for `seconds` on the roster, dashboard and draw page. */
export async function benchHttp(figures: Figures, server: NextServer, pool: pg.Pool, firm: BenchFirm, options: { drawNumber: string; seconds: number; log: (m: string) => void }): Promise<void> {
  const { drawNumber, seconds, log } = options;
  // On a fresh server (one page of each kind rendered): what the export adds, not what the load tests left.
  const owner = await signIn(server.url, firm.ownerUser.email, firm.ownerUser.password);
  for (const path of ["/clients", "/", `/draws/${encodeURIComponent(drawNumber)}`]) await fetch(`${server.url}${path}`, { headers: { cookie: owner } }).then((r) => r.arrayBuffer());
  figures.http_next_rss_idle_mb = round(server.rssMb());
  const exported = await peakRssWhile(server, "/api/exports/roster.csv", owner);
  figures.http_next_rss_during_export_mb = round(exported.peakMb);
  figures.http_export_csv_ms = round(exported.ms);
  figures.http_export_csv_status = exported.status;
  log(`HTTP CSV export of ${firm.clients} clients: ${round(exported.ms)} ms, ${exported.bytes} bytes, next start peak RSS ${round(exported.peakMb)} MB`);
  const users = await signInConsultants(server, pool, firm);
  for (const [name, path] of [["roster", "/clients"], ["dashboard", "/"], ["draw", `/draws/${encodeURIComponent(drawNumber)}`]] as const) {
    await runLoad(server.url, { connections: 20, seconds: 3, requests: users.map((u) => ({ path, cookie: u.cookie })) }); // warm-up
    const load = await runLoad(server.url, { connections: 20, seconds, requests: users.map((u) => ({ path, cookie: u.cookie })) });
    putLoad(figures, `http_${name}`, load);
    log(`HTTP ${name}: ${load.requests} requests, ${round(load.requestsPerSecond)}/s, p95 ${round(load.p95Ms)} ms, errors ${load.errors}, non-2xx ${load.non2xx}`);
  }
}
