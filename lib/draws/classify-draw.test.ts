import { describe, expect, it } from "vitest";
import { applyDrawKindMappings, classifyDrawName, drawNameKey, isRecognisedDrawName, parseDrawPrograms } from "./classify-draw";

describe("classifyDrawName", () => {
  // Every distinct drawName of the snapshot (rounds 1–418), then reasonable variations.
  it.each([
    ["No Program Specified", "general", null],
    ["General", "general", null],
    ["Canadian Experience Class", "cec", null],
    ["Provincial Nominee Program", "pnp", null],
    ["Federal Skilled Worker", "fsw", null],
    ["Federal Skilled Trades", "fst", null],
    ["French language proficiency (Version 1)", "french", "Version 1"],
    ["French-Language proficiency 2026-Version 2", "french", "2026-Version 2"],
    ["Healthcare occupations (Version 1)", "healthcare", "Version 1"],
    ["Healthcare and social services occupations (Version 2)", "healthcare", "Version 2"],
    ["Healthcare and Social Services Occupations, 2026-Version 3", "healthcare", "2026-Version 3"],
    ["STEM occupations (Version 1)", "stem", "Version 1"],
    ["Trade occupations (Version 1)", "trades", "Version 1"],
    ["Trade occupations (Version 2)", "trades", "Version 2"],
    ["Trades Occupations, 2026-Version 3", "trades", "2026-Version 3"],
    ["Transport occupations (Version 1)", "transport", "Version 1"],
    ["Agriculture and agri-food occupations (Version 1)", "agriculture", "Version 1"],
    ["Education occupations (Version 1)", "education", "Version 1"],
    ["Physicians with Canadian Work Experience, 2026-Version 1", "physicians", "2026-Version 1"],
    ["Senior managers with Canadian Work Experience, 2026-Version 1", "senior_managers", "2026-Version 1"],
    // Variations
    ["French-language proficiency (2024-Version 1)", "french", "2024-Version 1"],
    ["  canadian experience class ", "cec", null],
    ["Federal Skilled Worker Program", "fsw", null],
    ["Healthcare and social services occupations", "healthcare", null],
    ["Agriculture & agri-food occupations (2025 - Version 2)", "agriculture", "2025-Version 2"],
    ["STEM occupations, 2026-Version 1", "stem", "2026-Version 1"],
    ["Transport occupations 2026-Version 2", "transport", "2026-Version 2"],
  ])("%j → %s (%s)", (name, kind, categoryVersion) => {
    expect(classifyDrawName(name)).toEqual({ kind, categoryVersion });
  });

  it.each([
    "Skilled Trades for French speakers (2026-Version 1)",
    "Researchers with Canadian work experience",
    "Canadian Experience Class and French",
    "",
    "Version 3",
  ])("%j is unrecognised, never forced into a known kind", (name) => {
    expect(classifyDrawName(name).kind).toBe("unrecognised");
  });

  it("keeps the version of an unrecognised category", () => {
    expect(classifyDrawName("Researchers, 2026-Version 1")).toEqual({
      kind: "unrecognised",
      categoryVersion: "2026-Version 1",
    });
  });
});

describe("classifyDrawName with an administrator's mappings", () => {
  const mappings = new Map([
    [drawNameKey("Skilled Military Recruits (2026-Version 1)"), "military"],
    [drawNameKey("Researchers with Canadian work experience"), "stem"],
    // A mapping for a name the rules know is never used (the screen and the CLI refuse to make one).
    [drawNameKey("Canadian Experience Class"), "stem"],
  ]);

  it.each([
    ["Skilled Military Recruits, 2026-Version 2", "military", "2026-Version 2"],
    ["skilled military recruits", "military", null],
    ["Skilled  Military-Recruits (2026 - Version 3)", "military", "2026-Version 3"],
    ["Researchers with Canadian Work Experience", "stem", null],
    ["Canadian Experience Class", "cec", null],
    ["Skilled Military Recruits for French speakers", "unrecognised", null],
  ])("%j → %s (%s)", (name, kind, categoryVersion) => {
    expect(classifyDrawName(name, mappings)).toEqual({ kind, categoryVersion });
  });

  it("keys a name by its words, whatever the version, case and punctuation", () => {
    expect(drawNameKey("Skilled Military Recruits, 2026-Version 1")).toBe("skilled military recruits");
    expect(drawNameKey("Agriculture & agri-food occupations (2025 - Version 2)")).toBe(drawNameKey("agriculture and agri food occupations"));
  });

  it("tells which names the built-in rules already recognise", () => {
    expect(isRecognisedDrawName("Trades Occupations, 2026-Version 3")).toBe(true);
    expect(isRecognisedDrawName("Skilled Military Recruits, 2026-Version 1")).toBe(false);
  });

  it("applies mappings to unrecognised rounds only, leaving the others as they are", () => {
    const rounds = [
      { number: "420", name: "Skilled Military Recruits, 2026-Version 1", kind: "unrecognised" as const },
      { number: "421", name: "Canadian Experience Class", kind: "cec" as const },
      { number: "422", name: "Lighthouse keepers", kind: "unrecognised" as const },
    ];
    expect(applyDrawKindMappings(rounds, mappings).map((r) => r.kind)).toEqual(["military", "cec", "unrecognised"]);
    expect(applyDrawKindMappings(rounds, new Map())).toEqual(rounds);
  });
});

describe("parseDrawPrograms", () => {
  it.each([
    ["Federal Skilled Worker Program, Canadian Experience Class and Federal Skilled Trades Program", "french", ["FSW", "CEC", "FST"]],
    ["Federal Skilled Worker, Canadian Experience Class, Federal Skilled Trades and Provincial Nominee Program", "general", ["FSW", "CEC", "FST"]],
    ["Federal Skilled Worker Program, Canadian Experience Class, Federal Skilled Trades Program and Provincial Nominee Program", "general", ["FSW", "CEC", "FST"]],
    ["Canadian Experience Class", "cec", ["CEC"]],
    ["Federal Skilled Worker", "fsw", ["FSW"]],
    ["Federal Skilled Trades", "fst", ["FST"]],
    // A nominee is also in one of the three federal programs: a PNP round covers all three.
    ["Provincial Nominee Program", "pnp", ["FSW", "CEC", "FST"]],
    ["Canadian Experience Class and Federal Skilled Worker Program", "general", ["FSW", "CEC"]],
  ] as const)("%j → %j", (text, kind, programs) => {
    expect(parseDrawPrograms(text, kind)).toEqual({ programs });
  });

  it("treats a category an administrator created as open to all programs when the text says none", () => {
    expect(parseDrawPrograms("", "military" as never)).toEqual({ programs: ["FSW", "CEC", "FST"] });
  });

  it.each([
    ["pnp", ["FSW", "CEC", "FST"]],
    ["cec", ["CEC"]],
    ["fsw", ["FSW"]],
    ["fst", ["FST"]],
    ["general", ["FSW", "CEC", "FST"]],
    ["healthcare", ["FSW", "CEC", "FST"]],
    ["unrecognised", ["FSW", "CEC", "FST"]],
  ] as const)("missing drawText2 falls back to what %s implies", (kind, programs) => {
    expect(parseDrawPrograms(undefined, kind)).toEqual({ programs });
    expect(parseDrawPrograms("  ", kind)).toEqual({ programs });
  });

  it("falls back with a warning when drawText2 names no program", () => {
    expect(parseDrawPrograms("All programs", "cec")).toEqual({
      programs: ["CEC"],
      warning: expect.stringMatching(/no program/),
    });
  });
});
