import { describe, expect, it } from "vitest";
import { type CsvValidationContext, validateClientCsv, validateClientCsvAsync } from "./csv-import";
import { CLIENT_CSV_COLUMNS, clientCsvTemplate } from "./csv-template";

const TORONTO = "11111111-1111-4111-8111-111111111111";
const VANCOUVER = "22222222-2222-4222-8222-222222222222";
const SOFIA = "33333333-3333-4333-8333-333333333333";

const context: CsvValidationContext = {
  teamsByName: new Map([
    ["toronto", TORONTO],
    ["vancouver", VANCOUVER],
  ]),
  teamNames: ["Toronto", "Vancouver"],
  consultantsByEmail: new Map([["sofia@firm.example", SOFIA]]),
  knownCategories: ["french", "healthcare", "stem", "trades"],
  timeZone: "America/Toronto",
  now: new Date("2026-11-25T12:00:00Z"),
};

const HEADER = CLIENT_CSV_COLUMNS.join(",");
type Row = Partial<Record<(typeof CLIENT_CSV_COLUMNS)[number], string>>;
const GOOD: Row = {
  firstName: "Priya",
  lastName: "Sharma",
  email: "priya@example.com",
  team: "Toronto",
  profileNumber: "E001234567",
  profileSubmittedAt: "2026-02-03T14:25:00-05:00",
  programs: "CEC",
  crs: "487",
};
const line = (row: Row) => CLIENT_CSV_COLUMNS.map((c) => row[c] ?? "").join(",");
const csv = (...rows: Row[]) => [HEADER, ...rows.map(line)].join("\n") + "\n";

describe("validateClientCsv: the template", () => {
  it("accepts its own template", () => {
    const result = validateClientCsv(clientCsvTemplate(), context);
    expect(result.errors).toEqual([]);
    expect(result.total).toBe(2);
    expect(result.rows.map((r) => r.line)).toEqual([2, 3]);
  });
});

describe("validateClientCsv: a valid row becomes an insert", () => {
  it("maps columns, applies defaults and normalises values", () => {
    const { rows, errors } = validateClientCsv(
      csv({ ...GOOD, email: "Priya@Example.com", profileNumber: "e001234567", programs: "cec; FSW ;CEC", categories: "Healthcare;stem", consultantEmail: "SOFIA@firm.example", nominationProvince: "on", status: "ITA received" }),
      context,
    );
    expect(errors).toEqual([]);
    const input = rows[0].input;
    expect(input).toMatchObject({
      teamId: TORONTO,
      consultantId: SOFIA,
      email: "Priya@Example.com",
      profileNumber: "E001234567",
      profileSubmittedAt: "2026-02-03T19:25:00.000Z",
      profileExpiresOn: null,
      status: "ita_received",
      programs: ["CEC", "FSW"],
      categories: ["healthcare", "stem"],
      nominationProvince: "ON",
    });
    // crsEffectiveAt defaults to the submission time: the score the profile entered the pool with.
    expect(input.scores).toEqual([{ crs: 487, effectiveAt: "2026-02-03T19:25:00.000Z", source: "import", reason: "CSV import" }]);
  });

  it.each([
    ["no zone is UTC", "2026-02-03T14:25:00", "2026-02-03T14:25:00.000Z"],
    ["a space instead of T", "2026-02-03 14:25", "2026-02-03T14:25:00.000Z"],
    ["an offset", "2026-02-03T14:25:00+05:30", "2026-02-03T08:55:00.000Z"],
  ])("profileSubmittedAt: %s", (_label, value, expected) => {
    const { rows, errors } = validateClientCsv(csv({ ...GOOD, profileSubmittedAt: value }), context);
    expect(errors).toEqual([]);
    expect(rows[0].input.profileSubmittedAt).toBe(expected);
  });

  it("keeps an explicit expiry as an override, but not one equal to the 12-month default", () => {
    const explicit = validateClientCsv(csv({ ...GOOD, profileExpiresAt: "2026-12-01" }), context);
    expect(explicit.rows[0].input.profileExpiresOn).toBe("2026-12-01");
    const same = validateClientCsv(csv({ ...GOOD, profileExpiresAt: "2027-02-03" }), context);
    expect(same.rows[0].input.profileExpiresOn).toBeNull();
  });

  it("a prospect may have no score and no submission", () => {
    const { rows, errors } = validateClientCsv(csv({ firstName: "Ana", lastName: "Silva", team: "vancouver", status: "prospect" }), context);
    expect(errors).toEqual([]);
    expect(rows[0].input).toMatchObject({ teamId: VANCOUVER, status: "prospect", scores: [], profileSubmittedAt: null });
  });

  it("a prospect's score without dates takes effect now", () => {
    const { rows } = validateClientCsv(csv({ firstName: "Ana", lastName: "Silva", team: "Toronto", status: "prospect", crs: "350" }), context);
    expect(rows[0].input.scores[0].effectiveAt).toBe("2026-11-25T12:00:00.000Z");
  });

  it("accepts status codes written with spaces and in any case", () => {
    for (const status of ["profile_active", "Profile Active", "PROFILE IN THE POOL", "landed"]) {
      expect(validateClientCsv(csv({ ...GOOD, status }), context).errors).toEqual([]);
    }
  });
});

