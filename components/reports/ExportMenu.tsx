"use client";

import { useId } from "react";
import { Disclosure } from "@/components/ui";
import { DownloadButton } from "./DownloadButton";
import type { ExportLink } from "./export-links";
import styles from "./Reports.module.css";

/**
 * A compact "Export" menu for a screen's header: each item downloads with progress. Build the
 * items with export-links.ts from the screen's own URL state, so the export equals the screen.
 * The panel stays in the page while open, so progress stays visible during a long export.
 */
export function ExportMenu({ links, label = "Export" }: { links: ExportLink[]; label?: string }) {
  const id = useId();
  return (
    <Disclosure summary={label} width={300} panelProps={{ id, role: "group", "aria-label": label, style: { gap: "var(--space-3)" } }}>
      {links.map((link) => (
        <div key={link.href} className={styles.menuItem}>
          <DownloadButton link={link} size="sm" />
          {link.hint && <p className="small muted">{link.hint}</p>}
        </div>
      ))}
    </Disclosure>
  );
}
