import Link from "next/link";
import { Button, SelectField, TextField } from "@/components/ui";

/** The draw page's filters as a GET form: the state lives in the URL. */
export function ImpactFilters({
  action,
  teams,
  consultants,
  value,
  firmMargin,
}: {
  action: string;
  teams: { id: string; name: string }[];
  consultants: { id: string; name: string }[];
  value: { team?: string; consultant?: string; margin: number };
  firmMargin: number;
}) {
  return (
    <form method="get" action={action} className="row-wrap" aria-label="Filter the draw's clients">
      {teams.length > 1 && (
        <SelectField label="Team" name="team" defaultValue={value.team ?? ""}>
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField label="Consultant" name="consultant" defaultValue={value.consultant ?? ""}>
        <option value="">All consultants</option>
        {consultants.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Near-miss margin" name="margin" type="number" min={0} max={200} step={1} defaultValue={String(value.margin)} hint={`Firm default ${firmMargin}`} style={{ width: "8rem" }} />
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      <Link href={action}>Reset</Link>
    </form>
  );
}
