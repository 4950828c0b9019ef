import { encodeReply } from "next/dist/compiled/react-server-dom-turbopack/client.node";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import type { CallerName, Outcome, RecordKind, Target } from "./access-policy";
import type { ActionEndpoint, Endpoint } from "./app-endpoints";
import { fillRoute } from "./app-pages";
import type { World } from "./access-world";

// How the matrix calls each endpoint over HTTP, and how it reads the answer as an Outcome.
// Pages and route handlers: GET (or the method) with record ids in the path or `ids`, and ids of
// another firm's and another team's records in the query string's filters. Server actions: the
// browser's own request (Next-Action header, arguments encoded by React's encodeReply) posted to
// a page that uses the action, with a valid form whose id fields name the target record.

type Fields = Record<string, string | string[] | File>;
type FormBuilder = (world: World, target: Target | undefined, n: number, caller: CallerName) => Promise<Fields>;

const today = () => new Date().toISOString().slice(0, 10);
const clientFields = (world: World, teamId: string): Fields => ({
  timeZone: "UTC",
  firstName: "Matrix",
  lastName: "Client",
  teamId,
  status: "profile_active",
  "profileSubmittedAt.date": "2026-01-15",
  "profileSubmittedAt.time": "14:30",
  programs: ["CEC"],
  crsMode: "manual",
  manualCrs: "480",
  manualCrsReason: "From the IRCC account",
});
const need = (target: Target | undefined) => {
  if (!target) throw new Error("this action names a record: give its rule a `record`");
  return target;
};
const teamId = (world: World, target: Target | undefined) => world.ids.team[need(target).label];

/** A valid form per action, its id fields naming `target` (of `caller`'s own, for a session); `n` makes names unique per call. */
export const ACTION_FORMS: Record<string, FormBuilder> = {
  archiveClientAction: async (w, t) => ({ clientId: await w.freshClient(need(t)) }),
  unarchiveClientAction: async (w, t) => ({ clientId: await w.freshClient(need(t), "archived") }),
  deleteClientAction: async (w, t) => ({ clientId: await w.freshClient(need(t)) }),
  restoreClientAction: async (w, t) => ({ clientId: await w.freshClient(need(t), "deleted") }),
  transitionClientAction: async (w, t) => ({ clientId: await w.freshClient(need(t)), action: "invite", itaDate: today(), itaRound: w.drawNumber }),
  updateClientAction: async (w, t) => ({ ...clientFields(w, teamId(w, t)), clientId: await w.freshClient(need(t)), version: "1" }),
  createClientAction: async (w, t) => clientFields(w, teamId(w, t)),
  recordInvitationsAction: async (w, t) => ({ drawNumber: w.drawNumber, itaDate: today(), clientIds: [await w.freshClient(need(t))] }),
  manualRoundAction: async (w) => ({ number: w.drawNumber, date: today(), kind: "cec", programs: ["CEC"], size: "100", cutoff: "500" }),
  feedImportAction: async () => ({
    source: "file",
    mode: "preview",
    file: new File([JSON.stringify({ rounds: [{ drawNumber: "1", drawDate: "2015-01-31", drawName: "No Program Specified", drawSize: "779", drawCRS: "886" }] })], "rounds.json", { type: "application/json" }),
  }),
  mapDrawNameAction: async () => ({ target: "existing", name: "Matrix unrecognised draw", kind: "cec" }),
  updateFirmSettingsAction: async () => ({ timeZone: "America/Toronto", nearMissMargin: "10", documentBufferMonths: "3", pdfFirmName: "" }),
  myNotificationSettingsAction: async () => ({ digestEnabled: "on", digestNearMisses: "on" }),
  firmNotifyKindsAction: async () => ({}),
  firmWebhookAction: async () => ({ webhookUrl: "" }),
  openNotificationAction: async (w, t) => ({ id: w.ids.notification[need(t).label] }),
  inviteUserAction: async (w, t, n) => ({ email: `matrix-invite-${n}-${Date.now()}@test.example`, name: "Matrix Invitee", role: "viewer", teamIds: [teamId(w, t)] }),
  updateUserAction: async (w, t) => ({ userId: w.ids.user[need(t).label], role: "viewer", teamIds: [need(t).firm === "A" ? w.firms.A.teams[1].id : w.firms.B.teams[0].id] }),
  setUserActiveAction: async (w, t) => ({ userId: w.ids.user[need(t).label], active: "true" }),
  revokeInvitationAction: async (w, t) => ({ invitationId: await w.freshInvitation(need(t)) }),
  createTeamAction: async (_w, _t, n) => ({ name: `Matrix team ${n} ${Date.now()}` }),
  renameTeamAction: async (w, t) => {
    const target = need(t);
    return { teamId: teamId(w, t), name: w.firms[target.firm].teams[(target.team ?? 1) - 1].name };
  },
  requestPasswordResetAction: async (_w, _t, n) => ({ email: `matrix-nobody-${n}-${Date.now()}@test.example` }),
  resetPasswordAction: async (w) => ({ token: w.resetToken, password: "matrix-password-1", confirmPassword: "matrix-password-1" }),
  acceptInvitationAction: async (w) => ({ token: w.resetToken, name: "Nobody", password: "matrix-password-1", confirmPassword: "matrix-password-1" }),
  startTwoFactorAction: async () => ({}),
  confirmTwoFactorAction: async () => ({ code: "000000" }),
  disableTwoFactorAction: async () => ({ password: "matrix-password-1", code: "000000" }),
  revokeSessionAction: async (w, t, _n, caller) => ({ sessionId: await w.freshSession(need(t), caller) }),
};

