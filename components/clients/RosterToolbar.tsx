"use client";

import { Select } from "@/components/ui";
import { PAGE_SIZES, type RosterQuery } from "@/lib/clients/roster-query";
import { ColumnPicker } from "./ColumnPicker";
import { useRosterNavigation } from "./use-roster-url";

/** Rows per page and the column chooser, above the roster table. */
export function RosterToolbar({ query: serverQuery }: { query: RosterQuery }) {
  const { go, query } = useRosterNavigation(serverQuery);
  return (
    <div className="row" style={{ flexWrap: "nowrap" }}>
      <label className="row small" style={{ flexWrap: "nowrap", gap: 6 }}>
        Rows per page
        <Select value={query.pageSize} onChange={(e) => go({ pageSize: Number(e.target.value) as RosterQuery["pageSize"], cursor: undefined })}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </label>
      <ColumnPicker query={serverQuery} />
    </div>
  );
}
