import type { Metadata } from "next";
import { Button, PageHeader, Pagination, SelectField, Table, TableEmptyRow, TBody, TD, TextField, TH, THead, TR } from "@/components/ui";
import { listAudit, listAuditActions } from "@/lib/db/audit";
import { listUsers } from "@/lib/db/users";
import { requireViewer } from "@/lib/server/session";

export const metadata: Metadata = { title: "Audit log" };

type Params = Record<string, string | undefined>;

function dayStart(value: string | undefined): Date | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
}

function describeChanges(changes: unknown): string {
  if (!changes || typeof changes !== "object") return "";
  return Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>)
    .map(([field, c]) => `${field}: ${JSON.stringify(c?.from ?? null)} → ${JSON.stringify(c?.to ?? null)}`)
    .join("; ");
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const viewer = await requireViewer("audit.read");
  const params = await searchParams;
  const page = Math.max(1, Number(params.page) || 1);
  const to = dayStart(params.to);
  const [result, actions, users] = await Promise.all([
    listAudit(viewer.scope, {
      action: params.action || undefined,
      userId: params.user || undefined,
      entityId: params.record || undefined,
      from: dayStart(params.from),
      to: to ? new Date(to.getTime() + 86_400_000) : undefined,
      page,
    }),
    listAuditActions(viewer.scope),
    listUsers(viewer.scope),
  ]);
  const query = (p: number) => {
    const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
    q.set("page", String(p));
    return `/audit?${q}`;
  };
  return (
    <div className="stack-lg">
      <PageHeader title="Audit log" description="Who did what, and when: sign-ins, changes, imports and exports of your firm's data." />
      <form method="get" className="row-wrap" aria-label="Filter the audit log">
        <SelectField label="Action" name="action" defaultValue={params.action ?? ""}>
          <option value="">All actions</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </SelectField>
        <SelectField label="User" name="user" defaultValue={params.user ?? ""}>
          <option value="">Everyone</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Record id" name="record" defaultValue={params.record ?? ""} />
        <TextField label="From" name="from" type="date" defaultValue={params.from ?? ""} />
        <TextField label="To" name="to" type="date" defaultValue={params.to ?? ""} />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <Table caption="Audit entries, newest first">
        <THead>
          <TR>
            <TH>When (UTC)</TH>
            <TH>Who</TH>
            <TH>Action</TH>
            <TH>Record</TH>
            <TH>What changed</TH>
          </TR>
        </THead>
        <TBody>
          {result.rows.length === 0 && <TableEmptyRow colSpan={5}>No entries match these filters.</TableEmptyRow>}
          {result.rows.map((row) => (
            <TR key={row.id}>
              <TD className="num">{row.createdAt.toISOString().slice(0, 19).replace("T", " ")}</TD>
              <TD>{row.userEmail ?? "—"}</TD>
              <TD>{row.action}</TD>
              <TD>
                {row.entityType}
                {row.entityId ? ` ${row.entityId.slice(0, 8)}` : ""}
              </TD>
              <TD className="wrap">{describeChanges(row.changes) || (row.metadata ? JSON.stringify(row.metadata) : "")}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <Pagination page={result.page} pageCount={Math.ceil(result.total / result.pageSize)} href={query} total={result.total} pageSize={result.pageSize} noun="entries" />
    </div>
  );
}
