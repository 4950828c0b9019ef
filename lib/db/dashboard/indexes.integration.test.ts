import { beforeAll, describe, expect, it } from "vitest";
import { changesSql } from "./coming-changes";
import { radarSql } from "./radar";
import { atRiskSql } from "../clients/documents-at-risk";
import { prisma } from "../prisma";
import { clientScopeSql } from "../scope";
import { createTestFirm, type TestFirm } from "../testing/fixtures";

/**
 * The expiry radar and coming changes are fast at a million clients only while their statements
 * stay on their partial covering indexes (migrations 20261205070000 and 20261205070100): a
 * status list or condition that drifts from the index's predicate silently falls back to reading
 * every client. Each statement's plan, for an owner and for a consultant, must name every index.
 */

const RADAR_INDEXES = ["profileExpiresOn", "applicationDueOn", "languageTestExpiresOn", "ecaExpiresOn", "workPermitExpiresOn", "passportExpiresOn"].map(
  (column) => `Client_radar_${column}_idx`,
);
const CHANGES_INDEXES = ["Client_coming_birthdays_idx", "Client_coming_work_anniversaries_idx"];

async function plan(sql: string, params: unknown[]): Promise<string> {
  const [, , rows] = await prisma().$transaction([
    prisma().$executeRawUnsafe("SET LOCAL enable_seqscan = off"),
    prisma().$executeRawUnsafe("SET LOCAL enable_bitmapscan = off"),
    prisma().$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`, ...params),
  ]);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

describe("dashboard widgets read their indexes", () => {
  let firm: TestFirm;
  beforeAll(async () => {
    firm = await createTestFirm({ label: "dash-indexes" });
  });

  it.each(["owner", "consultant"] as const)("expiry radar (%s): index-only reads of the six deadline indexes", async (role) => {
    const scope = firm.user(role).scope;
    const scopeSql = clientScopeSql(scope, 4);
    const text = await plan(radarSql(scopeSql.sql), ["2027-01-01", null, 6, ...scopeSql.params]);
    for (const index of RADAR_INDEXES) expect(text).toContain(`Index Only Scan using "${index}"`);
  });

  it.each(["owner", "consultant"] as const)("documents at risk (%s): an index-only read of the invited clients' index", async (role) => {
    const scope = firm.user(role).scope;
    const scopeSql = clientScopeSql(scope, 4);
    const text = await plan(atRiskSql(scopeSql.sql), [3, null, 10, ...scopeSql.params]);
    expect(text).toContain(`Index Only Scan using "Client_radar_applicationDueOn_idx"`);
  });

  it.each(["owner", "consultant"] as const)("coming changes (%s): index-only reads of the birthday and anniversary indexes", async (role) => {
    const scope = firm.user(role).scope;
    const scopeSql = clientScopeSql(scope, 4);
    const text = await plan(changesSql(scopeSql.sql), ["2027-01-01", null, 6, ...scopeSql.params]);
    for (const index of CHANGES_INDEXES) expect(text).toContain(`Index Only Scan using "${index}"`);
  });
});
