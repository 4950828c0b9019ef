import { beforeAll, describe, expect, it } from "vitest";
import type { ClientInputDraft } from "@/lib/clients/schema";
import { parseRosterQuery } from "@/lib/clients/roster-query";
import { calculateCrs } from "@/lib/crs";
import { profile } from "@/lib/crs/test-fixtures";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import {
  DuplicateClientError,
  archiveClient,
  clientCountsByTeam,
  clientDetailToInput,
  createClient,
  deleteClient,
  getClient,
  getClientScoreHistory,
  listClients,
  listDeletedClients,
  restoreClient,
  unarchiveClient,
  updateClient,
} from "./index";
import { prisma } from "../prisma";
import { createTestFirm, type TestFirm } from "../testing/fixtures";

let firm: TestFirm;
let other: TestFirm;
let serial = 0;

/** The users of `firm`, in the order beforeAll creates them. */
const NAMES = ["owner", "admin", "casey", "dana", "erin", "viewer"] as const;
const scopeOf = (name: (typeof NAMES)[number]) => firm.users[NAMES.indexOf(name)].scope;

/** A valid client of the given team with a unique profile number and email. */
function draft(teamId: string, overrides: Partial<ClientInputDraft> = {}): ClientInputDraft {
  serial += 1;
  return {
    firstName: "Priya",
    lastName: `Sharma${serial}`,
    email: `priya.${serial}.${Date.now()}@example.com`,
    teamId,
    status: "profile_active",
    profileNumber: `E${String(100000000 + serial)}`,
    profileSubmittedAt: "2026-01-10T15:00:00Z",
    programs: ["CEC"],
    manualCrs: 480,
    manualCrsReason: "From the client's IRCC account",
    ...overrides,
  };
}

beforeAll(async () => {
  firm = await createTestFirm({
    label: "clients",
    users: [
      { role: "owner", teams: [0, 1], name: "Olivia Owner" },
      { role: "admin", teams: [0, 1], name: "Arjun Admin" },
      { role: "consultant", teams: [0], name: "Casey Consultant" },
      { role: "consultant", teams: [0], name: "Dana Second" },
      { role: "consultant", teams: [1], name: "Erin Other" },
      { role: "viewer", teams: [0], name: "Vic Viewer" },
    ],
  });
  other = await createTestFirm({ label: "clients-other" });
});

