import { describe, expect, it } from "vitest";
import { formatIssues, issuePath } from "./format-issues";
import { crsInputSchema } from "./schema";
import { clb } from "./test-fixtures";

const valid = {
  age: 29,
  hasAccompanyingSpouse: false,
  education: "bachelors",
  firstLanguage: { language: "english", clb: clb(9, 8, 9, 8) },
  secondLanguage: { language: "french", clb: clb(5) },
  canadianWorkYears: 1,
  foreignWorkYears: 3,
  certificateOfQualification: false,
  spouse: null,
  siblingInCanada: false,
  canadianEducation: "none",
  provincialNomination: false,
};

/** The "path: message" lines for an input, or [] when it is valid. */
function errors(input: unknown): string[] {
  const parsed = crsInputSchema.safeParse(input);
  return parsed.success ? [] : formatIssues(parsed.error);
}

describe("crsInputSchema", () => {
  it("accepts the documented example", () => {
    expect(errors(valid)).toEqual([]);
  });

  it("treats a missing secondLanguage, spouse or spouse.language as null", () => {
    const { secondLanguage: _s, spouse: _p, ...rest } = valid;
    const parsed = crsInputSchema.parse(rest);
    expect(parsed.secondLanguage).toBeNull();
    expect(parsed.spouse).toBeNull();
    const withSpouse = crsInputSchema.parse({
      ...valid,
      hasAccompanyingSpouse: true,
      spouse: { education: "secondary", canadianWorkYears: 0 },
    });
    expect(withSpouse.spouse?.language).toBeNull();
  });

  it("drops unknown keys (a CSV row or form may carry its own ids)", () => {
    expect(crsInputSchema.parse({ ...valid, clientId: "c_1" })).not.toHaveProperty("clientId");
  });

  const cases: Array<[string, unknown, string[]]> = [
    ["CLB above 12", { ...valid, firstLanguage: { language: "english", clb: clb(13, 8, 9, 8) } }, [
      "firstLanguage.clb.reading: expected an integer from 0 to 12, got 13",
    ]],
    ["CLB as a string", { ...valid, secondLanguage: { language: "french", clb: { ...clb(5), writing: "5" } } }, [
      'secondLanguage.clb.writing: expected an integer from 0 to 12, got "5"',
    ]],
    ["fractional age", { ...valid, age: 29.5 }, ["age: expected an integer from 0 to 120, got 29.5"]],
    ["negative work years", { ...valid, foreignWorkYears: -1 }, ["foreignWorkYears: expected a whole number >= 0, got -1"]],
    ["missing boolean", { ...valid, provincialNomination: undefined }, [
      "provincialNomination: expected true or false, got nothing (missing)",
    ]],
    ["unknown education", { ...valid, education: "phd" }, [
      'education: expected one of less_than_secondary, secondary, one_year, two_year, bachelors, two_or_more, masters_or_professional, doctoral, got "phd"',
    ]],
    ["unknown language", { ...valid, firstLanguage: { language: "spanish", clb: clb(9) } }, [
      'firstLanguage.language: expected one of english, french, got "spanish"',
    ]],
    ["same language twice", { ...valid, secondLanguage: { language: "english", clb: clb(5) } }, [
      'secondLanguage.language: must differ from firstLanguage.language, both are "english"',
    ]],
    ["accompanying spouse without spouse data", { ...valid, hasAccompanyingSpouse: true, spouse: null }, [
      "spouse: required when hasAccompanyingSpouse is true: expected a spouse object, got null",
    ]],
    ["bad spouse field", { ...valid, hasAccompanyingSpouse: true, spouse: { education: "secondary", language: { clb: clb(4, 4, 4, 99) }, canadianWorkYears: 0 } }, [
      "spouse.language.clb.speaking: expected an integer from 0 to 12, got 99",
    ]],
    ["not an object", null, ["expected a profile object, got null"]],
    ["an array", [valid], ["expected a profile object, got an array"]],
  ];
  it.each(cases)("reports %s with its field path", (_name, input, expected) => {
    expect(errors(input)).toEqual(expected);
  });

  it("reports every error in one pass, including the cross-field ones", () => {
    const input = { ...valid, age: "29", hasAccompanyingSpouse: true, spouse: null, secondLanguage: { language: "english", clb: clb(5) } };
    expect(errors(input)).toEqual([
      'age: expected an integer from 0 to 120, got "29"',
      "spouse: required when hasAccompanyingSpouse is true: expected a spouse object, got null",
      'secondLanguage.language: must differ from firstLanguage.language, both are "english"',
    ]);
  });

  it("still validates a recorded spouse who does not accompany", () => {
    const input = { ...valid, spouse: { education: "nope", language: null, canadianWorkYears: 0 } };
    expect(errors(input)).toHaveLength(1);
    expect(errors(input)[0]).toMatch(/^spouse\.education: expected one of/);
  });
});

describe("formatIssues", () => {
  it("joins paths with dots and brackets and prefixes each line", () => {
    expect(issuePath(["spouse", "language", "clb", "reading"])).toBe("spouse.language.clb.reading");
    expect(issuePath([3, "age"])).toBe("[3].age");
    const parsed = crsInputSchema.safeParse({ ...valid, age: 200 });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(formatIssues(parsed.error, "profile 3")).toEqual(["profile 3: age: expected an integer from 0 to 120, got 200"]);
    }
  });
});
