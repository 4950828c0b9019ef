import "server-only";
import type { Scope } from "@/lib/auth/scope";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { RISK_DOCUMENTS, type RiskDocument } from "@/lib/deadlines/application";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { prisma } from "../prisma";
import { clientScopeSql } from "../scope";

/**
 * "Invited clients with documents at risk": lib/deadlines/application.ts `documentsAtRisk` as one
 * set-based statement over the invited clients (status ita_received, indexed applicationDueOn),
 * with the firm's buffer in months. application.test.ts states the rule; the integration test
 * holds the two together.
 */

const COLUMNS: Record<RiskDocument, string> = {
  language_test: "languageTestExpiresOn",
  eca: "ecaExpiresOn",
  passport: "passportExpiresOn",
  work_permit: "workPermitExpiresOn",
};

export interface DocumentAtRisk {
  clientId: string;
  firstName: string;
  lastName: string;
  applicationDueOn: CalendarDate;
  document: RiskDocument;
  expiresOn: CalendarDate;
  severity: "before_due" | "within_buffer";
}

export interface DocumentsAtRisk {
  bufferMonths: number;
  /** Documents at risk (a client with two counts twice). */
  total: number;
  items: DocumentAtRisk[];
}

const PARAMS = 3;

/** Exported for the plan test (lib/db/dashboard/indexes.integration.test.ts): it must read only the invited clients' index. */
export function atRiskSql(scopeSql: string): string {
  const docs = RISK_DOCUMENTS.map((d) => `c."${COLUMNS[d]}"`).join(", ");
  return `
WITH items AS MATERIALIZED (
  SELECT x.*, CASE WHEN x."expiresOn" < x."applicationDueOn" THEN 'before_due' ELSE 'within_buffer' END AS severity
  FROM (
    SELECT c."id" AS "clientId", c."firstName", c."lastName", c."applicationDueOn",
      unnest(ARRAY[${docs}]::date[]) AS "expiresOn", unnest(ARRAY[${RISK_DOCUMENTS.map((d) => `'${d}'`).join(",")}]::text[]) AS document
    FROM "Client" c
    WHERE ${scopeSql} AND c."archivedAt" IS NULL AND c."status" = 'ita_received' AND c."applicationDueOn" IS NOT NULL
      AND ($2::uuid IS NULL OR c."teamId" = $2::uuid)
  ) x
  WHERE x."expiresOn" <= (x."applicationDueOn" + make_interval(months => $1::int))::date
)
SELECT (SELECT count(*)::int FROM items) AS total,
  (SELECT coalesce(json_agg(json_build_object('clientId', i."clientId", 'firstName', i."firstName", 'lastName', i."lastName",
     'applicationDueOn', i."applicationDueOn", 'document', i.document, 'expiresOn', i."expiresOn", 'severity', i.severity)
     ORDER BY i.severity, i."expiresOn", i."lastName", i."firstName", i."clientId"), '[]')
   FROM (SELECT * FROM items ORDER BY severity, "expiresOn", "lastName", "firstName", "clientId" LIMIT $3) i) AS items`;
}

export async function documentsAtRiskList(scope: Scope, options: { teamId?: string; limit?: number } = {}): Promise<DocumentsAtRisk> {
  const limit = options.limit ?? 25;
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= 500)) throw new InvalidInputError("The list length must be from 1 to 500.", [{ path: "limit", message: "From 1 to 500." }]);
  const firm = await prisma().firm.findUnique({ where: { id: scope.firmId }, select: { documentBufferMonths: true } });
  if (!firm) throw new NotFoundError("Firm");
  const scopeSql = clientScopeSql(scope, PARAMS + 1);
  const [row] = await prisma().$queryRawUnsafe<{ total: number; items: DocumentAtRisk[] }[]>(
    atRiskSql(scopeSql.sql),
    firm.documentBufferMonths,
    options.teamId ?? null,
    limit,
    ...scopeSql.params,
  );
  return { bufferMonths: firm.documentBufferMonths, total: row.total, items: row.items };
}
