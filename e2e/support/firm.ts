import type { Role } from "../../lib/auth/permissions";
import type { ClientInputDraft } from "../../lib/clients/schema";
import { createClient } from "../../lib/db/clients";
import { createTestFirm, TEST_PASSWORD, type TestFirm, type TestUser } from "../../lib/db/testing/fixtures";

export { TEST_PASSWORD, type TestFirm, type TestUser };

/**
 * A fresh firm for one test: two teams, and by default an owner, an admin, a consultant of team
 * one, a consultant of team two and a viewer of team one. Seeded straight through lib/db
 * (Playwright runs with the react-server condition, so `server-only` is inert here).
 */
export function seedFirm(label: string, users?: { role: Role; teams: number[]; name?: string }[]): Promise<TestFirm> {
  return createTestFirm({
    label,
    teams: ["Team One", "Team Two"],
    users: users ?? [
      { role: "owner", teams: [0, 1] },
      { role: "admin", teams: [0, 1] },
      { role: "consultant", teams: [0], name: `Casey Consultant ${label}` },
      { role: "consultant", teams: [1], name: `Other Consultant ${label}` },
      { role: "viewer", teams: [0] },
    ],
  });
}

/** The consultant of team `team` (0 or 1) in a firm made by seedFirm. */
export function consultantOf(firm: TestFirm, team: number): TestUser {
  const found = firm.users.find((u) => u.role === "consultant" && u.scope.teamIds.length === 1 && u.scope.teamIds[0] === firm.teams[team].id);
  if (!found) throw new Error(`no consultant of team ${team}`);
  return found;
}

let counter = 0;

/** A unique profile number (letters and digits), so rows from parallel tests never collide. */
export function profileNumber(): string {
  counter += 1;
  return `E2E${Date.now().toString(36).toUpperCase()}${counter}`.slice(0, 20);
}

/** A client with a score entered by hand, created as `user`; override any field. */
export async function seedClient(firm: TestFirm, user: TestUser, overrides: Partial<Record<keyof ClientInputDraft, unknown>> = {}): Promise<string> {
  const input = {
    firstName: "Test",
    lastName: "Client",
    teamId: firm.teams[0].id,
    status: "profile_active",
    profileNumber: profileNumber(),
    profileSubmittedAt: "2026-01-15T14:30:00Z",
    programs: ["CEC"],
    manualCrs: 480,
    manualCrsReason: "From the IRCC account",
    ...overrides,
  } as ClientInputDraft;
  const { id } = await createClient(user.scope, input);
  return id;
}
