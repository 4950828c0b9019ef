import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parseRosterQuery } from "@/lib/clients/roster-query";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { insertClientsBulk, type ClientInsert } from "./bulk";
import { listClients } from "./index";
import { expiryRadar } from "../dashboard";
import { documentsAtRiskList } from "./documents-at-risk";
import { drawImpact } from "../draws/impact";
import { roundToRow } from "../draws/import";
import { recordInvitations, transitionClient } from "./ita";
import { prisma } from "../prisma";
import { createTestFirm, testClientInsert, type TestFirm } from "../testing/fixtures";

// Noon in Toronto on 2030-03-10; the round was held on 2030-03-05 at 15:00 UTC.
const NOW = new Date("2030-03-10T17:00:00Z");
const DRAW_DATE = "2030-03-05";

let firm: TestFirm;
let drawNumber: string;
let ids: Record<string, string>;

function pooled(teamId: string, lastName: string, crs: number, overrides: Partial<ClientInsert> = {}): ClientInsert {
  return testClientInsert(teamId, {
    lastName,
    profileSubmittedAt: "2029-09-01T15:00:00Z",
    profileExpiresOn: "2030-09-01",
    scores: [{ crs, effectiveAt: "2029-09-01T15:00:00Z", source: "manual", reason: null }],
    ...overrides,
  });
}

async function row(lastName: string) {
  return prisma().client.findFirstOrThrow({ where: { firmId: firm.id, id: ids[lastName] } });
}

async function audits(lastName: string) {
  return prisma().auditLog.findMany({ where: { firmId: firm.id, entityId: ids[lastName] }, orderBy: { createdAt: "asc" } });
}

beforeAll(async () => {
  firm = await createTestFirm({ label: "ita" });
  const [one, two] = firm.teams.map((t) => t.id);
  drawNumber = String(90_000 + randomInt(0, 9_999));
  await prisma().draw.create({
    data: roundToRow({
      number: drawNumber, date: DRAW_DATE, drawnAt: "2030-03-05T15:00:00Z", tieBreakAt: null, size: 1000, cutoff: 450, name: "Canadian Experience Class",
      kind: "cec", categoryVersion: null, programs: ["CEC"], distributionAsOf: null, distribution: [],
    }),
  });
  const clients = [
    pooled(one, "Ade", 470, { languageTestDate: "2028-04-01", passportExpiresOn: "2031-01-01" }),
    pooled(one, "Bose", 480, { ecaIssuedOn: "2025-06-01" }),
    // Submitted its profile after the ITA date it would be given: refused.
    pooled(one, "Late", 490, { profileSubmittedAt: "2030-03-06T15:00:00Z" }),
    pooled(two, "Other", 500),
    pooled(one, "Decliner", 470),
  ];
  const created = await prisma().$transaction((tx) => insertClientsBulk(tx, firm.id, clients, { timeZone: "America/Toronto" }));
  ids = Object.fromEntries(clients.map((c, i) => [c.lastName, created[i]]));
});

describe("recordInvitations", () => {
  it("writes nothing when one client of the batch is refused, and names that client", async () => {
    const attempt = recordInvitations(firm.user("admin").scope, { drawNumber, itaDate: DRAW_DATE, clientIds: [ids.Ade, ids.Late] }, { now: NOW });
    await expect(attempt).rejects.toThrow(InvalidInputError);
    await expect(attempt).rejects.toThrow(/Test Late: The ITA date 2030-03-05 is before the profile was submitted/);
    expect((await row("Ade")).status).toBe("profile_active");
    expect(await audits("Ade")).toEqual([]);
  });

  it("treats a client of another team as not found for a consultant, writing nothing", async () => {
    const attempt = recordInvitations(firm.user("consultant").scope, { drawNumber, itaDate: DRAW_DATE, clientIds: [ids.Ade, ids.Other] }, { now: NOW });
    await expect(attempt).rejects.toThrow(NotFoundError);
    expect((await row("Ade")).status).toBe("profile_active");
  });

  it("refuses an unknown round and an empty selection with the field named", async () => {
    await expect(recordInvitations(firm.user("admin").scope, { drawNumber: "nope", itaDate: DRAW_DATE, clientIds: [ids.Ade] }, { now: NOW })).rejects.toThrow(NotFoundError);
    await expect(recordInvitations(firm.user("admin").scope, { drawNumber, itaDate: DRAW_DATE, clientIds: [] }, { now: NOW })).rejects.toThrow(/Select at least one client/);
  });

  it("invites every selected client in one go, with round, ITA date, due date and an audit entry each", async () => {
    const result = await recordInvitations(firm.user("admin").scope, { drawNumber, itaDate: DRAW_DATE, clientIds: [ids.Ade, ids.Bose, ids.Decliner] }, { now: NOW });
    expect(result).toEqual({ recorded: 3 });
    const ade = await row("Ade");
    expect(ade.status).toBe("ita_received");
    expect(ade.itaRound).toBe(drawNumber);
    expect(ade.itaDate?.toISOString().slice(0, 10)).toBe(DRAW_DATE);
    expect(ade.applicationDueOn?.toISOString().slice(0, 10)).toBe("2030-05-04");
    // The draw's own time: the client stays "above" in the inviting round and leaves later ones.
    expect(ade.invitedAt?.toISOString()).toBe("2030-03-05T15:00:00.000Z");
    const [entry] = await audits("Ade");
    expect(entry.action).toBe("client.ita.invite");
    expect(entry.metadata).toMatchObject({ drawNumber });
    expect(entry.changes).toMatchObject({ status: { from: "profile_active", to: "ita_received" }, applicationDueOn: { from: null, to: "2030-05-04" } });

    const impact = await drawImpact(firm.user("admin").scope, drawNumber);
    expect(impact.above.map((r) => r.lastName).sort()).toEqual(["Ade", "Bose", "Decliner", "Other"]);
    expect(impact.above.find((r) => r.lastName === "Ade")?.status).toBe("ita_received");
  });

  it("puts the application deadline on the radar as its own kind", async () => {
    const radar = await expiryRadar(firm.user("admin").scope, { now: NOW });
    const items = radar.bands.flatMap((b) => b.items.map((i) => ({ band: b.band, ...i }))).filter((i) => i.kind === "application");
    expect(items.map((i) => `${i.lastName}:${i.band}:${i.daysLeft}`).sort()).toEqual(["Ade:60:55", "Bose:60:55", "Decliner:60:55"]);
  });

  it("lists invited clients whose documents lapse before the due date or within the firm's buffer", async () => {
    const atRisk = await documentsAtRiskList(firm.user("admin").scope);
    expect(atRisk.bufferMonths).toBe(6);
    // Ade's language test (2028-04-01 + 2 y = 2030-04-01) lapses before 2030-05-04; Bose's ECA
    // (2025-06-01 + 5 y) lapses within six months after it; Ade's passport (2031) is safe.
    expect(atRisk.items.map((i) => `${i.lastName}:${i.document}:${i.severity}`)).toEqual(["Ade:language_test:before_due", "Bose:eca:within_buffer"]);
    await prisma().firm.update({ where: { id: firm.id }, data: { documentBufferMonths: 0 } });
    expect((await documentsAtRiskList(firm.user("admin").scope)).total).toBe(1);
    await prisma().firm.update({ where: { id: firm.id }, data: { documentBufferMonths: 6 } });
  });

  it("filters the roster to invited clients with the application still to submit", async () => {
    const page = await listClients(firm.user("admin").scope, parseRosterQuery({ ita: "open" }), { now: NOW });
    expect(page.rows.map((r) => r.lastName).sort()).toEqual(["Ade", "Bose", "Decliner"]);
    expect(page.rows.find((r) => r.lastName === "Ade")?.deadlines.find((d) => d.kind === "application")).toMatchObject({ dueOn: "2030-05-04", band: "60" });
  });
});

