import { describe, expect, it } from "vitest";
import { SIGN_IN_RATE_LIMIT } from "@/lib/auth/rate-limit";
import { InvalidInputError, RateLimitedError } from "@/lib/errors";
import { listAudit } from "../audit";
import { acceptInvitation, findUsableInvitation, inviteUser } from "./invitations";
import { authenticate, loadSessionUser } from "./sign-in";
import { createTestFirm, TEST_PASSWORD } from "../testing/fixtures";
import { setUserActive } from "./manage";

const address = () => `198.51.100.${Math.floor(Math.random() * 250)}`;

describe("sign-in", () => {
  it("signs in with the right password, case-insensitively on the email, and audits it", async () => {
    const firm = await createTestFirm({ label: "signin" });
    const consultant = firm.user("consultant");
    const user = await authenticate(consultant.email.toUpperCase(), TEST_PASSWORD, address());
    expect(user).toMatchObject({ userId: consultant.id, firmId: firm.id, role: "consultant", teamIds: [firm.teams[0].id] });
    expect(await authenticate(consultant.email, "wrong password!", address())).toBeNull();
    const { rows } = await listAudit(firm.user("owner").scope, { userId: consultant.id });
    expect(rows.map((r) => r.action)).toEqual(["auth.sign_in_failed", "auth.sign_in"]);
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    expect(await authenticate(`nobody-${Date.now()}@test.example`, TEST_PASSWORD, address())).toBeNull();
  });

  it("locks an account after too many failures, from any address", async () => {
    const firm = await createTestFirm({ label: "lock" });
    const viewer = firm.user("viewer");
    for (let i = 0; i < SIGN_IN_RATE_LIMIT.maxFailuresPerAccount; i++) expect(await authenticate(viewer.email, "bad password", address())).toBeNull();
    await expect(authenticate(viewer.email, TEST_PASSWORD, address())).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("limits a client address across accounts", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < SIGN_IN_RATE_LIMIT.maxFailuresPerAddress; i++) await authenticate(`ghost-${i}-${Date.now()}@test.example`, "bad password", ip);
    const firm = await createTestFirm({ label: "ip" });
    await expect(authenticate(firm.user("owner").email, TEST_PASSWORD, ip)).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("shuts a deactivated user out, including an existing session", async () => {
    const firm = await createTestFirm({ label: "deact" });
    const consultant = firm.user("consultant");
    await setUserActive(firm.user("admin").scope, consultant.id, false);
    expect(await authenticate(consultant.email, TEST_PASSWORD, address())).toBeNull();
    expect(await loadSessionUser(firm.id, consultant.id)).toBeNull();
  });
});

describe("invitations", () => {
  it("invites, accepts once, and the invitee signs in with the chosen teams and role", async () => {
    const firm = await createTestFirm({ label: "invite" });
    const email = `new-${Date.now()}@test.example`;
    const { token } = await inviteUser(firm.user("admin").scope, { email, name: "New Person", role: "consultant", teamIds: [firm.teams[1].id] });
    expect(await findUsableInvitation(token)).toMatchObject({ email, role: "consultant", firmName: firm.name });
    await acceptInvitation({ token, name: "New Person", password: "a long new password", confirmPassword: "a long new password" });
    await expect(acceptInvitation({ token, name: "Again", password: "another long password", confirmPassword: "another long password" })).rejects.toBeInstanceOf(InvalidInputError);
    expect(await findUsableInvitation(token)).toBeNull();
    const user = await authenticate(email, "a long new password", address());
    expect(user).toMatchObject({ role: "consultant", teamIds: [firm.teams[1].id] });
  });

  it("refuses an expired invitation", async () => {
    const firm = await createTestFirm({ label: "expired" });
    const { token } = await inviteUser(firm.user("owner").scope, { email: `late-${Date.now()}@test.example`, name: "Late", role: "viewer", teamIds: [firm.teams[0].id] });
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await findUsableInvitation(token, later)).toBeNull();
    await expect(acceptInvitation({ token, name: "Late", password: "a long new password", confirmPassword: "a long new password" }, later)).rejects.toBeInstanceOf(InvalidInputError);
  });

  it("does not let an admin invite an owner", async () => {
    const firm = await createTestFirm({ label: "noowner" });
    await expect(inviteUser(firm.user("admin").scope, { email: `o-${Date.now()}@test.example`, name: "O", role: "owner", teamIds: [firm.teams[0].id] })).rejects.toThrow("cannot give that role");
  });
});
