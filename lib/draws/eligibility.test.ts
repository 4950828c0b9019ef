import { describe, expect, it } from "vitest";
import { CLIENT_STATUSES, CLIENT_STATUS_LABELS, type ClientStatus } from "@/lib/clients/status";
import { profileExpiresAt } from "@/lib/deadlines/expiry";
import {
  type EligibilityClient,
  type EligibilityDraw,
  INELIGIBLE_REASONS,
  INELIGIBLE_REASON_LABELS,
  drawInstant,
  drawResultForClient,
  eligibilityForDraw,
  isAboveCutoff,
} from "./eligibility";

const TIE_BREAK = "2025-05-01T12:00:00Z";

const DRAW: EligibilityDraw = {
  number: "350",
  kind: "cec",
  programs: ["CEC"],
  drawnAt: "2025-06-02T14:00:00Z",
  date: "2025-06-02",
  cutoff: 500,
  tieBreakAt: TIE_BREAK,
};

const PREVIOUS: EligibilityDraw = {
  number: "345",
  kind: "cec",
  programs: ["CEC"],
  drawnAt: "2025-05-15T14:00:00Z",
  date: "2025-05-15",
  cutoff: 520,
  tieBreakAt: "2025-04-10T12:00:00Z",
};

const CLIENT: EligibilityClient = {
  status: "profile_active",
  profileSubmittedAt: "2025-01-10T15:00:00Z",
  profileExpiresAt: profileExpiresAt("2026-01-10"),
  programs: ["CEC"],
  nominationProvince: null,
  categories: [],
  crsAsOfDraw: 510,
};

function reasons(client: Partial<EligibilityClient>, draw: Partial<EligibilityDraw> = {}) {
  const result = eligibilityForDraw({ ...CLIENT, ...client }, { ...DRAW, ...draw });
  return result.eligible ? [] : result.reasons;
}

describe("eligibilityForDraw: status", () => {
  it.each<[ClientStatus, string[]]>([
    ["prospect", ["not_in_pool"]],
    ["profile_active", []],
    ["ita_received", ["already_invited"]],
    ["application_submitted", ["already_invited"]],
    ["landed", ["already_invited"]],
    ["withdrawn", ["withdrawn"]],
    ["closed", ["closed"]],
  ])("%s → %j", (status, expected) => {
    expect(reasons({ status })).toEqual(expected);
  });

  it("labels every status and reason", () => {
    for (const status of CLIENT_STATUSES) expect(CLIENT_STATUS_LABELS[status]).toBeTruthy();
    for (const reason of INELIGIBLE_REASONS) expect(INELIGIBLE_REASON_LABELS[reason]).toBeTruthy();
  });
});

describe("eligibilityForDraw: already invited", () => {
  it.each<[string, ClientStatus, string | null, string[]]>([
    ["ITA before the draw", "ita_received", "2025-05-15T14:00:05Z", ["already_invited"]],
    ["ITA from a later draw: was in the pool then", "ita_received", "2025-06-20T14:00:00Z", []],
    ["ITA at the draw time (this draw invited them)", "landed", "2025-06-02T14:00:00Z", []],
    ["ITA time unknown", "application_submitted", null, ["already_invited"]],
    ["declined ITA, back in the pool", "profile_active", "2025-05-15T14:00:05Z", []],
  ])("%s", (_, status, invitedAt, expected) => {
    expect(reasons({ status, invitedAt })).toEqual(expected);
  });
});

describe("eligibilityForDraw: in the pool at the draw time", () => {
  it.each<[string, Partial<EligibilityClient>, string[]]>([
    ["not submitted", { profileSubmittedAt: null }, ["not_in_pool"]],
    ["submitted after the draw", { profileSubmittedAt: "2025-06-02T14:00:01Z" }, ["not_in_pool"]],
    ["submitted exactly at the draw time", { profileSubmittedAt: "2025-06-02T14:00:00Z" }, []],
    ["expired before the draw", { profileExpiresAt: "2025-06-01T04:00:00Z" }, ["profile_expired"]],
    ["expires exactly at the draw time", { profileExpiresAt: "2025-06-02T14:00:00Z" }, ["profile_expired"]],
    ["expires just after the draw time", { profileExpiresAt: "2025-06-02T14:00:00.001Z" }, []],
    ["expiry date is the draw date (last day in the pool)", { profileExpiresAt: profileExpiresAt("2025-06-02") }, []],
    ["expiry date the day before the draw", { profileExpiresAt: profileExpiresAt("2025-06-01") }, ["profile_expired"]],
  ])("%s → %j", (_, client, expected) => {
    expect(reasons(client)).toEqual(expected);
  });

  it("applies the 12-month rule when profileExpiresAt is null", () => {
    // Submitted 2024-06-01 (Toronto) → last day 2025-06-01 → out at 2025-06-02T04:00Z.
    const client = { profileSubmittedAt: "2024-06-01T15:00:00Z", profileExpiresAt: null };
    expect(reasons(client)).toEqual(["profile_expired"]);
    expect(reasons(client, { drawnAt: "2025-06-02T03:59:59Z", date: "2025-06-01" })).toEqual([]);
  });

  it("refuses a calendar date where an instant is required", () => {
    expect(() => reasons({ profileExpiresAt: "2026-01-10" })).toThrow(RangeError);
  });
});