describe("transitionClient", () => {
  it("refuses 'submitted' before 'invited' and an application dated before the ITA", async () => {
    await expect(transitionClient(firm.user("admin").scope, ids.Other, { action: "submit", submittedOn: "2030-03-08" }, { now: NOW })).rejects.toThrow(/not possible/);
    await expect(transitionClient(firm.user("admin").scope, ids.Ade, { action: "submit", submittedOn: "2030-03-01" }, { now: NOW })).rejects.toThrow(/before the ITA/);
    expect((await row("Ade")).status).toBe("ita_received");
  });

  it("records the application, then the decision, each audited", async () => {
    expect(await transitionClient(firm.user("admin").scope, ids.Ade, { action: "submit", submittedOn: "2030-03-09" }, { now: NOW })).toEqual({ status: "application_submitted" });
    expect(await transitionClient(firm.user("admin").scope, ids.Ade, { action: "approve", decisionOn: "" }, { now: NOW })).toEqual({ status: "approved" });
    const ade = await row("Ade");
    expect(ade.applicationSubmittedOn?.toISOString().slice(0, 10)).toBe("2030-03-09");
    expect((await audits("Ade")).map((a) => a.action)).toEqual(["client.ita.invite", "client.ita.submit", "client.ita.approve"]);
    // Out of the open-ITA list and off the radar's application kind.
    const open = await listClients(firm.user("admin").scope, parseRosterQuery({ ita: "open" }), { now: NOW });
    expect(open.rows.map((r) => r.lastName)).not.toContain("Ade");
  });

  it("sends a declining client with a valid profile back to the pool", async () => {
    expect(await transitionClient(firm.user("admin").scope, ids.Decliner, { action: "decline" }, { now: NOW })).toEqual({ status: "profile_active" });
  });

  it("expires an invitation only after its deadline", async () => {
    await expect(transitionClient(firm.user("admin").scope, ids.Bose, { action: "expire" }, { now: NOW })).rejects.toThrow(/has not passed/);
    expect(await transitionClient(firm.user("admin").scope, ids.Bose, { action: "expire" }, { now: new Date("2030-05-06T17:00:00Z") })).toEqual({ status: "invitation_expired" });
  });

  it("hides another firm's client", async () => {
    const stranger = await createTestFirm({ label: "ita-other" });
    await expect(transitionClient(stranger.user("admin").scope, ids.Bose, { action: "decline" }, { now: NOW })).rejects.toThrow(NotFoundError);
  });
});

describe("imported invitations", () => {
  it("stores the ITA date, round and 60-day due date given by a CSV row", async () => {
    const [id] = await prisma().$transaction((tx) =>
      insertClientsBulk(tx, firm.id, [pooled(firm.teams[0].id, "Imported", 470, { status: "ita_received", invitedAt: "2030-03-01T23:59:59.999Z", itaDate: "2030-03-01", itaRound: "349" })], { timeZone: "America/Toronto" }),
    );
    const row = await prisma().client.findFirstOrThrow({ where: { firmId: firm.id, id } });
    expect([row.itaDate?.toISOString().slice(0, 10), row.itaRound, row.applicationDueOn?.toISOString().slice(0, 10)]).toEqual(["2030-03-01", "349", "2030-04-30"]);
  });
});
