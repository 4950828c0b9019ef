import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { prisma } from "../prisma";
import { openSnapshot } from "./snapshot";

/**
 * The export snapshot's cursor against a real PostgreSQL: batches come in order with one fetch
 * always in flight, and a fetch that fails while the caller is still busy with the previous
 * batch reaches the caller as an error when it asks again (not as an unhandled rejection).
 */

const OPTIONS = { timeoutMs: 60_000, idleTimeoutMs: 60_000 };

describe("export snapshot batches", () => {
  it("reads every row once, in order, a batch at a time", async () => {
    const snapshot = await openSnapshot(OPTIONS);
    const batches: number[][] = [];
    for await (const batch of snapshot.batches("SELECT n FROM generate_series(1, $1::int) n ORDER BY n", [10], 3, ([n]) => Number(n))) {
      batches.push(batch);
    }
    await snapshot.release();
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10]]);
  });

  it("hands the caller each row as PostgreSQL's text, in the statement's column order, nulls as null", async () => {
    const snapshot = await openSnapshot(OPTIONS);
    const rows: unknown[] = [];
    const sql = `SELECT 42::int, 'Hernández'::text, NULL::text, '{CEC,"a,b"}'::text[], true, '2026-07-01'::date`;
    for await (const batch of snapshot.batches(sql, [], 10, (fields) => fields)) rows.push(...batch);
    await snapshot.release();
    expect(rows).toEqual([["42", "Hernández", null, '{CEC,"a,b"}', "t", "2026-07-01"]]);
  });

  it("sorts in memory: the export's work_mem holds a roster's sort", async () => {
    const snapshot = await openSnapshot(OPTIONS);
    const [{ work_mem }] = await snapshot.query<{ work_mem: string }>("SHOW work_mem", []);
    await snapshot.release();
    expect(work_mem).toBe("64MB");
  });

  it("throws a fetch that failed while the caller was writing, when the caller comes back", async () => {
    const snapshot = await openSnapshot(OPTIONS);
    const read: number[] = [];
    const reading = (async () => {
      for await (const batch of snapshot.batches("SELECT n FROM generate_series(1, 1000) n ORDER BY n", [], 2, ([n]) => Number(n))) {
        read.push(...batch);
        if (read.length === 2) {
          // The connection dies under the export (as when its snapshot's timeout ends it)…
          await prisma().$queryRaw`
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'drawdesk-export' AND pid <> pg_backend_pid()`;
        }
        // …while the caller is busy with what it has: the fetch in flight fails meanwhile.
        await sleep(100);
      }
    })();
    await expect(reading).rejects.toThrow();
    expect(read.length).toBeLessThan(1000);
    await snapshot.release();
  });
});
