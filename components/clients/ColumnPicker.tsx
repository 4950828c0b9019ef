"use client";

import { CheckboxField, Disclosure } from "@/components/ui";
import { DEFAULT_COLUMNS, ROSTER_COLUMN_LABELS, ROSTER_COLUMNS, type RosterColumn, type RosterQuery } from "@/lib/clients/roster-query";
import { rosterHref } from "./roster-href";
import { useRosterNavigation } from "./use-roster-url";
import styles from "./Roster.module.css";

/** The name links to the client page, so it always stays. */
const REQUIRED: RosterColumn = "name";

/** Which roster columns are shown; the choice is part of the URL (`cols`), so it is bookmarked too. */
export function ColumnPicker({ query: serverQuery }: { query: RosterQuery }) {
  const { go, pending, query } = useRosterNavigation(serverQuery);
  const visible = new Set(query.cols);

  function toggle(column: RosterColumn, on: boolean) {
    const next = ROSTER_COLUMNS.filter((c) => (c === column ? on : visible.has(c)));
    go({ cols: next });
  }

  const isDefault = query.cols.join(",") === DEFAULT_COLUMNS.join(",");
  return (
    <Disclosure
      summary={
        <>
          Columns <span className="muted">({query.cols.length})</span>
        </>
      }
    >
      <fieldset aria-busy={pending}>
        <legend>Show columns</legend>
        <div className={styles.pickerList}>
          {ROSTER_COLUMNS.map((column) => (
            <CheckboxField
              key={column}
              label={ROSTER_COLUMN_LABELS[column]}
              checked={column === REQUIRED || visible.has(column)}
              disabled={column === REQUIRED}
              onChange={(e) => toggle(column, e.target.checked)}
            />
          ))}
        </div>
      </fieldset>
      {!isDefault && (
        <a
          href={rosterHref({ ...query, cols: DEFAULT_COLUMNS })}
          className="small"
          onClick={(e) => {
            e.preventDefault();
            go({ cols: DEFAULT_COLUMNS });
          }}
        >
          Reset to the default columns
        </a>
      )}
    </Disclosure>
  );
}
