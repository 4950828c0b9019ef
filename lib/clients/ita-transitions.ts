/**
 * The client's path after an ITA, as a pure state machine: which status may follow which, and
 * which dates each step needs. lib/db applies the result inside one transaction with its audit entry.
 *
 *   profile_active --invite--> ita_received --submit--> application_submitted --approve/refuse--> approved/refused
 *   ita_received --decline--> profile_active (profile still valid: back in the pool) | invitation_declined
 *   ita_received --expire--> invitation_expired (only once the due date has passed)
 */
import { type CalendarDate, parseCalendarDate } from "@/lib/dates/calendar-date";
import { applicationDueOn } from "@/lib/deadlines/application";
import { z } from "@/lib/zod";
import type { ClientStatus } from "./status";

const date = z.iso.date({ error: "Use a date as YYYY-MM-DD." });
const optionalDate = z.preprocess((v) => (v === "" ? null : v), date.nullable().default(null));

export const itaTransitionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("invite"), itaDate: date, itaRound: z.string().trim().min(1, "Name the round (draw number).").max(20) }),
  z.object({ action: z.literal("submit"), submittedOn: date }),
  z.object({ action: z.literal("decline") }),
  z.object({ action: z.literal("expire") }),
  z.object({ action: z.literal("approve"), decisionOn: optionalDate }),
  z.object({ action: z.literal("refuse"), decisionOn: optionalDate }),
]);
export type ItaTransition = z.infer<typeof itaTransitionSchema>;
export type ItaAction = ItaTransition["action"];

export const ITA_ACTION_LABELS: Record<ItaAction, string> = {
  invite: "Record invitation",
  submit: "Application submitted",
  decline: "Invitation declined",
  expire: "Invitation expired",
  approve: "Application approved",
  refuse: "Application refused",
};

/** What the machine reads from the client. */
export interface ItaClientState {
  status: ClientStatus;
  /** Day the profile was submitted, in the firm's zone. */
  profileSubmittedOn: CalendarDate | null;
  /** Last day the profile is in the pool. */
  profileExpiresOn: CalendarDate | null;
  itaDate: CalendarDate | null;
  applicationDueOn: CalendarDate | null;
}

/** The columns to write. Dates left out stay as they are. */
export interface ItaChange {
  status: ClientStatus;
  itaDate?: CalendarDate;
  itaRound?: string;
  applicationDueOn?: CalendarDate;
  applicationSubmittedOn?: CalendarDate;
  decisionOn?: CalendarDate | null;
}

export class ItaTransitionError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = "ItaTransitionError";
  }
}

const FROM: Record<ItaAction, readonly ClientStatus[]> = {
  invite: ["profile_active"],
  submit: ["ita_received"],
  decline: ["ita_received"],
  expire: ["ita_received"],
  approve: ["application_submitted"],
  refuse: ["application_submitted"],
};

/** The statuses a client may move to from `status`, for the client page's menu. */
export function allowedItaActions(status: ClientStatus): ItaAction[] {
  return (Object.keys(FROM) as ItaAction[]).filter((action) => FROM[action].includes(status));
}

/**
 * The change a transition makes, or an ItaTransitionError naming the field. `today` is the
 * firm's date: no ITA or submission in the future, and "expired" only after the due date.
 */
export function applyItaTransition(client: ItaClientState, transition: ItaTransition, today: CalendarDate): ItaChange {
  parseCalendarDate(today);
  if (!FROM[transition.action].includes(client.status)) {
    throw new ItaTransitionError(
      `"${ITA_ACTION_LABELS[transition.action]}" is not possible for a client whose status is ${client.status.replaceAll("_", " ")}.`,
      "status",
    );
  }
  switch (transition.action) {
    case "invite": {
      const { itaDate, itaRound } = transition;
      if (client.profileSubmittedOn == null) throw new ItaTransitionError("The client has no submitted profile, so cannot have been invited.", "itaDate");
      if (itaDate < client.profileSubmittedOn) {
        throw new ItaTransitionError(`The ITA date ${itaDate} is before the profile was submitted (${client.profileSubmittedOn}).`, "itaDate");
      }
      if (itaDate > today) throw new ItaTransitionError(`The ITA date ${itaDate} is in the future.`, "itaDate");
      return { status: "ita_received", itaDate, itaRound, applicationDueOn: applicationDueOn(itaDate) };
    }
    case "submit": {
      const { submittedOn } = transition;
      if (client.itaDate != null && submittedOn < client.itaDate) {
        throw new ItaTransitionError(`The application date ${submittedOn} is before the ITA (${client.itaDate}).`, "submittedOn");
      }
      if (submittedOn > today) throw new ItaTransitionError(`The application date ${submittedOn} is in the future.`, "submittedOn");
      if (client.applicationDueOn != null && submittedOn > client.applicationDueOn) {
        throw new ItaTransitionError(`The application date ${submittedOn} is after the deadline (${client.applicationDueOn}); record the invitation as expired.`, "submittedOn");
      }
      return { status: "application_submitted", applicationSubmittedOn: submittedOn };
    }
    case "decline":
      // Back in the pool only while the profile is valid; draws read profile_active + invitedAt as "declined".
      return { status: client.profileExpiresOn != null && client.profileExpiresOn >= today ? "profile_active" : "invitation_declined" };
    case "expire":
      if (client.applicationDueOn == null || client.applicationDueOn >= today) {
        throw new ItaTransitionError(`The application deadline${client.applicationDueOn ? ` (${client.applicationDueOn})` : ""} has not passed yet.`, "status");
      }
      return { status: "invitation_expired" };
    case "approve":
    case "refuse": {
      const { decisionOn } = transition;
      if (decisionOn != null) {
        if (decisionOn > today) throw new ItaTransitionError(`The decision date ${decisionOn} is in the future.`, "decisionOn");
        if (client.itaDate != null && decisionOn < client.itaDate) throw new ItaTransitionError(`The decision date ${decisionOn} is before the ITA (${client.itaDate}).`, "decisionOn");
      }
      return { status: transition.action === "approve" ? "approved" : "refused", decisionOn };
    }
  }
}