describe("drawInstant", () => {
  it("is drawnAt, or the end of the draw date in UTC", () => {
    expect(drawInstant(DRAW).toISOString()).toBe("2025-06-02T14:00:00.000Z");
    expect(drawInstant({ drawnAt: null, date: "2025-06-02" }).toISOString()).toBe("2025-06-02T23:59:59.999Z");
  });

  it("counts a profile submitted on the draw date as in the pool when the draw time is unknown", () => {
    expect(reasons({ profileSubmittedAt: "2025-06-02T20:00:00Z" }, { drawnAt: null })).toEqual([]);
    expect(reasons({ profileSubmittedAt: "2025-06-03T00:00:00Z" }, { drawnAt: null })).toEqual(["not_in_pool"]);
  });
});

describe("eligibilityForDraw: programs, nomination, category, score", () => {
  const pnp: Partial<EligibilityDraw> = { kind: "pnp", programs: [] };
  const stem: Partial<EligibilityDraw> = { kind: "stem", programs: ["FSW", "CEC", "FST"] };

  it.each<[string, Partial<EligibilityClient>, Partial<EligibilityDraw>, string[]]>([
    ["program mismatch", { programs: ["FSW"] }, {}, ["no_program"]],
    ["one program in common is enough", { programs: ["FSW", "CEC"] }, {}, []],
    ["no program recorded", { programs: [] }, { programs: ["FSW", "CEC", "FST"] }, ["no_program"]],
    ["empty draw programs mean all programs", { programs: ["FST"] }, { programs: [] }, []],
    ["PNP without nomination", {}, pnp, ["no_nomination"]],
    ["PNP with nomination", { nominationProvince: "ON" }, pnp, []],
    ["PNP, blank province", { nominationProvince: " " }, pnp, ["no_nomination"]],
    ["PNP, nominated after the draw date", { nominationProvince: "BC", nominatedOn: "2025-06-03" }, pnp, ["no_nomination"]],
    ["PNP, nominated on the draw date", { nominationProvince: "BC", nominatedOn: "2025-06-02" }, pnp, []],
    ["CEC draw needs no nomination", { nominationProvince: null }, {}, []],
    ["category draw, no category", {}, stem, ["no_category"]],
    ["category draw, other category", { categories: ["healthcare"] }, stem, ["no_category"]],
    ["category draw, category held", { categories: ["stem"] }, stem, []],
    ["unrecognised draw checks programs only", {}, { kind: "unrecognised" }, []],
    ["a category an administrator created, not held", { categories: ["stem"] }, { kind: "military" as never, isCategory: true }, ["no_category"]],
    ["a category an administrator created, held", { categories: ["military"] }, { kind: "military" as never, isCategory: true }, []],
    ["language test expired before the draw date", { languageTestExpiresOn: "2025-06-01" }, {}, ["language_test_expired"]],
    ["language test expiring on the draw date", { languageTestExpiresOn: "2025-06-02" }, {}, []],
    ["no score", { crsAsOfDraw: null }, {}, ["no_score"]],
    ["NaN score", { crsAsOfDraw: Number.NaN }, {}, ["no_score"]],
  ])("%s → %j", (_, client, draw, expected) => {
    expect(reasons(client, draw)).toEqual(expected);
  });

  it("reports every reason, in INELIGIBLE_REASONS order", () => {
    expect(
      reasons(
        { status: "withdrawn", profileSubmittedAt: null, programs: ["FSW"], crsAsOfDraw: null },
        { kind: "pnp", programs: ["CEC"] },
      ),
    ).toEqual(["withdrawn", "not_in_pool", "no_program", "no_nomination", "no_score"]);
  });
});

describe("isAboveCutoff", () => {
  it.each<[string, number, string | null, string | null, boolean]>([
    ["one point above, submitted after the tie-break", 501, "2025-05-20T00:00:00Z", TIE_BREAK, true],
    ["equal, submitted before the tie-break", 500, "2025-04-30T12:00:00Z", TIE_BREAK, true],
    ["equal, submitted exactly at the tie-break", 500, TIE_BREAK, TIE_BREAK, true],
    ["equal, submitted one second after", 500, "2025-05-01T12:00:01Z", TIE_BREAK, false],
    ["equal, the same instant written with an offset", 500, "2025-05-01T08:00:00-04:00", TIE_BREAK, true],
    ["one point below", 499, "2025-01-01T00:00:00Z", TIE_BREAK, false],
    ["equal, no tie-break time published", 500, "2025-05-20T00:00:00Z", null, true],
    ["equal, no submission time", 500, null, TIE_BREAK, false],
  ])("%s → %s", (_, crs, submittedAt, tieBreakAt, expected) => {
    expect(isAboveCutoff(crs, submittedAt, 500, tieBreakAt)).toBe(expected);
  });
});