describe("validateClientCsv: every error of every row, with line and column", () => {
  it("reports all problems of a row, in column order", () => {
    const { errors, rows } = validateClientCsv(
      csv(GOOD, {
        firstName: "",
        lastName: "Okafor",
        email: "not-an-email",
        dateOfBirth: "1990-02-30",
        team: "Montreal",
        consultantEmail: "nobody@firm.example",
        profileNumber: "E1",
        profileSubmittedAt: "2026-01-01",
        status: "invited",
        programs: "CEC;PNP",
        categories: "stem;aviation",
        crs: "1300",
        languageTestDate: "20/01/2025",
      }),
      context,
    );
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(errors.every((e) => e.line === 3 && e.kind === "invalid")).toBe(true);
    expect(errors.map((e) => e.column)).toEqual([
      "firstName",
      "email",
      "dateOfBirth",
      "team",
      "consultantEmail",
      "profileNumber",
      "profileSubmittedAt",
      "status",
      "programs",
      "categories",
      "crs",
      "languageTestDate",
    ]);
    expect(errors.find((e) => e.column === "team")?.message).toBe('No team "Montreal" in your firm. Teams: Toronto, Vancouver.');
    expect(errors.find((e) => e.column === "programs")?.message).toContain('"PNP"');
    expect(errors.find((e) => e.column === "categories")?.message).toContain('"aviation"');
  });

  it("requires crs and profileSubmittedAt unless the status is prospect", () => {
    const { errors } = validateClientCsv(csv({ ...GOOD, crs: "", profileSubmittedAt: "" }), context);
    expect(errors.map((e) => e.column)).toEqual(["profileSubmittedAt", "crs"]);
  });

  it.each(["-5", "abc", "480.5", "1201"])("refuses crs %s", (crs) => {
    expect(validateClientCsv(csv({ ...GOOD, crs }), context).errors.map((e) => e.column)).toEqual(["crs"]);
  });

  it.each(["2025-13-01", "2025-02-29", "1 Jan 2025", "2025-1-5"])("refuses the calendar date %s", (date) => {
    const { errors } = validateClientCsv(csv({ ...GOOD, passportExpiresAt: date }), context);
    expect(errors).toEqual([{ line: 2, column: "passportExpiresAt", message: "Use a date as YYYY-MM-DD.", kind: "invalid" }]);
  });

  it("refuses a team outside the importer's own teams", () => {
    const { errors } = validateClientCsv(csv(GOOD, { ...GOOD, team: "Vancouver", email: "b@example.com", profileNumber: "E2222222" }), {
      ...context,
      writableTeamIds: new Set([TORONTO]),
    });
    expect(errors).toEqual([{ line: 3, column: "team", message: 'You can import clients only into your own teams; "Vancouver" is not one of them.', kind: "invalid" }]);
  });

  it("flags a wrong number of fields", () => {
    const text = `${HEADER}\n${line(GOOD)},extra\n`;
    expect(validateClientCsv(text, context).errors).toEqual([{ line: 2, column: "(row)", message: `This row has ${CLIENT_CSV_COLUMNS.length + 1} fields; the header has ${CLIENT_CSV_COLUMNS.length}.`, kind: "invalid" }]);
  });
});

