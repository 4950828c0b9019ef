import { describe, expect, it } from "vitest";
import { applicationDueOn, documentsAtRisk } from "./application";

describe("applicationDueOn", () => {
  it.each([
    ["2026-01-01", "2026-03-02"],
    ["2026-12-10", "2027-02-08"],
    ["2028-01-01", "2028-03-01"], // leap year: Feb 29 counts
  ])("ITA %s is due %s", (ita, due) => {
    expect(applicationDueOn(ita)).toBe(due);
  });

  it("refuses a malformed date", () => {
    expect(() => applicationDueOn("2026-02-30")).toThrow();
  });
});

describe("documentsAtRisk", () => {
  const due = "2026-03-02";

  it("flags a document lapsing the day before the due date as before_due", () => {
    expect(documentsAtRisk(due, { passport: "2026-03-01" })).toEqual([{ document: "passport", expiresOn: "2026-03-01", severity: "before_due" }]);
  });

  it("treats a document valid on the due date as within the buffer, not before it", () => {
    expect(documentsAtRisk(due, { eca: "2026-03-02" })[0].severity).toBe("within_buffer");
  });

  it("uses the buffer's last day inclusively and ignores later expiries", () => {
    expect(documentsAtRisk(due, { language_test: "2026-09-02" })).toHaveLength(1);
    expect(documentsAtRisk(due, { language_test: "2026-09-03" })).toEqual([]);
  });

  it("reads the firm's buffer", () => {
    expect(documentsAtRisk(due, { passport: "2026-05-01" }, 1)).toEqual([]);
    expect(documentsAtRisk(due, { passport: "2026-04-01" }, 1)).toHaveLength(1);
    expect(documentsAtRisk(due, { passport: "2026-03-05" }, 0)).toEqual([]);
  });

  it("orders before_due first, then by expiry, and skips missing documents", () => {
    const risks = documentsAtRisk(due, { passport: "2026-06-01", eca: "2026-04-01", language_test: "2026-02-01", work_permit: null });
    expect(risks.map((r) => r.document)).toEqual(["language_test", "eca", "passport"]);
  });

  it("refuses a negative or fractional buffer", () => {
    expect(() => documentsAtRisk(due, {}, -1)).toThrow(RangeError);
    expect(() => documentsAtRisk(due, {}, 1.5)).toThrow(RangeError);
  });
});
