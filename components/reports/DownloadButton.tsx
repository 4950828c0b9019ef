"use client";

import { Button, type ButtonProps } from "@/components/ui";
import { progressText } from "./download-progress";
import type { ExportLink } from "./export-links";
import { useDownload } from "./use-download";
import styles from "./Reports.module.css";

const EXTENSIONS = { csv: "csv", xlsx: "xlsx", pdf: "pdf", zip: "zip" } as const;
/** What X-Total-Rows counts: table rows in spreadsheets, client reports in PDFs and ZIPs. */
const UNITS: Record<ExportLink["format"], [string, string]> = { csv: ["row", "rows"], xlsx: ["row", "rows"], pdf: ["report", "reports"], zip: ["report", "reports"] };

/**
 * One export as a button: downloads with progress (a <progress> bar with rows for CSV, bytes for
 * the rest), a way to cancel, and the server's message when it refuses.
 */
export function DownloadButton({ link, variant = "secondary", size }: { link: ExportLink; variant?: ButtonProps["variant"]; size?: ButtonProps["size"] }) {
  const { state, start, cancel } = useDownload(link.href, `export.${EXTENSIONS[link.format]}`);
  const running = state.status === "running";
  return (
    <div className={styles.download}>
      {/* aria-disabled, not disabled: a disabled button drops keyboard focus to <body> mid-download. */}
      <Button variant={variant} size={size} onClick={running ? undefined : start} aria-disabled={running || undefined}>
        {link.label}
      </Button>
      <div className={styles.status} aria-live="polite">
        {running && (
          <>
            <progress
              className={styles.progress}
              aria-label={`${link.label}: download progress`}
              {...(state.progress.rows !== null && state.progress.totalRows ? { value: state.progress.rows, max: state.progress.totalRows } : {})}
            />
            <span className="small muted num">{state.progress.bytes === 0 ? "Preparing…" : progressText(state.progress, UNITS[link.format])}</span>
            <Button size="sm" variant="ghost" onClick={cancel}>
              Cancel
            </Button>
          </>
        )}
        {state.status === "done" && (
          <span className="small muted">
            Saved <span className="mono">{state.filename}</span> ({progressText(state.progress, UNITS[link.format]).replace(" received", "")})
          </span>
        )}
        {state.status === "error" && (
          <span role="alert" className={styles.error}>
            {state.message}
          </span>
        )}
      </div>
    </div>
  );
}
