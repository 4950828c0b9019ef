import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FeedFormatError, parseIrccInteger, parseRounds } from "./parse-rounds";
import { normalisedRoundSchema } from "./round";

const snapshot = JSON.parse(
  readFileSync(new URL("../../data/ee_rounds_123_en.json", import.meta.url), "utf8"),
) as { rounds: Record<string, string>[] };

/** Round 418 as the feed has it, with some fields replaced. */
function rawRound(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...snapshot.rounds[0], ...overrides };
}

function formatError(json: unknown): FeedFormatError {
  try {
    parseRounds(json);
  } catch (error) {
    if (error instanceof FeedFormatError) return error;
    throw error;
  }
  throw new Error("expected a FeedFormatError");
}

describe("parseRounds on the snapshot", () => {
  const { rounds, warnings } = parseRounds(snapshot);

  it("parses all 419 rounds in feed order, each valid against the schema", () => {
    expect(rounds).toHaveLength(419);
    expect(rounds[0].number).toBe("418");
    expect(rounds.at(-1)?.number).toBe("1");
    for (const round of rounds) normalisedRoundSchema.parse(round);
  });

  it("warns only about IRCC's two real inconsistencies", () => {
    expect(warnings).toEqual([
      {
        number: "357",
        field: "drawDateTime",
        message: "round 357: draw time 2025-07-12T16:27:45Z is not on the draw date 2025-07-22; kept as read, check it",
      },
      {
        number: "247",
        field: "distribution",
        message: "round 247: dd3 (451–500) is 55,867 but its rows sum to 55,687",
      },
    ]);
  });

  it("turns every non-empty timestamp into a date, and only empty tie-breaks into null", () => {
    snapshot.rounds.forEach((raw, i) => {
      expect(rounds[i].drawnAt).not.toBeNull();
      expect(rounds[i].tieBreakAt === null).toBe(raw.drawCutOff.trim() === "");
    });
    expect(rounds.filter((r) => r.tieBreakAt === null)).toHaveLength(76);
  });

  it("recognises every drawName", () => {
    expect(rounds.filter((r) => r.kind === "unrecognised")).toEqual([]);
  });

  it("normalises round 418", () => {
    expect(rounds[0]).toMatchObject({
      number: "418",
      date: "2026-05-28",
      drawnAt: "2026-05-28T10:52:36Z",
      tieBreakAt: "2026-04-29T22:20:00Z",
      size: 4500,
      cutoff: 409,
      name: "French-Language proficiency 2026-Version 2",
      kind: "french",
      categoryVersion: "2026-Version 2",
      programs: ["FSW", "CEC", "FST"],
      distributionAsOf: "2026-05-24",
    });
    expect(rounds[0].distribution[17]).toEqual({ key: "dd18", min: 0, max: 1200, role: "total", count: 238847 });
  });

  it.each([
    ["91a", { kind: "fst", programs: ["FST"], tieBreakAt: "2017-06-07T20:11:13Z" }],
    ["91b", { kind: "pnp", programs: ["FSW", "CEC", "FST"] }],
    ["176", { size: 27332, cutoff: 75, kind: "cec" }],
    ["208", { tieBreakAt: "2021-10-07T16:38:21Z", distributionAsOf: null }],
    ["210", { tieBreakAt: "2021-06-22T20:19:59Z" }],
    ["270", { drawnAt: "2023-10-25T15:48:39Z", tieBreakAt: "2023-09-30T04:22:17Z" }],
    ["333", { drawnAt: "2025-01-23T15:30:04Z" }],
    ["6", { drawnAt: "2015-03-27T23:59:47Z", tieBreakAt: null }],
    ["1", { kind: "general", programs: ["FSW", "CEC", "FST"], tieBreakAt: null }],
  ])("round %s reads its quirks", (number, expected) => {
    expect(rounds.find((r) => r.number === number)).toMatchObject(expected);
  });

  it("keeps the distribution of rounds without one as null counts, not zeros", () => {
    const round = rounds.find((r) => r.number === "227");
    expect(round?.distributionAsOf).toBeNull();
    expect(round?.distribution.every((b) => b.count === null)).toBe(true);
    expect(rounds.filter((r) => r.distributionAsOf !== null)).toHaveLength(201);
  });
});

