import { describe, expect, it } from "vitest";
import { type ClientDeadlineFacts, clientDeadlines } from "./client-deadlines";

const NONE: ClientDeadlineFacts = {
  profileSubmittedAt: null,
  profileExpiresOn: null,
  languageTestDate: null,
  ecaIssuedOn: null,
  workPermitExpiresOn: null,
  passportExpiresOn: null,
};

describe("clientDeadlines", () => {
  it("returns nothing when nothing is known", () => {
    expect(clientDeadlines(NONE, "2025-06-15")).toEqual([]);
  });

  it("lists every known deadline, most urgent first", () => {
    const facts: ClientDeadlineFacts = {
      profileSubmittedAt: "2024-07-01T15:00:00Z", // expires 2025-07-01
      profileExpiresOn: null,
      languageTestDate: "2023-06-10", // expires 2025-06-10: overdue
      ecaIssuedOn: "2021-01-05", // expires 2026-01-05
      workPermitExpiresOn: "2025-08-20",
      passportExpiresOn: "2025-06-20",
    };
    expect(clientDeadlines(facts, "2025-06-15")).toEqual([
      { kind: "language_test", label: "Language test results", dueOn: "2025-06-10", daysLeft: -5, band: "overdue" },
      { kind: "passport", label: "Passport", dueOn: "2025-06-20", daysLeft: 5, band: "7" },
      { kind: "profile", label: "Express Entry profile", dueOn: "2025-07-01", daysLeft: 16, band: "30" },
      { kind: "work_permit", label: "Work permit", dueOn: "2025-08-20", daysLeft: 66, band: "90" },
      {
        kind: "eca",
        label: "Educational credential assessment (ECA)",
        dueOn: "2026-01-05",
        daysLeft: 204,
        band: null,
      },
    ]);
  });

  it("uses the override, even without a submission time", () => {
    const [profile] = clientDeadlines({ ...NONE, profileExpiresOn: "2025-06-30" }, "2025-06-15");
    expect(profile).toMatchObject({ kind: "profile", dueOn: "2025-06-30", daysLeft: 15, band: "30" });
    const [overridden] = clientDeadlines(
      { ...NONE, profileSubmittedAt: "2024-07-01T15:00:00Z", profileExpiresOn: "2025-06-16" },
      "2025-06-15",
    );
    expect(overridden).toMatchObject({ dueOn: "2025-06-16", band: "7" });
  });

  it("chooses the profile's submission day in the firm's zone", () => {
    const facts = { ...NONE, profileSubmittedAt: "2025-03-01T03:00:00Z" };
    expect(clientDeadlines(facts, "2026-02-01")[0].dueOn).toBe("2026-02-28");
    expect(clientDeadlines(facts, "2026-02-01", { timeZone: "UTC" })[0].dueOn).toBe("2026-03-01");
  });

  it("keeps kind order for deadlines on the same day", () => {
    const facts = { ...NONE, passportExpiresOn: "2025-07-01", workPermitExpiresOn: "2025-07-01" };
    expect(clientDeadlines(facts, "2025-06-15").map((d) => d.kind)).toEqual(["work_permit", "passport"]);
  });

  it("refuses an invalid date rather than guessing", () => {
    expect(() => clientDeadlines({ ...NONE, passportExpiresOn: "2025-02-30" }, "2025-06-15")).toThrow(RangeError);
    expect(() => clientDeadlines(NONE, "15/06/2025")).toThrow(RangeError);
  });
});
