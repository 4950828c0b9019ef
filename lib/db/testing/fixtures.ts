import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import type { Scope } from "@/lib/auth/scope";
import type { ClientInsert } from "../clients/bulk";
import { prisma } from "../prisma";

/**
 * Test data builders for integration and end-to-end tests: each test makes its own firm with
 * unique slugs and emails, so tests never depend on each other or on the demo firm.
 */

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  scope: Scope;
}

export interface TestFirm {
  id: string;
  slug: string;
  name: string;
  teams: { id: string; name: string }[];
  users: TestUser[];
  /** The user with the given role (the first one). */
  user(role: Role): TestUser;
}

export const TEST_PASSWORD = "test-password-123";

let passwordHash: Promise<string> | null = null;

export async function createTestFirm(options: {
  label?: string;
  teams?: string[];
  users?: { role: Role; teams: number[]; name?: string }[];
} = {}): Promise<TestFirm> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const suffix = randomUUID().slice(0, 8);
  const label = options.label ?? "test";
  const teamNames = options.teams ?? ["Team One", "Team Two"];
  const userSpecs = options.users ?? [
    { role: "owner", teams: [0, 1] },
    { role: "admin", teams: [0, 1] },
    { role: "consultant", teams: [0] },
    { role: "viewer", teams: [0] },
  ];
  const firm = await prisma().firm.create({ data: { name: `${label} firm ${suffix}`, slug: `${label}-${suffix}` } });
  const teams: { id: string; name: string }[] = [];
  for (const name of teamNames) teams.push(await prisma().team.create({ data: { firmId: firm.id, name } }));
  const users: TestUser[] = [];
  for (const [i, spec] of userSpecs.entries()) {
    const email = `${spec.role}${i}-${label}-${suffix}@test.example`;
    const user = await prisma().user.create({
      data: { firmId: firm.id, email, name: spec.name ?? `${spec.role} ${i} ${suffix}`, role: spec.role, passwordHash: await passwordHash },
    });
    const teamIds = spec.teams.map((t) => teams[t].id);
    await prisma().teamMembership.createMany({ data: teamIds.map((teamId) => ({ firmId: firm.id, teamId, userId: user.id })) });
    users.push({ id: user.id, email, password: TEST_PASSWORD, role: spec.role, scope: { userId: user.id, firmId: firm.id, role: spec.role, teamIds } });
  }
  return {
    id: firm.id,
    slug: firm.slug,
    name: firm.name,
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    users,
    user(role: Role) {
      const found = users.find((u) => u.role === role);
      if (!found) throw new Error(`no ${role} in this test firm`);
      return found;
    },
  };
}

/**
 * A client row for insertClientsBulk with every optional field empty: tests state only what
 * their case is about. Status defaults to profile_active with the CEC program.
 */
export function testClientInsert(teamId: string, overrides: Partial<ClientInsert> = {}): ClientInsert {
  return {
    teamId,
    consultantId: null,
    firstName: "Test",
    lastName: "Client",
    email: null,
    phone: null,
    dateOfBirth: null,
    citizenship: null,
    status: "profile_active",
    profileNumber: null,
    profileSubmittedAt: null,
    profileExpiresOn: null,
    programs: ["CEC"],
    nominationProvince: null,
    nominatedOn: null,
    categories: [],
    crsFactors: null,
    scores: [],
    invitedAt: null,
    canadianWorkStartedOn: null,
    languageTestType: null,
    languageTestDate: null,
    ecaIssuer: null,
    ecaIssuedOn: null,
    workPermitExpiresOn: null,
    passportExpiresOn: null,
    notes: null,
    ...overrides,
  };
}
