/**
 * Runs the real CLI (`npx tsx scripts/crs.ts`) on temp files, as a consultant or a cron job would.
 * Each run starts a Node process (~1 s), so the cases are few and each checks several things.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { calculateCrs, crsInputSchema } from "../../lib/crs";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "crs-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const clb = (n: number) => ({ reading: n, writing: n, listening: n, speaking: n });
const single = {
  age: 29,
  hasAccompanyingSpouse: false,
  education: "bachelors",
  firstLanguage: { language: "english", clb: { reading: 9, writing: 8, listening: 9, speaking: 8 } },
  secondLanguage: null,
  canadianWorkYears: 1,
  foreignWorkYears: 3,
  certificateOfQualification: false,
  spouse: null,
  siblingInCanada: false,
  canadianEducation: "none",
  provincialNomination: false,
};
const married = {
  ...single,
  age: 35,
  hasAccompanyingSpouse: true,
  firstLanguage: { language: "french", clb: clb(10) },
  secondLanguage: { language: "english", clb: clb(6) },
  spouse: { education: "bachelors", language: { clb: clb(7) }, canadianWorkYears: 1 },
  provincialNomination: true,
};

function file(name: string, content: string): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

function run(args: string[], input?: string) {
  const result = spawnSync("npx", ["tsx", "scripts/crs.ts", ...args], {
    cwd: repoRoot,
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("scripts/crs.ts", { timeout: 60_000 }, () => {
  it("prints an array of results, in order, for an array of profiles", () => {
    const { code, stdout, stderr } = run([file("valid.json", JSON.stringify([single, married, single]))]);
    expect(stderr).not.toMatch(/profile|crs:/);
    expect(code).toBe(0);
    const expected = [single, married, single].map((p) => calculateCrs(crsInputSchema.parse(p)));
    expect(JSON.parse(stdout)).toEqual(expected);
    expect(JSON.parse(stdout)[0].total).toBe(454);
    // One result per line inside the array, each exactly JSON.stringify of the result.
    expect(stdout.split("\n")[1]).toBe(`${JSON.stringify(expected[0])},`);
  });

  it("prints one result for one profile, and reads standard input for '-'", () => {
    const { code, stdout } = run(["-"], JSON.stringify(married));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(calculateCrs(crsInputSchema.parse(married)));
  });

  it("rejects an invalid profile with its index and field on stderr, nothing on stdout, exit 1", () => {
    const bad = { ...single, firstLanguage: { language: "english", clb: { ...clb(9), reading: 13 } } };
    const worse = { ...married, spouse: null, age: "35" };
    const { code, stdout, stderr } = run([file("invalid.json", JSON.stringify([single, bad, single, worse]))]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("profile 1: firstLanguage.clb.reading: expected an integer from 0 to 12, got 13");
    expect(stderr).toContain('profile 3: age: expected an integer from 0 to 120, got "35"');
    expect(stderr).toContain("profile 3: spouse: required when hasAccompanyingSpouse is true");
    expect(stderr).toContain("3 error(s) in 2 of 4 profiles; nothing was calculated.");
    expect(stderr).not.toContain("profile 0");
  });

  it("takes test results instead of CLB levels, scoring them as the chart's levels, and names a result off the scale", () => {
    // IELTS General Training L 8 / R 7 / W 7 / S 7 is CLB 9 in every ability; TEF Canada 434/434/428/456 is NCLC 7.
    const ielts = { ...single, firstLanguage: { test: "ielts_general", scores: { listening: 8, reading: 7, writing: 7, speaking: 7 } }, secondLanguage: { test: "tef_canada", scores: { listening: 434, reading: 434, writing: 428, speaking: 456 } } };
    const asClb = { ...single, firstLanguage: { language: "english", clb: clb(9) }, secondLanguage: { language: "french", clb: clb(7) } };
    const ok = run([file("tests.json", JSON.stringify([ielts]))]);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)[0].total).toBe(calculateCrs(crsInputSchema.parse(asClb)).total);

    const off = { ...ielts, firstLanguage: { test: "ielts_general", scores: { listening: 8, reading: 9.5, writing: 7, speaking: 7 } } };
    const bad = run([file("tests-bad.json", JSON.stringify(off))]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("profile: firstLanguage.scores.reading: expected a band from 0 to 9 in steps of 0.5 for IELTS General Training reading, got 9.5");
  });

  it("caps the error list at 50 lines and says how many more there are", () => {
    const profiles = Array.from({ length: 30 }, () => ({ ...single, age: -1, foreignWorkYears: -1 }));
    const { code, stdout, stderr } = run([file("many.json", JSON.stringify(profiles))]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.split("\n").filter((l) => l.startsWith("profile "));
    expect(lines).toHaveLength(50);
    expect(stderr).toContain("… and 10 more errors");
  });

  it("explains a missing file, invalid JSON and a wrong top-level value (exit 1), and usage (exit 2)", () => {
    const missing = run([path.join(dir, "nope.json")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/crs: cannot read .*nope\.json: ENOENT/);

    const broken = run([file("broken.json", "[{")]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe("");
    expect(broken.stderr).toMatch(/crs: .*broken\.json is not valid JSON/);

    const scalar = run([file("scalar.json", "42")]);
    expect(scalar.code).toBe(1);
    expect(scalar.stderr).toContain("crs: expected a profile object or an array of profiles, got 42");

    const usage = run([]);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe("");
    expect(usage.stderr).toContain("Usage: npm run --silent crs -- FILE.json");
  });
});
