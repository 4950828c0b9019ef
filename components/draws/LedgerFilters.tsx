import Link from "next/link";
import { Button, CheckboxField, TextField } from "@/components/ui";
import { DRAW_KIND_LABELS, type DrawKind } from "@/lib/draws/kinds";

/** Kinds and dates for the chart and the table, as a GET form: the state lives in the URL. */
export function LedgerFilters({
  kinds,
  createdKinds = [],
  value,
}: {
  kinds: DrawKind[];
  /** Categories an administrator created, with their labels. */
  createdKinds?: { code: string; label: string }[];
  value: { kind: string[]; from?: string; to?: string };
}) {
  return (
    <form method="get" action="/draws" className="stack-sm" aria-label="Filter draws">
      <fieldset>
        <legend>Kinds (none ticked: all)</legend>
        <div className="row" style={{ gap: "var(--space-1) var(--space-4)" }}>
          {kinds.map((kind) => (
            <CheckboxField key={kind} label={DRAW_KIND_LABELS[kind]} name="kind" value={kind} defaultChecked={value.kind.includes(kind)} />
          ))}
          {createdKinds.map((k) => (
            <CheckboxField key={k.code} label={k.label} name="kind" value={k.code} defaultChecked={value.kind.includes(k.code)} />
          ))}
        </div>
      </fieldset>
      <div className="row-wrap">
        <TextField label="From" name="from" type="date" defaultValue={value.from ?? ""} />
        <TextField label="To" name="to" type="date" defaultValue={value.to ?? ""} />
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        <Link href="/draws">Reset</Link>
      </div>
    </form>
  );
}