describe("scoping", () => {
  it("a consultant sees only their teams' clients in the roster and on the client page", async () => {
    const mine = await createClient(scopeOf("casey"), draft(firm.teams[0].id, { lastName: "Scopetest-Mine" }));
    const theirs = await createClient(scopeOf("erin"), draft(firm.teams[1].id, { lastName: "Scopetest-Theirs" }));
    const seen = await listClients(scopeOf("casey"), parseRosterQuery({ q: "scopetest" }));
    expect(seen.rows.map((r) => r.id)).toEqual([mine.id]);
    expect(seen.total).toBe(1);
    const all = await listClients(scopeOf("admin"), parseRosterQuery({ q: "scopetest" }));
    expect(all.rows.map((r) => r.id).sort()).toEqual([mine.id, theirs.id].sort());

    await expect(getClient(scopeOf("casey"), theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getClientScoreHistory(scopeOf("casey"), theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateClient(scopeOf("casey"), theirs.id, 1, draft(firm.teams[1].id))).rejects.toBeInstanceOf(NotFoundError);
    await expect(archiveClient(scopeOf("casey"), theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getClient(scopeOf("casey"), mine.id)).id).toBe(mine.id);
  });

  it("a consultant cannot create in, or move a client to, a team they are not in", async () => {
    await expect(createClient(scopeOf("casey"), draft(firm.teams[1].id))).rejects.toBeInstanceOf(NotFoundError);
    const mine = await createClient(scopeOf("casey"), draft(firm.teams[0].id));
    await expect(updateClient(scopeOf("casey"), mine.id, 1, draft(firm.teams[1].id))).rejects.toBeInstanceOf(NotFoundError);
    expect((await getClient(scopeOf("casey"), mine.id)).teamId).toBe(firm.teams[0].id);
  });

  it("a viewer cannot create, update, archive or delete", async () => {
    const viewer = scopeOf("viewer");
    const client = await createClient(scopeOf("casey"), draft(firm.teams[0].id));
    await expect(createClient(viewer, draft(firm.teams[0].id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateClient(viewer, client.id, 1, draft(firm.teams[0].id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(archiveClient(viewer, client.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(unarchiveClient(viewer, client.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteClient(viewer, client.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(restoreClient(viewer, client.id)).rejects.toBeInstanceOf(ForbiddenError);
    // …but reads, like everyone in the team.
    expect((await getClient(viewer, client.id)).version).toBe(1);
  });

  it("only admins and owners delete, restore and list deleted clients", async () => {
    const client = await createClient(scopeOf("casey"), draft(firm.teams[0].id));
    await expect(deleteClient(scopeOf("casey"), client.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listDeletedClients(scopeOf("casey"))).rejects.toBeInstanceOf(ForbiddenError);
    await deleteClient(scopeOf("admin"), client.id);
    await expect(restoreClient(scopeOf("casey"), client.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("another firm's client is not found for every operation, and never listed or found by search", async () => {
    const theirs = await createClient(other.user("owner").scope, {
      ...draft(other.teams[0].id),
      lastName: "Crossfirm",
      profileNumber: "ZZCROSS0001",
      email: "cross.firm@example.com",
    });
    const owner = scopeOf("owner");
    await expect(getClient(owner, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getClientScoreHistory(owner, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateClient(owner, theirs.id, 1, draft(firm.teams[0].id))).rejects.toBeInstanceOf(NotFoundError);
    await expect(archiveClient(owner, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(unarchiveClient(owner, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteClient(owner, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    await deleteClient(other.user("owner").scope, theirs.id);
    await expect(restoreClient(owner, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    await restoreClient(other.user("owner").scope, theirs.id);

    for (const q of ["crossfirm", "zzcross0001", "cross.firm@"]) {
      const page = await listClients(owner, parseRosterQuery({ q, archived: "include" }));
      expect(page.rows).toEqual([]);
      expect(page.total).toBe(0);
    }
    const everything = await listClients(owner, parseRosterQuery({ archived: "include", pageSize: "100" }));
    expect(everything.rows.some((r) => r.id === theirs.id)).toBe(false);
    expect((await listDeletedClients(owner)).some((r) => r.id === theirs.id)).toBe(false);
    // Untouched in its own firm.
    const stored = await prisma().client.findUniqueOrThrow({ where: { firmId_id: { firmId: other.id, id: theirs.id } } });
    expect(stored.archivedAt).toBeNull();
    expect(stored.version).toBe(3);
  });

  it("another firm's team cannot receive a client", async () => {
    await expect(createClient(scopeOf("owner"), draft(other.teams[0].id))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("create", () => {
  it("stores derived dates in the firm's zone and the first score at the submission time", async () => {
    const { id } = await createClient(
      scopeOf("casey"),
      draft(firm.teams[0].id, {
        // 2026-03-01T03:00Z is still Feb 28 in Toronto: the profile expires 2027-02-28.
        profileSubmittedAt: "2026-03-01T03:00:00Z",
        languageTestDate: "2025-05-10",
        ecaIssuedOn: "2024-02-29",
        manualCrs: 471,
      }),
    );
    const detail = await getClient(scopeOf("casey"), id, { now: new Date("2026-11-25T12:00:00Z") });
    expect(detail).toMatchObject({
      profileExpiresOn: "2027-02-28",
      profileExpiryOverride: false,
      languageTestExpiresOn: "2027-05-10",
      ecaExpiresOn: "2029-02-28",
      crs: 471,
      crsEffectiveAt: "2026-03-01T03:00:00.000Z",
      crsSource: "manual",
      crsReason: "From the client's IRCC account",
      crsFactors: null,
      crsBreakdown: null,
      version: 1,
      updatedByName: "Casey Consultant",
      teamName: firm.teams[0].name,
      timeZone: "America/Toronto",
    });
    expect(detail.deadlines.map((d) => d.kind)).toEqual(["profile", "language_test", "eca"]);
    expect(detail.deadlines[0]).toMatchObject({ dueOn: "2027-02-28", daysLeft: 95, band: null });
    const history = await getClientScoreHistory(scopeOf("casey"), id);
    expect(history).toEqual([{ crs: 471, effectiveAt: "2026-03-01T03:00:00.000Z", source: "manual", reason: "From the client's IRCC account", createdByName: "Casey Consultant" }]);
  });

  it("computes the score from the calculator's factors and keeps them", async () => {
    const factors = profile({ canadianWorkYears: 2 });
    const { id } = await createClient(scopeOf("owner"), draft(firm.teams[0].id, { manualCrs: null, manualCrsReason: null, crsFactors: factors }));
    const detail = await getClient(scopeOf("owner"), id);
    expect(detail.crs).toBe(calculateCrs(factors).total);
    expect(detail.crsSource).toBe("calculated");
    expect(detail.crsFactors).toEqual(factors);
    expect(detail.crsBreakdown?.total).toBe(detail.crs);
    expect(detail.crsBreakdown?.breakdown.length).toBeGreaterThan(3);
  });

  it("records an explicit profile expiry as an override, and a prospect without score or profile", async () => {
    const override = await createClient(scopeOf("owner"), draft(firm.teams[0].id, { profileExpiresOn: "2026-12-31" }));
    expect(await getClient(scopeOf("owner"), override.id)).toMatchObject({ profileExpiresOn: "2026-12-31", profileExpiryOverride: true });
    const prospect = await createClient(scopeOf("owner"), {
      firstName: "Ana",
      lastName: "Prospect",
      teamId: firm.teams[1].id,
      status: "prospect",
    });
    expect(await getClient(scopeOf("owner"), prospect.id)).toMatchObject({ crs: null, profileExpiresOn: null, profileNumber: null });
    expect(await getClientScoreHistory(scopeOf("owner"), prospect.id)).toEqual([]);
  });

  it("refuses a duplicate profile number or email (any case) among live clients, naming the field", async () => {
    const first = draft(firm.teams[0].id, { profileNumber: "EDUP0000001", email: "dup.person@example.com" });
    const { id } = await createClient(scopeOf("owner"), first);
    const sameNumber = createClient(scopeOf("owner"), draft(firm.teams[1].id, { profileNumber: "edup0000001" }));
    await expect(sameNumber).rejects.toBeInstanceOf(ConflictError);
    await expect(sameNumber).rejects.toMatchObject({ field: "profileNumber" });
    const sameEmail = createClient(scopeOf("owner"), draft(firm.teams[0].id, { email: "Dup.Person@Example.com" }));
    await expect(sameEmail).rejects.toBeInstanceOf(DuplicateClientError);
    await expect(sameEmail).rejects.toMatchObject({ field: "email", message: expect.stringContaining("email") });
    // Another firm may hold the same numbers; a deleted client's number may come back.
    await createClient(other.user("owner").scope, draft(other.teams[0].id, { profileNumber: "EDUP0000001", email: "dup.person@example.com" }));
    await deleteClient(scopeOf("admin"), id);
    await createClient(scopeOf("owner"), draft(firm.teams[0].id, { profileNumber: "EDUP0000001", email: "dup.person@example.com" }));
    // …and then the deleted one cannot be restored over it.
    await expect(restoreClient(scopeOf("admin"), id)).rejects.toBeInstanceOf(DuplicateClientError);
  });

  it("two simultaneous creates with the same profile number: one wins, the other is a duplicate", async () => {
    const results = await Promise.allSettled([
      createClient(scopeOf("casey"), draft(firm.teams[0].id, { profileNumber: "ERACE000001" })),
      createClient(scopeOf("dana"), draft(firm.teams[0].id, { profileNumber: "ERACE000001" })),
      createClient(scopeOf("owner"), draft(firm.teams[1].id, { profileNumber: "ERACE000001" })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(r.reason).toBeInstanceOf(DuplicateClientError);
      expect(r.reason.field).toBe("profileNumber");
    }
    expect(await prisma().client.count({ where: { firmId: firm.id, profileNumber: "ERACE000001" } })).toBe(1);
  });

  it("validates with the shared schema and refuses a consultant from outside the firm", async () => {
    await expect(createClient(scopeOf("owner"), draft(firm.teams[0].id, { profileSubmittedAt: null }))).rejects.toThrow(/profile was submitted/);
    await expect(createClient(scopeOf("owner"), draft(firm.teams[0].id, { consultantId: other.user("consultant").id }))).rejects.toBeInstanceOf(InvalidInputError);
  });

  it("writes a client.create audit entry", async () => {
    const { id } = await createClient(scopeOf("casey"), draft(firm.teams[0].id));
    const audit = await prisma().auditLog.findMany({ where: { firmId: firm.id, entityType: "client", entityId: id } });
    expect(audit.map((a) => a.action)).toEqual(["client.create"]);
    expect((audit[0].changes as Record<string, { to: unknown }>).crs.to).toBe(480);
  });
});

describe("optimistic concurrency", () => {
  it("refuses the second of two saves from the same version, naming the first editor; nothing is lost", async () => {
    const base = draft(firm.teams[0].id, { notes: "start" });
    const { id } = await createClient(scopeOf("owner"), base);
    const loadedByCasey = await getClient(scopeOf("casey"), id);
    const loadedByDana = await getClient(scopeOf("dana"), id);

    const first = await updateClient(scopeOf("casey"), id, loadedByCasey.version, { ...clientDetailToInput(loadedByCasey), phone: "+1 416-555-0101" });
    expect(first.version).toBe(2);

    const second = updateClient(scopeOf("dana"), id, loadedByDana.version, { ...clientDetailToInput(loadedByDana), notes: "Dana's note" });
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    await expect(second).rejects.toThrow(
      /^This client was changed by Casey Consultant at \d{4}-\d{2}-\d{2} \d{2}:\d{2} E[SD]T\. Reload to see their changes; your edits were not saved\.$/,
    );

    const now = await getClient(scopeOf("dana"), id);
    expect(now).toMatchObject({ phone: "+1 416-555-0101", notes: "start", version: 2, updatedByName: "Casey Consultant" });
    // Reloaded, Dana's edit goes through on top of Casey's.
    await updateClient(scopeOf("dana"), id, now.version, { ...clientDetailToInput(now), notes: "Dana's note" });
    expect(await getClient(scopeOf("dana"), id)).toMatchObject({ phone: "+1 416-555-0101", notes: "Dana's note", version: 3 });
  });

  it("two saves racing from the same version: exactly one wins", async () => {
    const { id } = await createClient(scopeOf("owner"), draft(firm.teams[0].id));
    const detail = await getClient(scopeOf("owner"), id);
    const results = await Promise.allSettled([
      updateClient(scopeOf("casey"), id, 1, { ...clientDetailToInput(detail), notes: "casey" }),
      updateClient(scopeOf("dana"), id, 1, { ...clientDetailToInput(detail), notes: "dana" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect((await getClient(scopeOf("owner"), id)).version).toBe(2);
  });

  it("updating a deleted client is not found, not a conflict", async () => {
    const { id } = await createClient(scopeOf("owner"), draft(firm.teams[0].id));
    await deleteClient(scopeOf("owner"), id);
    await expect(updateClient(scopeOf("owner"), id, 2, draft(firm.teams[0].id))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("audits what changed", async () => {
    const { id } = await createClient(scopeOf("owner"), draft(firm.teams[0].id, { notes: "a" }));
    const detail = await getClient(scopeOf("owner"), id);
    await updateClient(scopeOf("casey"), id, 1, { ...clientDetailToInput(detail), notes: "b", categories: ["stem"] });
    const entry = await prisma().auditLog.findFirstOrThrow({ where: { firmId: firm.id, entityId: id, action: "client.update" } });
    expect(entry.changes).toEqual({ notes: { from: "a", to: "b" }, categories: { from: [], to: ["stem"] } });
    expect(entry.userId).toBe(scopeOf("casey").userId);
  });
});

describe("score history", () => {
  it("appends a row when the score changes, not otherwise; the roster shows the latest", async () => {
    const { id } = await createClient(scopeOf("owner"), draft(firm.teams[0].id, { lastName: "Historytest" }));
    let detail = await getClient(scopeOf("owner"), id);

    // A changed manual score with its effective time.
    await updateClient(scopeOf("casey"), id, detail.version, { ...clientDetailToInput(detail), manualCrs: 495, manualCrsReason: "New IELTS", crsEffectiveAt: "2026-04-01T12:00:00Z" });
    detail = await getClient(scopeOf("owner"), id);
    // An edit that leaves the score alone.
    await updateClient(scopeOf("casey"), id, detail.version, { ...clientDetailToInput(detail), notes: "called" });
    detail = await getClient(scopeOf("owner"), id);
    // Switching to the calculator: the computed total replaces the manual score.
    const factors = profile({ canadianWorkYears: 1 });
    await updateClient(scopeOf("dana"), id, detail.version, { ...clientDetailToInput(detail), manualCrs: null, manualCrsReason: null, crsFactors: factors });
    detail = await getClient(scopeOf("owner"), id);
    // Same factors again: no new row.
    await updateClient(scopeOf("dana"), id, detail.version, { ...clientDetailToInput(detail), notes: "again" });

    const history = await getClientScoreHistory(scopeOf("owner"), id);
    expect(history.map((h) => [h.crs, h.source, h.reason, h.createdByName])).toEqual([
      [480, "manual", "From the client's IRCC account", "Olivia Owner"],
      [495, "manual", "New IELTS", "Casey Consultant"],
      [calculateCrs(factors).total, "calculated", null, "Dana Second"],
    ]);
    expect(history[0].effectiveAt).toBe("2026-01-10T15:00:00.000Z");
    expect(history[1].effectiveAt).toBe("2026-04-01T12:00:00.000Z");
    const roster = await listClients(scopeOf("owner"), parseRosterQuery({ q: "historytest" }));
    expect(roster.rows.map((r) => r.crs)).toEqual([calculateCrs(factors).total]);
    expect((await getClient(scopeOf("owner"), id)).crsFactors).toEqual(factors);
  });

  it("refuses a new score that would take effect before the current one", async () => {
    const { id } = await createClient(scopeOf("owner"), draft(firm.teams[0].id));
    const detail = await getClient(scopeOf("owner"), id);
    await expect(
      updateClient(scopeOf("owner"), id, 1, { ...clientDetailToInput(detail), manualCrs: 500, crsEffectiveAt: "2025-01-01T00:00:00Z" }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await getClientScoreHistory(scopeOf("owner"), id)).toHaveLength(1);
    expect((await getClient(scopeOf("owner"), id)).version).toBe(1);
  });
});

describe("archive, delete, restore", () => {
  it("archive hides from the default roster; unarchive brings it back; both audited", async () => {
    const { id } = await createClient(scopeOf("casey"), draft(firm.teams[0].id, { lastName: "Archivetest" }));
    const query = (archived?: string) => listClients(scopeOf("casey"), parseRosterQuery({ q: "archivetest", ...(archived ? { archived } : {}) }));
    expect((await archiveClient(scopeOf("casey"), id)).version).toBe(2);
    expect((await query()).rows).toEqual([]);
    expect((await query("only")).rows.map((r) => [r.id, r.archived])).toEqual([[id, true]]);
    expect((await query("include")).total).toBe(1);
    // Archiving twice changes nothing.
    expect((await archiveClient(scopeOf("casey"), id)).version).toBe(2);
    expect((await unarchiveClient(scopeOf("casey"), id)).version).toBe(3);
    expect((await query()).rows.map((r) => r.id)).toEqual([id]);
    const actions = await prisma().auditLog.findMany({ where: { firmId: firm.id, entityId: id }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["client.create", "client.archive", "client.unarchive"]);
  });

  it("delete is soft and restorable within 30 days; audited", async () => {
    const { id } = await createClient(scopeOf("casey"), draft(firm.teams[0].id, { lastName: "Deletetest" }));
    await deleteClient(scopeOf("admin"), id);
    await expect(getClient(scopeOf("admin"), id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listClients(scopeOf("admin"), parseRosterQuery({ q: "deletetest", archived: "include" }))).total).toBe(0);
    const deleted = await listDeletedClients(scopeOf("admin"));
    expect(deleted.find((d) => d.id === id)).toMatchObject({ lastName: "Deletetest", teamName: firm.teams[0].name });
    await expect(deleteClient(scopeOf("admin"), id)).rejects.toBeInstanceOf(NotFoundError);

    await expect(restoreClient(scopeOf("admin"), id, { now: new Date(Date.now() + 31 * 86_400_000) })).rejects.toBeInstanceOf(ConflictError);
    await restoreClient(scopeOf("admin"), id);
    expect((await getClient(scopeOf("casey"), id)).lastName).toBe("Deletetest");
    await expect(restoreClient(scopeOf("admin"), id)).rejects.toBeInstanceOf(NotFoundError);
    const actions = await prisma().auditLog.findMany({ where: { firmId: firm.id, entityId: id }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["client.create", "client.delete", "client.restore"]);
  });
});

describe("clientCountsByTeam", () => {
  it("counts live clients per team the caller sees", async () => {
    const counts = await clientCountsByTeam(scopeOf("casey"));
    expect(counts.map((c) => c.teamId)).toEqual([firm.teams[0].id]);
    const live = await prisma().client.count({ where: { firmId: firm.id, teamId: firm.teams[0].id, deletedAt: null, archivedAt: null } });
    expect(counts[0].active).toBe(live);
    const all = await clientCountsByTeam(scopeOf("owner"));
    expect(all).toHaveLength(2);
  });
});
