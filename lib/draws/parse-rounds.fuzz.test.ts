/**
 * Property-based tests of IRCC's feed on its way in: bytes from a file or a server become either
 * JSON or one FeedSourceError (load-source), and JSON becomes either rounds or one FeedFormatError
 * naming the round (parse-rounds). Nothing else is ever thrown. Runs are bounded to stay fast.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FeedSourceError, loadRoundsSource } from "./load-source";
import { FeedFormatError, parseRounds } from "./parse-rounds";
import { normalisedRoundSchema } from "./round";

const snapshot = JSON.parse(readFileSync(new URL("../../data/ee_rounds_123_en.json", import.meta.url), "utf8")) as {
  rounds: Record<string, unknown>[];
};
const dir = mkdtempSync(join(tmpdir(), "drawdesk-feed-fuzz-"));

/** parseRounds' outcome: the rounds, or its typed error; anything else thrown fails the test. */
function parseOrFormatError(json: unknown) {
  try {
    return { parsed: parseRounds(json) };
  } catch (error) {
    expect(error, `thrown for ${JSON.stringify(json)?.slice(0, 200)}`).toBeInstanceOf(FeedFormatError);
    return { error: error as FeedFormatError };
  }
}

/** Values a hand-edited or broken feed might hold in a field. */
const nastyValue = fc.oneof(
  fc.constantFrom<unknown>(
    null, "", " ", "\u0000", "\uFEFF418", "=1+1", "+1", "-1", "@SUM(A1)", "1e309", "99999999999999999999", 1e308, -1, 0.5,
    Number.MAX_SAFE_INTEGER + 2, "4,50", "4,500", "１２３", "NaN", "\r\n", "February 30, 2026", "2026-02-30", "9999-12-31",
    "January 1, 275760", [], {}, true,
  ),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }),
);

describe("parseRounds under random input", () => {
  it("throws only FeedFormatError on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (json) => {
        parseOrFormatError(json);
        parseOrFormatError({ rounds: json });
        parseOrFormatError({ rounds: [json] });
      }),
      { numRuns: 300 },
    );
  });

  it("names the round of a broken field, or returns schema-valid rounds with warnings naming their round", () => {
    const fields = Object.keys(snapshot.rounds[0]);
    fc.assert(
      fc.property(
        fc.nat({ max: 4 }),
        fc.array(fc.tuple(fc.constantFrom(...fields), nastyValue), { minLength: 1, maxLength: 4 }),
        (position, edits) => {
          const rounds = snapshot.rounds.slice(0, 5).map((r) => ({ ...r }));
          for (const [field, value] of edits) rounds[position][field] = value;
          const outcome = parseOrFormatError({ rounds });
          if (outcome.error) {
            expect(outcome.error.where.position, outcome.error.message).toBeGreaterThanOrEqual(1);
            expect(outcome.error.message).toMatch(/^round \d+/);
          } else {
            const numbers = new Set(outcome.parsed!.rounds.map((r) => r.number));
            for (const round of outcome.parsed!.rounds) expect(normalisedRoundSchema.safeParse(round).success).toBe(true);
            for (const warning of outcome.parsed!.warnings) expect(numbers.has(warning.number), warning.message).toBe(true);
            // Nothing a database would refuse slips through as a round's text.
            expect(JSON.stringify(outcome.parsed!.rounds)).not.toContain("\\u0000");
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("loadRoundsSource under random bytes", () => {
  it("returns JSON or throws FeedSourceError for any file content: invalid UTF-8, BOMs, NULs, mixed line endings", async () => {
    const file = join(dir, "feed.json");
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.tuple(fc.constantFrom("\uFEFF", "", "\uFEFF\uFEFF"), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom("\n", "\r\n", "\r", "\u0000"))
            .map(([bom, json, eol]) => new TextEncoder().encode(`${bom}${JSON.stringify(json, null, 1)?.replace(/\n/g, eol)}`)),
        ),
        async (bytes) => {
          writeFileSync(file, bytes);
          try {
            const json = await loadRoundsSource(file);
            parseOrFormatError(json);
          } catch (error) {
            expect(error).toBeInstanceOf(FeedSourceError);
            expect((error as FeedSourceError).message).toMatch(/is not JSON/);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("reads a feed with a 10 MB drawName as a round with a warning, not a crash", async () => {
    const file = join(dir, "long.json");
    writeFileSync(file, JSON.stringify({ rounds: [{ ...snapshot.rounds[0], drawName: "x".repeat(10 * 1024 * 1024) }] }));
    const outcome = parseOrFormatError(await loadRoundsSource(file));
    const problem = outcome.error?.message ?? outcome.parsed!.warnings.map((w) => w.message).join("; ");
    expect(problem).toMatch(/round .*418/);
    // A message quoting the whole field would be 10 MB in a log line or an admin's screen.
    expect(problem.length).toBeLessThan(2_000);
  });
});
