import { randomUUID } from "node:crypto";
import { request, type APIRequestContext } from "@playwright/test";
import { archiveClient, deleteClient } from "@/lib/db/clients";
import { inviteUser } from "@/lib/db/users/invitations";
import { queueMail } from "@/lib/db/mail";
import { prisma } from "@/lib/db/prisma";
import { setUserActive } from "@/lib/db/users";
import { createUserSession } from "@/lib/db/users/sessions";
import { CALLER_NAMES, type CallerName, type Target } from "./access-policy";
import { seedClient, seedFirm, type TestFirm, type TestUser } from "./firm";

// The people and records the access matrix needs, seeded through lib/db: firm A (two teams, a
// user of every role, one consultant deactivated after signing in) and firm B, each with a
// client, a team, a user, an outbox message and a notification; firm C requires two-factor sign-in
// and its admin has not enrolled. Every client's name carries a marker; a marker of a client out
// of the caller's reach in any answer is a leak.

export interface World {
  firms: { A: TestFirm; B: TestFirm; C: TestFirm };
  /** A signed-in HTTP client per caller (cookies of a real credentials sign-in), none for "signed out". */
  contexts: Record<CallerName, APIRequestContext>;
  callers: Partial<Record<CallerName, TestUser>>;
  /** The fixed records, by kind and target label ("team 1", "firm B", …). */
  ids: Record<"client" | "team" | "user" | "mail" | "notification", Record<string, string>>;
  /** Client name markers: the label of the target each belongs to. */
  markers: { marker: string; target: Target }[];
  drawNumber: string;
  inviteToken: string;
  resetToken: string;
  /** A client of its own for one call that changes it (archive, delete, …), so calls never interfere. */
  freshClient(target: Target, state?: "archived" | "deleted"): Promise<string>;
  freshInvitation(target: Target): Promise<string>;
  /** A new session record (another browser) of the target's user, or of `caller` for their own. */
  freshSession(target: Target, caller: CallerName): Promise<string>;
  /** Whether each session made by freshSession was ended, by "caller|target label". */
  endedSessions(): Promise<Map<string, boolean>>;
  dispose(): Promise<void>;
}

const firmOf = (world: Pick<World, "firms">, target: Target) => world.firms[target.firm];
const teamOf = (world: Pick<World, "firms">, target: Target) => firmOf(world, target).teams[(target.team ?? 1) - 1];

async function signedInContext(baseURL: string, ip: string, user?: TestUser): Promise<APIRequestContext> {
  // Each caller comes from its own address, so sign-in and reset limits per address never mix.
  // One connection per request: a kept-alive socket the server closes just as the next call is sent
  // on it ends in ECONNRESET (seen once in 880 calls on a loaded machine), and an action cannot
  // simply be retried, since the server may have run it.
  const context = await request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": ip, origin: baseURL, connection: "close" } });
  if (!user) return context;
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, callbackUrl: "/", json: "true" },
    maxRedirects: 0,
  });
  const cookies = (await context.storageState()).cookies.map((c) => c.name);
  if (!cookies.some((name) => name.includes("session-token"))) throw new Error(`sign-in of ${user.email} failed: ${response.status()}`);
  return context;
}

