"use client";

import { useId, useState } from "react";
import { Select } from "@/components/ui";
import { DownloadButton } from "./DownloadButton";
import { drawImpactLinks } from "./export-links";
import styles from "./Reports.module.css";

export interface DrawChoice {
  number: string;
  label: string;
}

/** Choose a draw, then download its impact report (CSV, Excel or PDF) with the firm's default margin. */
export function DrawImpactExports({ draws, initial }: { draws: DrawChoice[]; initial?: string }) {
  const [number, setNumber] = useState(initial ?? draws[0]?.number ?? "");
  const id = useId();
  if (draws.length === 0) return <p className="small muted">No draws in the ledger yet: import IRCC&apos;s rounds first.</p>;
  return (
    <div className="stack-sm">
      <label htmlFor={id} className="small">
        Draw
      </label>
      <Select id={id} value={number} onChange={(e) => setNumber(e.target.value)} style={{ maxWidth: 560, width: "100%" }}>
        {draws.map((d) => (
          <option key={d.number} value={d.number}>
            {d.label}
          </option>
        ))}
      </Select>
      <div className={styles.exports}>
        {drawImpactLinks(number).map((link) => (
          <DownloadButton key={link.href} link={link} />
        ))}
      </div>
    </div>
  );
}