describe("parseRounds on other input", () => {
  it("accepts a bare array of rounds", () => {
    expect(parseRounds([rawRound()]).rounds[0].number).toBe("418");
  });

  it("accepts numbers where IRCC writes text, and a long date", () => {
    const { rounds, warnings } = parseRounds({
      rounds: [
        rawRound({
          drawNumber: 419,
          drawSize: 1500,
          drawCRS: 520,
          drawDate: "June 4, 2026",
          drawDateTime: "June 4, 2026 at 14:49:51 UTC",
        }),
      ],
    });
    expect(rounds[0]).toMatchObject({ number: "419", size: 1500, cutoff: 520, date: "2026-06-04" });
    expect(warnings).toEqual([]);
  });

  it("keeps an unknown category with its raw name, and warns", () => {
    const name = "Researchers with Canadian work experience, 2026-Version 1";
    const { rounds, warnings } = parseRounds({ rounds: [rawRound({ drawName: name })] });
    expect(rounds[0]).toMatchObject({ name, kind: "unrecognised", categoryVersion: "2026-Version 1" });
    expect(warnings).toEqual([
      { number: "418", field: "drawName", message: `round 418: drawName "${name}" is not a known kind; an admin can map it` },
    ]);
  });

  it("keeps an unreadable timestamp as missing, with a warning naming the round", () => {
    const { rounds, warnings } = parseRounds({ rounds: [rawRound({ drawCutOff: "sometime in April" })] });
    expect(rounds).toHaveLength(1);
    expect(rounds[0].tieBreakAt).toBeNull();
    expect(warnings).toEqual([
      {
        number: "418",
        field: "drawCutOff",
        message: 'round 418: drawCutOff "sometime in April" could not be read (cannot read "sometime"); kept as missing',
      },
    ]);
  });

  it("warns when the tie-break is after the draw", () => {
    const { warnings } = parseRounds({ rounds: [rawRound({ drawCutOff: "May 29, 2026 at 10:00:00 UTC" })] });
    expect(warnings.map((w) => w.message)).toEqual([
      "round 418: tie-break 2026-05-29T10:00:00Z is after the draw 2026-05-28T10:52:36Z",
    ]);
  });

  it("keeps an unreadable distribution count as null, not the round", () => {
    const { rounds, warnings } = parseRounds({ rounds: [rawRound({ dd5: "13.323" })] });
    expect(rounds[0].distribution[4].count).toBeNull();
    expect(rounds[0].cutoff).toBe(409);
    expect(warnings.map((w) => w.message)).toEqual([
      'round 418: dd5 is "13.323", not a number; kept as missing',
    ]);
  });

  it("falls back to the kind when drawText2 is missing", () => {
    const { rounds } = parseRounds({
      rounds: [rawRound({ drawName: "Canadian Experience Class", drawText2: undefined })],
    });
    expect(rounds[0].programs).toEqual(["CEC"]);
  });
});

describe("parseRounds refuses what is not the feed", () => {
  it.each([
    ["a string", "<html>Service unavailable</html>", /not IRCC's rounds feed: the file holds the text/],
    ["null", null, /not IRCC's rounds feed: the file holds null/],
    ["a number", 42, /not IRCC's rounds feed/],
    ["an object without rounds", {}, /"rounds" is missing/],
    ["rounds that is not a list", { rounds: "x" }, /"rounds" is the text "x", not a list/],
    ["an empty rounds list", { rounds: [] }, /"rounds" is empty/],
    ["a round that is not an object", { rounds: [rawRound(), "x"] }, /^round 2: entry is the text "x"/],
  ])("%s", (_, json, message) => {
    expect(formatError(json).message).toMatch(message);
  });

  it.each([
    [{ drawNumber: "" }, 'round 2: drawNumber is missing'],
    [{ drawNumber: undefined }, 'round 2: drawNumber is missing'],
    [{ drawDate: "" }, 'round 2 (drawNumber "91a"): drawDate is missing'],
    [{ drawDate: "soon" }, 'round 2 (drawNumber "91a"): drawDate is "soon", not a date (cannot read "soon")'],
    [{ drawCRS: "abc" }, 'round 2 (drawNumber "91a"): drawCRS is "abc", not a number'],
    [{ drawCRS: "" }, 'round 2 (drawNumber "91a"): drawCRS is missing'],
    [{ drawCRS: "1,500" }, 'round 2 (drawNumber "91a"): drawCRS is 1500, above the CRS maximum of 1200'],
    [{ drawSize: "4,50" }, 'round 2 (drawNumber "91a"): drawSize is "4,50", not a number'],
    [{ drawSize: "0" }, 'round 2 (drawNumber "91a"): drawSize is 0; a round invites at least one candidate'],
    [{ drawName: { en: "CEC" } }, 'round 2 (drawNumber "91a"): drawName is an object, not text'],
  ])("a round with %j", (overrides, message) => {
    const error = formatError({ rounds: [rawRound(), rawRound({ drawNumber: "91a", ...overrides })] });
    expect(error.message).toBe(message);
    expect(error.where.position).toBe(2);
  });

  it("refuses two rounds with the same number", () => {
    expect(formatError({ rounds: [rawRound(), rawRound()] }).message).toBe(
      'round 2 (drawNumber "418"): same drawNumber as round 1',
    );
  });
});

describe("parseIrccInteger", () => {
  it.each([
    ["4,500", 4500],
    ["238,847", 238847],
    ["1,234,567", 1234567],
    ["409", 409],
    [" 75 ", 75],
    ["4 500", 4500],
    ["4\u00a0500", 4500],
    [3000, 3000],
    ["0", 0],
  ])("%j → %d", (text, n) => {
    expect(parseIrccInteger(text)).toBe(n);
  });

  it.each(["", "abc", "4,50", "4.5", "45,00", "-3", "1e3", 4.5, -1, null, undefined, {}])("%j → null", (text) => {
    expect(parseIrccInteger(text)).toBeNull();
  });
});

describe("parseRounds: found by the fuzz tests (parse-rounds.fuzz.test.ts)", () => {
  it("refuses a NUL character in a text field, naming the round and field (PostgreSQL cannot store it)", () => {
    for (const field of ["drawName", "drawNumber", "drawText2"]) {
      const error = formatError({ rounds: [rawRound({ [field]: "a\u0000b" })] });
      expect(error.where).toMatchObject({ position: 1, field });
      expect(error.message).toMatch(/NUL character/);
    }
  });

  it("quotes at most 80 characters of a 10 MB field in a warning or error", () => {
    const long = "x".repeat(10 * 1024 * 1024);
    const { warnings } = parseRounds({ rounds: [rawRound({ drawName: long })] });
    expect(warnings.map((w) => w.message)).toEqual([`round 418: drawName "${"x".repeat(80)}…" is not a known kind; an admin can map it`]);
    expect(formatError({ rounds: [rawRound({ drawCRS: long })] }).message.length).toBeLessThan(200);
    expect(formatError({ rounds: [rawRound({ drawNumber: long })] }).message.length).toBeLessThan(200);
  });
});