export async function createWorld(baseURL: string): Promise<World> {
  const run = randomUUID().slice(0, 6);
  const A = await seedFirm("matrix-a", [
    { role: "viewer", teams: [0] },
    { role: "consultant", teams: [0] },
    { role: "admin", teams: [0, 1] },
    { role: "owner", teams: [0, 1] },
    { role: "consultant", teams: [0], name: "Deactivated Consultant" },
    { role: "viewer", teams: [1], name: "Target User" },
    { role: "owner", teams: [0, 1], name: "Second Owner" },
  ]);
  const B = await seedFirm("matrix-b", [
    { role: "owner", teams: [0] },
    { role: "consultant", teams: [0] },
  ]);
  const C = await seedFirm("matrix-c", [
    { role: "owner", teams: [0, 1] },
    { role: "admin", teams: [0, 1] },
  ]);
  // Set straight in the database: through the settings, only an enrolled owner or admin may turn
  // it on (lib/db/users/two-factor.integration.test.ts), and no one of firm C is to be enrolled.
  await prisma().firm.update({ where: { id: C.id }, data: { requireTwoFactor: true } });
  const firms = { A, B, C };
  const callers: World["callers"] = {
    "viewer (team 1)": A.users[0],
    "consultant (team 1)": A.users[1],
    admin: A.users[2],
    owner: A.users[3],
    "owner of firm B": B.users[0],
    "deactivated consultant": A.users[4],
    "admin without two-factor (firm C requires it)": C.users[1],
  };
  // A round from IRCC's feed (never a provisional one another spec may be entering): a manual
  // round with its number is refused, so the matrix never changes the ledger every firm shares.
  const draw = await prisma().draw.findFirst({ where: { provisional: false }, orderBy: { date: "desc" }, select: { number: true } });
  if (!draw) throw new Error("the e2e database has no draws from the feed");

  const markers: World["markers"] = [];
  const clientIds: Record<string, string> = {};
  for (const target of [
    { label: "team 1", firm: "A", team: 1 },
    { label: "team 2", firm: "A", team: 2 },
    { label: "firm B", firm: "B", team: 1 },
  ] as Target[]) {
    const marker = `Leakmark${target.firm}${target.team}x${run}`;
    const firm = firmOf({ firms }, target);
    clientIds[target.label] = await seedClient(firm, firm.user("owner"), { teamId: teamOf({ firms }, target).id, lastName: marker });
    markers.push({ marker, target });
  }

  const mail = async (firm: TestFirm) =>
    (await queueMail({ firmId: firm.id, userId: null, kind: "invitation", to: `matrix-${run}@test.example`, subject: "Matrix", text: "Matrix", html: "<p>Matrix</p>", idempotencyKey: `matrix:${firm.id}` })).id;
  // Notifications are written by the draw-day worker (lib/db/notifications/digests.ts); a row is all the matrix needs.
  const notification = async (firm: TestFirm, user: TestUser) =>
    (await prisma().notification.create({ data: { firmId: firm.id, userId: user.id, drawNumber: draw.number, title: "Matrix" } })).id;
  const { token: inviteToken } = await inviteUser(A.user("owner").scope, { email: `matrix-invitee-${run}@test.example`, name: "Invitee", role: "viewer", teamIds: [A.teams[0].id] });

  const contexts = {} as Record<CallerName, APIRequestContext>;
  await Promise.all(CALLER_NAMES.map(async (name, i) => (contexts[name] = await signedInContext(baseURL, `203.0.113.${10 + i}`, callers[name]))));
  // Deactivated after signing in: the session cookie is still valid, the account is not.
  await setUserActive(A.user("owner").scope, A.users[4].id, false);

  const counter = { n: 0 };
  const sessions = new Map<string, string>();
  return {
    firms,
    contexts,
    callers,
    markers,
    drawNumber: draw.number,
    inviteToken,
    resetToken: "0".repeat(43),
    ids: {
      client: clientIds,
      team: { "team 1": A.teams[0].id, "team 2": A.teams[1].id, "firm B": B.teams[0].id },
      user: { "firm A": A.users[5].id, "firm B": B.users[1].id },
      mail: { "firm A": await mail(A), "firm B": await mail(B) },
      notification: { "the consultant's": await notification(A, A.users[1]), "firm B": await notification(B, B.users[0]) },
    },
    async freshClient(target, state) {
      const firm = firmOf({ firms }, target);
      const owner = firm.user("owner");
      const id = await seedClient(firm, owner, { teamId: teamOf({ firms }, target).id });
      if (state === "archived") await archiveClient(owner.scope, id);
      if (state === "deleted") await deleteClient(owner.scope, id);
      return id;
    },
    async freshInvitation(target) {
      counter.n += 1;
      const firm = firmOf({ firms }, target);
      const { invitationId } = await inviteUser(firm.user("owner").scope, { email: `matrix-revoke-${run}-${counter.n}@test.example`, name: "Revoke Me", role: "viewer", teamIds: [firm.teams[0].id] });
      return invitationId;
    },
    async freshSession(target, caller) {
      // The signed-out caller has no sessions of its own: any session will do, the call is refused before it is read.
      const others: Record<string, TestUser> = { "a viewer of firm A": A.users[5], "an owner of firm A": A.users[6], "firm B": B.users[1] };
      const user = target.self ? (callers[caller] ?? A.users[0]) : others[target.label];
      if (!user || (!target.self && (user.role !== target.userRole || user.scope.firmId !== firms[target.firm].id))) throw new Error(`no ${target.userRole} of firm ${target.firm} for the session of ${target.label}`);
      const id = await createUserSession({ firmId: user.scope.firmId, userId: user.id }, { userAgent: "Access matrix", ip: "203.0.113.99" });
      sessions.set(`${caller}|${target.label}`, id);
      return id;
    },
    async endedSessions() {
      const rows = await prisma().userSession.findMany({ where: { id: { in: [...sessions.values()] } }, select: { id: true, revokedAt: true } });
      const ended = new Map(rows.map((r) => [r.id, r.revokedAt !== null]));
      return new Map([...sessions].map(([key, id]) => [key, ended.get(id) ?? false]));
    },
    async dispose() {
      await Promise.all(Object.values(contexts).map((c) => c.dispose()));
    },
  };
}
