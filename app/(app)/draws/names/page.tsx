import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DrawNameMappingForms } from "@/components/draws/DrawNameMappingForms";
import { formatCount } from "@/components/draws/format";
import { Card, EmptyState, PageHeader, Table, TableEmptyRow, TBody, TD, TH, THead, TR } from "@/components/ui";
import { formatInstant } from "@/lib/dates/format-instant";
import { createdCategoryKinds, listDrawKindMappings, unrecognisedDrawNames } from "@/lib/db/draws/kinds";
import { getFirm } from "@/lib/db/firms";
import { isPlatformAdmin } from "@/lib/db/users/platform-admins";
import { DRAW_KIND_LABELS, DRAW_KINDS, type DrawKind } from "@/lib/draws/kinds";
import { requireViewer } from "@/lib/server/session";
import { mapDrawNameAction } from "./actions";

export const metadata: Metadata = { title: "Draw names" };

/**
 * IRCC draw names DrawDesk does not recognise, for a platform administrator to map (README,
 * "Platform administrators"). Draws are shared by every firm, so a firm role is not enough.
 */
export default async function DrawNamesPage() {
  const viewer = await requireViewer();
  if (!(await isPlatformAdmin(viewer.userId))) redirect("/forbidden");
  const [names, mappings, created, firm] = await Promise.all([unrecognisedDrawNames(), listDrawKindMappings(), createdCategoryKinds(), getFirm(viewer.scope)]);
  const kinds = [
    ...DRAW_KINDS.filter((k) => k !== "unrecognised").map((k) => ({ value: k, label: DRAW_KIND_LABELS[k] })),
    ...created.map((c) => ({ value: c.code, label: `${c.label} (category)` })),
  ];
  const kindLabel = (kind: string, categoryLabel: string | null) => categoryLabel ?? DRAW_KIND_LABELS[kind as DrawKind] ?? kind;
  return (
    <div className="stack-lg">
      <PageHeader
        eyebrow={<Link href="/draws">Draws</Link>}
        title="Draw names"
        description="Names IRCC gave to rounds that DrawDesk's rules do not recognise. Map each to a kind, or create a category for it: the stored rounds change at once for every firm, and clients can be tagged with a new category."
      />
      <section aria-labelledby="unrecognised-heading" className="stack">
        <h2 id="unrecognised-heading">Unrecognised names</h2>
        {names.length === 0 && <EmptyState title="Every name is recognised" description="No stored round has an unrecognised kind." />}
        {names.map((n) => (
          <Card
            key={n.nameKey}
            title={n.names[0]}
            headingLevel={3}
            description={
              <>
                {formatCount(n.rounds)} round{n.rounds === 1 ? "" : "s"}, latest <Link href={`/draws/${encodeURIComponent(n.latest.number)}`}>#{n.latest.number}</Link> on {n.latest.date}
                {n.names.length > 1 && <>; also written {n.names.slice(1).map((x) => `“${x}”`).join(", ")}</>}.
              </>
            }
          >
            <DrawNameMappingForms name={n.names[0]} kinds={kinds} action={mapDrawNameAction} />
          </Card>
        ))}
      </section>
      <Table caption="Mapped names" maxHeight="none">
        <THead>
          <TR>
            <TH>Name</TH>
            <TH>Kind</TH>
            <TH>Mapped by</TH>
            <TH>When ({firm.timeZone})</TH>
          </TR>
        </THead>
        <TBody>
          {mappings.length === 0 && <TableEmptyRow colSpan={4}>No name has been mapped yet.</TableEmptyRow>}
          {mappings.map((m) => (
            <TR key={m.nameKey}>
              <TH scope="row">{m.name}</TH>
              <TD>{kindLabel(m.kind, m.categoryLabel)}</TD>
              <TD>{m.mappedBy ?? "—"}</TD>
              <TD className="num nowrap">{formatInstant(m.updatedAt.toISOString(), firm.timeZone)}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