describe("validateClientCsv: duplicates within the file", () => {
  it("flags the later row, naming the earlier line, for profile number and email (any case)", () => {
    const { errors, duplicates, rows } = validateClientCsv(
      csv(GOOD, { ...GOOD, email: "other@example.com", profileNumber: "e001234567" }, { ...GOOD, email: "PRIYA@example.com", profileNumber: "E7654321" }),
      context,
    );
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(errors).toEqual([
      { line: 3, column: "profileNumber", message: "Same profile number as line 2.", kind: "duplicate" },
      { line: 4, column: "email", message: "Same email as line 2.", kind: "duplicate" },
    ]);
    expect(duplicates).toEqual([
      { line: 3, field: "profileNumber", duplicateOfLine: 2 },
      { line: 4, field: "email", duplicateOfLine: 2 },
    ]);
  });
});

describe("validateClientCsv: the header", () => {
  it("names every extra column and refuses the file", () => {
    const text = `${HEADER},phone,Age\n${line(GOOD)},555,30\n`;
    const result = validateClientCsv(text, context);
    expect(result.rows).toEqual([]);
    expect(result.total).toBe(1);
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [1, "phone"],
      [1, "Age"],
    ]);
    expect(result.errors[0].message).toContain('Unknown column "phone"');
  });

  it("hints at a column written in the wrong case", () => {
    const text = HEADER.replace("firstName", "FirstName") + `\n${line(GOOD)}\n`;
    expect(validateClientCsv(text, context).errors.map((e) => e.message)).toEqual([
      'Unknown column "FirstName": did you mean "firstName"? Column names are case-sensitive.',
      'The required column "firstName" is missing.',
    ]);
  });

  it("needs only firstName, lastName and team; absent optional columns read as empty", () => {
    const text = "firstName,lastName,team,status\nAna,Silva,Toronto,prospect\n";
    const result = validateClientCsv(text, context);
    expect(result.errors).toEqual([]);
    expect(result.rows[0].input.status).toBe("prospect");
  });

  it("reports a missing required column", () => {
    const text = "firstName,team\nAna,Toronto\n";
    expect(validateClientCsv(text, context).errors).toEqual([{ line: 1, column: "lastName", message: 'The required column "lastName" is missing.', kind: "invalid" }]);
  });

  it("reports an empty file", () => {
    expect(validateClientCsv("", context).errors[0]).toMatchObject({ line: 1, column: "(file)" });
  });

  it("reports a file that is not CSV", () => {
    const result = validateClientCsv(`${HEADER}\n"unterminated,quote\n`, context);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].column).toBe("(file)");
  });
});

describe("validateClientCsv: line numbers are file lines", () => {
  it("counts blank lines, CRLF, a byte-order mark and quoted line breaks", () => {
    const notes = '"Line one\r\nline two"';
    const text = `\uFEFF${HEADER}\r\n${line(GOOD)}\r\n\r\n${line({ ...GOOD, email: "x@example.com", profileNumber: "E2", notes: "" }).replace(/,$/, `,${notes}`)}\r\n${line({ ...GOOD, crs: "x", email: "y@example.com", profileNumber: "E3333333" })}\r\n`;
    const { errors, total } = validateClientCsv(text, context);
    expect(total).toBe(3);
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [4, "profileNumber"],
      [6, "crs"],
    ]);
  });

  it("skips rows whose fields are all empty", () => {
    const text = `${HEADER}\n${",".repeat(19)}\n${line(GOOD)}\n`;
    const result = validateClientCsv(text, context);
    expect(result.total).toBe(1);
    expect(result.rows[0].line).toBe(3);
  });
});

describe("validateClientCsv: scale", () => {
  it("checks 10,000 rows in seconds, not minutes (a regression guard; ~0.6 s here)", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => line({ ...GOOD, email: `c${i}@example.com`, profileNumber: `E${String(i).padStart(9, "0")}` }));
    const started = performance.now();
    const result = validateClientCsv([HEADER, ...rows].join("\n"), context);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(10_000);
  });
});

