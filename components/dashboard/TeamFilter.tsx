import { Button, SelectField } from "@/components/ui";

/** A GET form: the choice lives in the URL (?team=), so a filtered view can be bookmarked. */
export function TeamFilter({ teams, value, allLabel, action = "/" }: { teams: { id: string; name: string }[]; value: string | undefined; allLabel: string; action?: string }) {
  return (
    <form method="get" action={action} className="row-wrap" aria-label="Filter by team">
      <SelectField label="Team" name="team" defaultValue={value ?? ""}>
        <option value="">{allLabel}</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
    </form>
  );
}
