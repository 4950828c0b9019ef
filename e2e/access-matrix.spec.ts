import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { callEndpoint } from "./support/access-calls";
import { renderMatrix, rowsOf, type Cell } from "./support/access-matrix";
import { ACTION_RULES, CALLER_NAMES, inReach, PAGE_RULES, ROUTE_RULES } from "./support/access-policy";
import { createWorld } from "./support/access-world";
import { appEndpoints } from "./support/app-endpoints";

// The access matrix (issue 15): every page, route handler and server action the code defines,
// called over HTTP as each kind of caller, with ids of records in and out of the caller's reach.
// Each cell must give the answer e2e/support/access-policy.ts promises, no answer may contain a
// client the caller may not see, and docs/access-matrix.md must be the matrix this run checked.

const DOC = path.resolve(__dirname, "..", "docs", "access-matrix.md");
const REGENERATE = "UPDATE_ACCESS_MATRIX=1 npm run test:e2e -- e2e/access-matrix.spec.ts";
// The server is the bottleneck: more parallel calls do not finish sooner, and would slow the spec running beside this one.
const CONCURRENCY = 4;
const ENDPOINTS = appEndpoints();
const RULES = { page: PAGE_RULES, route: ROUTE_RULES, action: ACTION_RULES };

test("every page, route handler and server action of the code has a rule in the access policy", () => {
  const missing = ENDPOINTS.filter((e) => !RULES[e.kind][e.key]).map((e) => `${e.kind} ${e.key}`);
  expect(missing, "add a rule for each to e2e/support/access-policy.ts (who may call it, which record it names)").toEqual([]);
  const known = new Set(ENDPOINTS.map((e) => `${e.kind} ${e.key}`));
  const stale = Object.entries(RULES).flatMap(([kind, rules]) => Object.keys(rules).map((key) => `${kind} ${key}`)).filter((k) => !known.has(k));
  expect(stale, "rules for endpoints the code no longer has").toEqual([]);
  // The scan itself: it must see the kinds of endpoint the app is known to have.
  expect(ENDPOINTS.filter((e) => e.kind === "page").length).toBeGreaterThan(20);
  expect(ENDPOINTS.map((e) => e.key)).toEqual(expect.arrayContaining(["GET /api/exports/roster.csv", "POST /api/auth/[...nextauth]", "app/(app)/clients/[id]/actions.ts#deleteClientAction"]));
});

test("the access matrix: each caller gets the answer the policy promises and nothing out of reach", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const world = await createWorld(baseURL!);
  const rows = rowsOf(ENDPOINTS, RULES);
  const cells: Cell[] = rows.flatMap((row) => CALLER_NAMES.map((caller) => ({ row, caller, expected: row.expected[caller], actual: "", leaks: [] as string[] })));
  // Markers seen in answers to callers who may see them: proof the leak check reads real content.
  const seen = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < cells.length) {
      const cell = cells[next];
      next += 1;
      try {
        const { outcome, body } = await callEndpoint(world, cell.caller, cell.row.endpoint, cell.row.record, cell.row.target, next);
        cell.actual = outcome;
        for (const m of world.markers.filter((m) => body.includes(m.marker))) {
          if (inReach(cell.caller, m.target)) seen.add(m.marker);
          else cell.leaks.push(`client of ${m.target.label}`);
        }
      } catch (error) {
        cell.actual = `error: ${(error as Error).message.split("\n")[0]}`;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const ended = await world.endedSessions();
  await world.dispose();

  const differences = cells.filter((c) => c.actual !== c.expected || c.leaks.length > 0);
  console.log(renderMatrix(rows, cells, "actual"));
  expect(
    differences.map((c) => `${c.row.label} as ${c.caller}: expected ${c.expected}, got ${c.actual}${c.leaks.length ? `, leaked ${c.leaks.join(", ")}` : ""}`),
    "cells that differ from e2e/support/access-policy.ts (matrix above)",
  ).toEqual([]);
  // Ending a session: the answer must be what happened, a refusal leaves the session alive.
  const sessionCells = cells.filter((c) => c.row.record === "session");
  const endedBy = (c: Cell) => ended.get(`${c.caller}|${c.row.target!.label}`);
  expect(sessionCells.length).toBeGreaterThan(0);
  expect(
    sessionCells.filter((c) => endedBy(c) !== (c.actual === "200")).map((c) => `session of ${c.row.target!.label} as ${c.caller}: answered ${c.actual}, ended: ${endedBy(c)}`),
    "sessions ended although refused, or not ended although accepted",
  ).toEqual([]);

  expect([...seen].sort(), "each client's name appears in some answer to a caller who may see it").toEqual(world.markers.map((m) => m.marker).sort());

  const generated = renderMatrix(rows, cells, "document");
  if (process.env.UPDATE_ACCESS_MATRIX === "1") {
    fs.mkdirSync(path.dirname(DOC), { recursive: true });
    fs.writeFileSync(DOC, generated);
  }
  const committed = fs.existsSync(DOC) ? fs.readFileSync(DOC, "utf8") : "";
  expect(committed, `docs/access-matrix.md differs from the matrix this run checked; regenerate it with: ${REGENERATE}`).toBe(generated);
});