describe("validateClientCsvAsync", () => {
  it("gives the same result as the synchronous check and reports progress once the file is read, then every 2,000 rows", async () => {
    const rows = Array.from({ length: 4_500 }, (_, i) => line({ ...GOOD, email: `a${i}@example.com`, profileNumber: `E${String(i).padStart(9, "0")}`, crs: i === 4_000 ? "x" : "480" }));
    const text = [HEADER, ...rows].join("\n");
    const progress: [number, number][] = [];
    const result = await validateClientCsvAsync(text, context, (done, total) => progress.push([done, total]));
    expect(progress).toEqual([
      [0, 4_500],
      [2_000, 4_500],
      [4_000, 4_500],
      [4_500, 4_500],
    ]);
    expect(result).toEqual(validateClientCsv(text, context));
    expect(result.errors).toEqual([{ line: 4_002, column: "crs", message: '"x" is not a CRS score: use a whole number from 0 to 1200.', kind: "invalid" }]);
  });
});

describe("validateClientCsv: itaDate and itaRound", () => {
  const errorsOf = (row: Row) => validateClientCsv(csv({ ...GOOD, ...row }), context).errors.map((e) => `${e.line}:${e.column}`);

  it("makes a row with an ITA date and no status invited, keeping the round", () => {
    const { rows, errors } = validateClientCsv(csv({ ...GOOD, itaDate: "2026-10-01", itaRound: "350" }), context);
    expect(errors).toEqual([]);
    expect(rows[0].input).toMatchObject({ status: "ita_received", itaDate: "2026-10-01", itaRound: "350", invitedAt: "2026-10-01T23:59:59.999Z" });
  });

  it("keeps a later status given with the ITA date", () => {
    const { rows } = validateClientCsv(csv({ ...GOOD, itaDate: "2026-10-01", status: "application_submitted" }), context);
    expect(rows[0].input).toMatchObject({ status: "application_submitted", itaDate: "2026-10-01", itaRound: null });
  });

  it("names the row and column of each bad value", () => {
    expect(errorsOf({ itaDate: "2026-02-30" })).toEqual(["2:itaDate"]);
    expect(errorsOf({ itaRound: "350" })).toEqual(["2:itaRound"]);
    expect(errorsOf({ itaDate: "2026-10-01", status: "profile_active" })).toEqual(["2:itaDate"]);
    // Before the profile was submitted (2026-02-03), or after today (2026-11-25).
    expect(errorsOf({ itaDate: "2026-02-02" })).toEqual(["2:itaDate"]);
    expect(errorsOf({ itaDate: "2026-11-26" })).toEqual(["2:itaDate"]);
  });
});

describe("validateClientCsv: found by the fuzz tests (csv-import.fuzz.test.ts)", () => {
  it("reports a NUL character in a cell as that cell's error instead of passing a row PostgreSQL cannot store", () => {
    const result = validateClientCsv(csv({ ...GOOD, firstName: "a\u0000b" }), context);
    expect(result.rows).toEqual([]);
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([[2, "firstName"]]);
    expect(result.errors[0].message).toMatch(/NUL character/);
  });

  it("reports a date or time outside the years 1900–9998 as that cell's error (year 1 broke the expiry arithmetic)", () => {
    const result = validateClientCsv(csv({ ...GOOD, profileSubmittedAt: "0001-01-01T00:00:00+14:00", passportExpiresAt: "1899-12-31" }), context);
    expect(result.rows).toEqual([]);
    expect(result.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, "profileSubmittedAt", "Use a year from 1900 to 9998."],
      [2, "passportExpiresAt", "Use a year from 1900 to 9998."],
    ]);
  });
});

describe("validateClientCsv: a header of empty names (fuzz counterexample: the file \",\")", () => {
  it("names the repeated empty column \"(empty)\" rather than an empty column name", () => {
    const result = validateClientCsv(",", context);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.every((e) => e.column !== "")).toBe(true);
    expect(result.errors.filter((e) => /appears more than once/.test(e.message)).map((e) => e.column)).toEqual(["(empty)"]);
  });
});