function result(
  client: Partial<EligibilityClient>,
  draw: Partial<EligibilityDraw> = {},
  previous: EligibilityDraw | null = null,
  previousCrs: number | null = null,
  margin?: number,
) {
  return drawResultForClient({ ...CLIENT, ...client }, { ...DRAW, ...draw }, previous, previousCrs, margin);
}

describe("drawResultForClient", () => {
  it("reports above, margin and tie-break for an eligible client", () => {
    expect(result({ crsAsOfDraw: 510 })).toEqual({
      eligible: true,
      reasons: [],
      above: true,
      newlyAbove: true,
      nearMiss: false,
      margin: 10,
      tieBreak: "not_applicable",
    });
  });

  it("uses the score as of the draw, not the client's current score", () => {
    // The client's CRS fell to 480 after the draw; the caller passes the score in effect then.
    expect(result({ crsAsOfDraw: 505 })).toMatchObject({ above: true, margin: 5 });
    expect(result({ crsAsOfDraw: 480 })).toMatchObject({ above: false, margin: -20 });
  });

  it("is never above when not eligible", () => {
    expect(result({ crsAsOfDraw: 600, programs: ["FSW"] })).toMatchObject({
      eligible: false,
      reasons: ["no_program"],
      above: false,
      newlyAbove: false,
      nearMiss: false,
      margin: 100,
    });
  });

  it.each<[string, string, boolean, string, boolean]>([
    ["before", "2025-04-30T12:00:00Z", true, "before", false],
    ["exactly at", TIE_BREAK, true, "before", false],
    ["after", "2025-05-01T12:00:01Z", false, "after", true],
  ])("equal score submitted %s the tie-break", (_, submittedAt, above, tieBreak, nearMiss) => {
    expect(result({ crsAsOfDraw: 500, profileSubmittedAt: submittedAt })).toMatchObject({
      above,
      tieBreak,
      nearMiss,
      margin: 0,
    });
  });

  it("treats an equal score as above when the round published no tie-break time", () => {
    expect(result({ crsAsOfDraw: 500 }, { tieBreakAt: null })).toMatchObject({
      above: true,
      tieBreak: "no_tie_break_time",
    });
  });

  it.each<[string, number, number | undefined, boolean]>([
    ["10 below, default margin", 490, undefined, true],
    ["11 below, default margin", 489, undefined, false],
    ["11 below, margin 11", 489, 11, true],
    ["1 below, margin 0", 499, 0, false],
  ])("near miss: %s", (_, crs, margin, nearMiss) => {
    expect(result({ crsAsOfDraw: crs }, {}, null, null, margin)).toMatchObject({ above: false, nearMiss });
  });

  it("a lost tie-break is a near miss even with margin 0", () => {
    expect(result({ crsAsOfDraw: 500, profileSubmittedAt: "2025-05-20T00:00:00Z" }, {}, null, null, 0).nearMiss).toBe(true);
  });

  it("no near miss when ineligible or without a score", () => {
    expect(result({ crsAsOfDraw: 495, status: "withdrawn" }).nearMiss).toBe(false);
    expect(result({ crsAsOfDraw: null })).toMatchObject({ nearMiss: false, margin: null, tieBreak: "not_applicable" });
  });

  it("refuses a negative margin and a previous draw of another kind or a later date", () => {
    expect(() => result({}, {}, null, null, -1)).toThrow(RangeError);
    expect(() => result({}, {}, { ...PREVIOUS, kind: "pnp" }, 510)).toThrow(RangeError);
    expect(() => result({}, {}, { ...PREVIOUS, date: "2025-06-10" }, 510)).toThrow(RangeError);
  });
});

describe("drawResultForClient: newly above", () => {
  it.each<[string, Partial<EligibilityClient>, EligibilityDraw | null, number | null, boolean]>([
    ["first draw of its kind", {}, null, null, true],
    ["above the previous cut-off too", {}, PREVIOUS, 525, false],
    ["below the previous cut-off", {}, PREVIOUS, 515, true],
    ["score rose since the previous draw", { crsAsOfDraw: 530 }, PREVIOUS, 500, true],
    ["no score at the previous draw", {}, PREVIOUS, null, true],
    ["not yet in the pool at the previous draw", { profileSubmittedAt: "2025-05-20T00:00:00Z" }, PREVIOUS, 600, true],
    ["not above now", { crsAsOfDraw: 495 }, PREVIOUS, 400, false],
  ])("%s → %s", (_, client, previous, previousCrs, newlyAbove) => {
    expect(result(client, {}, previous, previousCrs).newlyAbove).toBe(newlyAbove);
  });

  it("applies the previous draw's tie-break to the previous score", () => {
    const previous = { ...PREVIOUS, cutoff: 510, tieBreakAt: "2025-01-10T14:59:59Z" };
    // 510 at the previous cut-off but submitted a second after its tie-break: not above then.
    expect(result({ crsAsOfDraw: 510 }, {}, previous, 510).newlyAbove).toBe(true);
    expect(result({ crsAsOfDraw: 510 }, {}, { ...previous, tieBreakAt: "2025-01-10T15:00:00Z" }, 510).newlyAbove).toBe(false);
  });
});