/** Path values for a page or route: the target's record where the segment holds one, live values elsewhere. */
function segmentValues(world: World, record: RecordKind | undefined, target: Target | undefined): Record<string, string> {
  const own = (kind: "client" | "mail", label: string) => world.ids[kind][record === kind && target ? target.label : label];
  return {
    "clients/[id]": own("client", "team 1"),
    "outbox/[id]": own("mail", "firm A"),
    "draws/[number]": world.drawNumber,
    "invite/[token]": world.inviteToken,
    "reset-password/[token]": world.resetToken,
    "auth/[...nextauth]": "session",
  };
}

/** Foreign ids in every query string: another team's and another firm's, in the filters pages and exports read. */
function probeQuery(world: World): URLSearchParams {
  const query = new URLSearchParams();
  for (const team of [world.ids.team["team 2"], world.ids.team["firm B"]]) query.append("team", team);
  query.append("consultant", world.firms.B.users[1].id);
  query.append("client", "Leakmark");
  return query;
}

export async function callEndpoint(world: World, caller: CallerName, endpoint: Endpoint, record: RecordKind | undefined, target: Target | undefined, n: number): Promise<{ outcome: string; body: string }> {
  const context = world.contexts[caller];
  if (endpoint.kind === "action") return callAction(world, context, endpoint, target, n, caller);
  const path = fillRoute(endpoint, segmentValues(world, record, target));
  const query = probeQuery(world);
  const clientInQuery = record === "client" && !endpoint.route.includes("[id]") && target;
  const method = endpoint.kind === "route" ? endpoint.method : "GET";
  if (clientInQuery && method === "GET") query.append("ids", world.ids.client[target.label]);
  let data: string | undefined;
  if (clientInQuery && method === "POST") data = JSON.stringify({ ids: [world.ids.client[target.label]] });
  if (endpoint.key === "POST /api/clients/import") query.set("dryRun", "1");
  if (endpoint.key === "POST /api/clients/import") data = `first_name,last_name,team\nMatrix,Import,${world.firms.A.teams[0].name}\n`;
  const response = await context.fetch(`${path}?${query}`, {
    method,
    maxRedirects: 0,
    data,
    headers: data?.startsWith("{") ? { "content-type": "application/json" } : undefined,
  });
  return { outcome: httpOutcome(response), body: await textOf(response) };
}

async function callAction(world: World, context: APIRequestContext, action: ActionEndpoint, target: Target | undefined, n: number, caller: CallerName) {
  const build = ACTION_FORMS[action.name];
  if (!build) throw new Error(`${action.key}: no form in e2e/support/access-calls.ts ACTION_FORMS`);
  const form = new FormData();
  for (const [key, value] of Object.entries(await build(world, target, n, caller))) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  }
  // The arguments as React's client sends them: (previous state, form) for useActionState forms, (form) for plain ones.
  const args = /\(\s*form\s*:/.test(action.signature) ? [form] : [null, form];
  const body = (await encodeReply(args)) as FormData;
  const path = fillRoute(action.page, segmentValues(world, undefined, undefined));
  const response = await context.fetch(path, {
    method: "POST",
    maxRedirects: 0,
    headers: { "next-action": action.id, accept: "text/x-component" },
    multipart: body,
  });
  const text = await textOf(response);
  return { outcome: actionOutcome(response, text), body: text };
}

async function textOf(response: APIResponse): Promise<string> {
  const type = response.headers()["content-type"] ?? "";
  return /text|json|x-component|csv|ndjson/.test(type) ? await response.text() : "";
}

function redirectOutcome(location: string): Outcome | null {
  const path = new URL(location, "http://x").pathname;
  if (path === "/signin") return "sign-in";
  if (path === "/forbidden") return "403";
  if (path === "/settings/security") return "enrol";
  return null;
}

export function httpOutcome(response: APIResponse): string {
  const status = response.status();
  if (status >= 300 && status < 400) {
    const location = response.headers()["location"] ?? "";
    return redirectOutcome(location) ?? (new URL(location, "http://x").pathname === "/" ? "home" : `redirect ${location}`);
  }
  if (status === 401) return "sign-in";
  return String(status);
}

/**
 * An action's answer: the proxy's redirect for a request without a session, Next's redirect
 * header, or the ActionResult in the RSC payload (`ok`, or the typed error's message).
 */
export function actionOutcome(response: APIResponse, text: string): string {
  const status = response.status();
  const redirect = response.headers()["x-action-redirect"];
  if (redirect) return redirectOutcome(redirect.split(";")[0]) ?? "200";
  if (status !== 200) return httpOutcome(response);
  if (/"ok":true/.test(text)) return "200";
  const error = /"ok":false[^\n]*?"error":"([^"]*)"/.exec(text)?.[1] ?? /"error":"([^"]*)"[^\n]*?"ok":false/.exec(text)?.[1];
  if (error === undefined) return `unreadable answer: ${text.slice(0, 200)}`;
  if (/session has ended/i.test(error)) return "sign-in";
  // ForbiddenError's messages (lib/server/action.ts, lib/db): the role, the firm's two-factor requirement, an owner's session.
  if (/permission|only a platform administrator|requires two-factor sign-in: set it up|only an owner may/i.test(error)) return "403";
  if (/not found\.$/i.test(error)) return "404";
  return "400";
}
