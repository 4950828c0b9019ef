"use client";

import Link from "next/link";
import type { FormEvent, ReactNode } from "react";
import { Button, Input, SelectField, TextField } from "@/components/ui";
import { DEFAULT_COLUMNS, parseRosterQuery, type RosterQuery } from "@/lib/clients/roster-query";
import { CLIENT_STATUS_LABELS, CLIENT_STATUSES } from "@/lib/clients/status";
import { CATEGORY_KINDS, DRAW_KIND_LABELS, PROGRAMS, type DrawKind } from "@/lib/draws/kinds";
import { DRAW_KIND_SHORT } from "./labels";
import { rosterHref } from "./roster-href";
import { useRosterNavigation } from "./use-roster-url";
import styles from "./Roster.module.css";

export interface FilterCutoff {
  kind: DrawKind;
  drawNumber: string;
  cutoff: number;
}

/**
 * A single-choice select that still shows a shared URL holding several values for the filter
 * (the URL format allows lists): they appear as one extra "N selected" option.
 */
function ListSelect({ label, name, values, options, allLabel }: { label: string; name: string; values: readonly string[]; options: { value: string; label: string }[]; allLabel: string }) {
  const joined = values.join(",");
  const known = new Set(options.map((o) => o.value));
  const extra = values.length > 1 || (values.length === 1 && !known.has(values[0]));
  return (
    <SelectField label={label} name={name} defaultValue={joined} className={styles.filter}>
      <option value="">{allLabel}</option>
      {extra && (
        <option value={joined}>
          {values.length > 1 ? `${values.length} selected` : values[0]}
        </option>
      )}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}

const hasFilters = (q: RosterQuery) =>
  Boolean(q.q || q.team.length || q.consultant.length || q.status.length || q.program.length || q.category.length || q.crsMin !== undefined || q.crsMax !== undefined || q.expiringWithin !== undefined || q.ita !== undefined || q.cutoff || q.archived !== "exclude");

/**
 * The roster's filters as a GET form over the same URL keys the page reads: without JavaScript it
 * submits as is; with it, the values are normalised through the shared roster schema and pushed
 * to the URL (page back to 1, sort and columns kept).
 */
export function RosterFilters({
  query,
  teams,
  consultants,
  cutoffs,
  extraCategories = [],
}: {
  query: RosterQuery;
  teams: { id: string; name: string }[];
  consultants: { id: string; name: string }[];
  cutoffs: FilterCutoff[];
  extraCategories?: string[];
}) {
  const { go, pending } = useRosterNavigation(query);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value !== "") params.append(key, value);
    const filters = parseRosterQuery(params);
    go({ ...filters, sort: query.sort, dir: query.dir, pageSize: query.pageSize, cols: query.cols, cursor: undefined });
  }

  const keep: ReactNode[] = [];
  if (query.sort !== "name") keep.push(<input key="sort" type="hidden" name="sort" value={query.sort} />);
  if (query.dir !== "asc") keep.push(<input key="dir" type="hidden" name="dir" value={query.dir} />);
  if (query.pageSize !== 50) keep.push(<input key="pageSize" type="hidden" name="pageSize" value={query.pageSize} />);
  if (query.cols.join(",") !== DEFAULT_COLUMNS.join(",")) keep.push(<input key="cols" type="hidden" name="cols" value={query.cols.join(",")} />);

  const categories = [...CATEGORY_KINDS, ...extraCategories.filter((c) => !(CATEGORY_KINDS as readonly string[]).includes(c))];
  // Each form state is a different URL: a key per URL resets the uncontrolled fields on navigation.
  const formKey = rosterHref({ ...query, cursor: undefined, sort: "name", dir: "asc" });

  return (
    <form key={formKey} method="get" action="/clients" role="search" aria-label="Filter clients" onSubmit={onSubmit} className={styles.filters} aria-busy={pending}>
      {keep}
      <TextField label="Search" name="q" type="search" defaultValue={query.q ?? ""} placeholder="Name, email or profile number" className={styles.search} maxLength={100} />
      <ListSelect label="Team" name="team" values={query.team} allLabel="All teams" options={teams.map((t) => ({ value: t.id, label: t.name }))} />
      <ListSelect label="Consultant" name="consultant" values={query.consultant} allLabel="Anyone" options={consultants.map((c) => ({ value: c.id, label: c.name }))} />
      <ListSelect label="Status" name="status" values={query.status} allLabel="Any status" options={CLIENT_STATUSES.map((s) => ({ value: s, label: CLIENT_STATUS_LABELS[s] }))} />
      <ListSelect label="Program" name="program" values={query.program} allLabel="Any program" options={PROGRAMS.map((p) => ({ value: p, label: p }))} />
      <ListSelect label="Category" name="category" values={query.category} allLabel="Any category" options={categories.map((c) => ({ value: c, label: c in DRAW_KIND_LABELS ? DRAW_KIND_LABELS[c as DrawKind] : c }))} />
      <fieldset className={styles.range}>
        <legend>CRS range</legend>
        <div className="row" style={{ flexWrap: "nowrap", gap: 4 }}>
          <Input type="number" name="crsMin" min={0} max={1200} defaultValue={query.crsMin ?? ""} aria-label="CRS from" placeholder="from" className={styles.num} />
          <span aria-hidden="true">–</span>
          <Input type="number" name="crsMax" min={0} max={1200} defaultValue={query.crsMax ?? ""} aria-label="CRS to" placeholder="to" className={styles.num} />
        </div>
      </fieldset>
      <TextField label="Deadline within (days)" name="expiringWithin" type="number" min={0} max={3650} defaultValue={query.expiringWithin ?? ""} placeholder="e.g. 30" className={styles.wideFilter} />
      <SelectField label="Latest cut-off" name="cutoff" defaultValue={query.cutoff ?? ""} className={styles.wideFilter}>
        <option value="">Any</option>
        {(["above", "below"] as const).map((side) => (
          <optgroup key={side} label={side === "above" ? "Above the latest cut-off of" : "Below the latest cut-off of"}>
            {cutoffs.map((c) => (
              <option key={c.kind} value={`${side}:${c.kind}`}>
                {side === "above" ? "Above" : "Below"} {DRAW_KIND_SHORT[c.kind]} #{c.drawNumber} ({c.cutoff})
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <SelectField label="Invitation" name="ita" defaultValue={query.ita ?? ""} className={styles.wideFilter}>
        <option value="">Any</option>
        <option value="open">Invited, application not submitted</option>
      </SelectField>
      <SelectField label="Archived" name="archived" defaultValue={query.archived === "exclude" ? "" : query.archived} className={styles.filter}>
        <option value="">Hide archived</option>
        <option value="include">Include archived</option>
        <option value="only">Archived only</option>
      </SelectField>
      <div className="row" style={{ flexWrap: "nowrap" }}>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Filtering…" : "Apply filters"}
        </Button>
        {hasFilters(query) && (
          <Link href={rosterHref({ sort: query.sort, dir: query.dir, pageSize: query.pageSize, cols: query.cols })} className="small">
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}
