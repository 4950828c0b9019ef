import { describe, expect, it } from "vitest";
import { type ItaClientState, ItaTransitionError, allowedItaActions, applyItaTransition, itaTransitionSchema } from "./ita-transitions";

const today = "2026-06-15";
const pooled: ItaClientState = {
  status: "profile_active",
  profileSubmittedOn: "2026-01-10",
  profileExpiresOn: "2027-01-10",
  itaDate: null,
  applicationDueOn: null,
};
const invited: ItaClientState = { ...pooled, status: "ita_received", itaDate: "2026-06-01", applicationDueOn: "2026-07-31" };

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ItaTransitionError) return error.field;
    throw error;
  }
  throw new Error("expected an ItaTransitionError");
}

describe("applyItaTransition", () => {
  it("records an invitation with its round and a due date 60 days on", () => {
    expect(applyItaTransition(pooled, { action: "invite", itaDate: "2026-06-01", itaRound: "350" }, today)).toEqual({
      status: "ita_received",
      itaDate: "2026-06-01",
      itaRound: "350",
      applicationDueOn: "2026-07-31",
    });
  });

  it("refuses an ITA before the profile was submitted, in the future, or without a profile", () => {
    expect(fieldOf(() => applyItaTransition(pooled, { action: "invite", itaDate: "2026-01-09", itaRound: "1" }, today))).toBe("itaDate");
    expect(fieldOf(() => applyItaTransition(pooled, { action: "invite", itaDate: "2026-06-16", itaRound: "1" }, today))).toBe("itaDate");
    expect(fieldOf(() => applyItaTransition({ ...pooled, profileSubmittedOn: null }, { action: "invite", itaDate: "2026-06-01", itaRound: "1" }, today))).toBe("itaDate");
  });

  it("refuses 'submitted' before 'invited'", () => {
    expect(fieldOf(() => applyItaTransition(pooled, { action: "submit", submittedOn: "2026-06-10" }, today))).toBe("status");
  });

  it("refuses an application dated before the ITA or after the deadline", () => {
    expect(fieldOf(() => applyItaTransition(invited, { action: "submit", submittedOn: "2026-05-31" }, today))).toBe("submittedOn");
    expect(fieldOf(() => applyItaTransition(invited, { action: "submit", submittedOn: "2026-08-01" }, "2026-09-01"))).toBe("submittedOn");
    expect(applyItaTransition(invited, { action: "submit", submittedOn: "2026-06-01" }, today)).toEqual({
      status: "application_submitted",
      applicationSubmittedOn: "2026-06-01",
    });
  });

  it("sends a declined client back to the pool only while the profile is valid", () => {
    expect(applyItaTransition(invited, { action: "decline" }, today).status).toBe("profile_active");
    expect(applyItaTransition({ ...invited, profileExpiresOn: "2026-06-14" }, { action: "decline" }, today).status).toBe("invitation_declined");
  });

  it("expires an invitation only after its due date", () => {
    expect(fieldOf(() => applyItaTransition(invited, { action: "expire" }, "2026-07-31"))).toBe("status");
    expect(applyItaTransition(invited, { action: "expire" }, "2026-08-01").status).toBe("invitation_expired");
  });

  it("approves or refuses a submitted application with an optional decision date", () => {
    const submitted: ItaClientState = { ...invited, status: "application_submitted" };
    expect(applyItaTransition(submitted, { action: "approve", decisionOn: null }, today)).toEqual({ status: "approved", decisionOn: null });
    expect(applyItaTransition(submitted, { action: "refuse", decisionOn: "2026-06-10" }, today).status).toBe("refused");
    expect(fieldOf(() => applyItaTransition(submitted, { action: "approve", decisionOn: "2026-05-01" }, today))).toBe("decisionOn");
    expect(fieldOf(() => applyItaTransition(invited, { action: "approve", decisionOn: null }, today))).toBe("status");
  });
});

describe("allowedItaActions", () => {
  it.each([
    ["profile_active", ["invite"]],
    ["ita_received", ["submit", "decline", "expire"]],
    ["application_submitted", ["approve", "refuse"]],
    ["approved", []],
  ] as const)("%s allows %j", (status, actions) => {
    expect(allowedItaActions(status)).toEqual(actions);
  });
});

describe("itaTransitionSchema", () => {
  it("names the bad field", () => {
    const result = itaTransitionSchema.safeParse({ action: "invite", itaDate: "2026-13-01", itaRound: " " });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["itaDate", "itaRound"]);
  });

  it("reads an empty decision date as none", () => {
    expect(itaTransitionSchema.parse({ action: "approve", decisionOn: "" })).toEqual({ action: "approve", decisionOn: null });
  });
});
