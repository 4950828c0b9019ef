"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { Alert, Badge, Button, Card, Table, TableEmptyRow, TBody, TD, TH, THead, TR } from "@/components/ui";
import { number } from "./labels";

export interface ImportIssue {
  line: number;
  column: string | null;
  message: string;
  /** Duplicates are flagged apart from other problems. */
  duplicate: boolean;
}

export interface ImportReport {
  total: number;
  valid: number;
  imported: number;
  errors: ImportIssue[];
  /** Rows flagged as duplicates, each counted once. */
  duplicates: number;
}

export type ImportMode = "all-or-nothing" | "valid-rows";

/** One line of the import route's NDJSON answer. */
export type ImportEvent =
  | { type: "progress"; phase: "check" | "import"; done: number; total: number }
  | { type: "result"; report: ImportReport }
  | { type: "error"; error: string };

type Step =
  | { kind: "idle" }
  | { kind: "running"; phase: "check" | "import"; done: number; total: number }
  | { kind: "checked"; report: ImportReport }
  | { kind: "imported"; report: ImportReport }
  | { kind: "failed"; error: string; report?: ImportReport };

const SHOWN_ISSUES = 500;

/** Posts the CSV and reads the streamed NDJSON answer line by line, reporting progress as it comes. */
async function runImport(csv: string, params: { mode: ImportMode; dryRun: boolean }, onEvent: (event: ImportEvent) => void): Promise<void> {
  const query = new URLSearchParams({ mode: params.mode, dryRun: params.dryRun ? "1" : "0" });
  const response = await fetch(`/api/clients/import?${query}`, { method: "POST", headers: { "Content-Type": "text/csv; charset=utf-8" }, body: csv });
  if (!response.ok || !response.body) {
    const payload = (await response.json().catch(() => null)) as { error?: string } | null;
    onEvent({ type: "error", error: payload?.error ?? `The server answered ${response.status}.` });
    return;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line) onEvent(JSON.parse(line) as ImportEvent);
      newline = buffer.indexOf("\n");
    }
    if (done) break;
  }
  if (buffer.trim()) onEvent(JSON.parse(buffer) as ImportEvent);
}

function IssuesTable({ report }: { report: ImportReport }) {
  const shown = report.errors.slice(0, SHOWN_ISSUES);
  return (
    <Table caption={`Problems found (${number.format(report.errors.length)})`} maxHeight="50vh">
      <THead>
        <TR>
          <TH numeric>Row</TH>
          <TH>Column</TH>
          <TH>Problem</TH>
        </TR>
      </THead>
      <TBody>
        {shown.length === 0 && <TableEmptyRow colSpan={3}>No problems: every row is valid.</TableEmptyRow>}
        {shown.map((issue, i) => (
          <TR key={`${issue.line}-${issue.column}-${i}`}>
            <TD numeric>{issue.line}</TD>
            <TD className="mono">{issue.column ?? "—"}</TD>
            <TD className="wrap">
              {issue.duplicate && (
                <>
                  <Badge tone="warning">Duplicate</Badge>{" "}
                </>
              )}
              {issue.message}
            </TD>
          </TR>
        ))}
        {report.errors.length > shown.length && <TableEmptyRow colSpan={3}>… and {number.format(report.errors.length - shown.length)} more. Fix these first and check the file again.</TableEmptyRow>}
      </TBody>
    </Table>
  );
}

function Summary({ report }: { report: ImportReport }) {
  const invalid = report.total - report.valid;
  return (
    <p data-testid="import-summary">
      <strong>{number.format(report.total)}</strong> row{report.total === 1 ? "" : "s"}: <strong>{number.format(report.valid)}</strong> valid,{" "}
      <strong>{number.format(invalid)}</strong> with problems
      {report.duplicates > 0 && (
        <>
          , <strong>{number.format(report.duplicates)}</strong> duplicate{report.duplicates === 1 ? "" : "s"} (same profile number or email as a client of the firm or an earlier row)
        </>
      )}
      .
    </p>
  );
}

/**
 * Bulk import of clients from CSV: check every row first and show the report; import only a clean
 * file (one transaction), or the valid rows when the user asks for exactly that. Large files
 * stream their progress from the route handler.
 */
export function ImportWizard() {
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [fileName, setFileName] = useState<string | null>(null);
  const csv = useRef<string | null>(null);
  const running = step.kind === "running";

  async function go(params: { mode: ImportMode; dryRun: boolean }) {
    if (!csv.current) return;
    // Every run checks the rows first (an import checks them again before saving).
    setStep({ kind: "running", phase: "check", done: 0, total: 0 });
    let result: ImportReport | null = null;
    let error: string | null = null;
    try {
      await runImport(csv.current, params, (event) => {
        if (event.type === "progress") setStep({ kind: "running", phase: event.phase, done: event.done, total: event.total });
        else if (event.type === "result") result = event.report;
        else error = event.error;
      });
    } catch {
      error = "The connection to the server was lost. Nothing was imported unless the roster shows it; check the file again.";
    }
    const report = result as ImportReport | null;
    if (error || !report) setStep({ kind: "failed", error: error ?? "The server did not send a report." });
    else if (params.dryRun) setStep({ kind: "checked", report });
    else if (report.imported > 0) setStep({ kind: "imported", report });
    else setStep({ kind: "failed", error: "Nothing was imported: the file has problems.", report });
  }

  async function onFile(file: File | undefined) {
    csv.current = file ? await file.text() : null;
    setFileName(file?.name ?? null);
    setStep({ kind: "idle" });
  }

  const report = step.kind === "checked" || step.kind === "imported" ? step.report : step.kind === "failed" ? step.report : undefined;

  return (
    <div className="stack">
      <Card title="1. Choose a CSV file" description="The first line must be the template's header; dates are YYYY-MM-DD, submission times ISO 8601 (no zone means UTC).">
        <div className="row-wrap">
          <div className="stack-sm">
            <label htmlFor="import-file" className="small" style={{ fontWeight: 550 }}>
              CSV file
            </label>
            <input id="import-file" type="file" accept=".csv,text/csv" disabled={running} onChange={(e) => void onFile(e.target.files?.[0])} />
          </div>
          <Button variant="primary" disabled={!fileName || running} onClick={() => void go({ mode: "all-or-nothing", dryRun: true })}>
            Check the file
          </Button>
          <a href="/clients/template.csv" download>
            Download the template
          </a>
        </div>
      </Card>

      {step.kind === "running" && (
        <Card title={step.phase === "check" ? "Checking every row…" : "Saving…"}>
          <div className="stack-sm" aria-live="polite">
            <progress id="import-progress" value={step.total ? step.done : undefined} max={step.total || undefined} style={{ width: "100%" }} aria-label={step.phase === "check" ? "Rows checked" : "Rows saved"} />
            <p className="small muted num">{step.total
                ? `${number.format(step.done)} of ${number.format(step.total)} rows ${step.phase === "check" ? "checked" : "saved"}`
                : step.phase === "check"
                  ? "Reading the file…"
                  : "Saving…"}</p>
          </div>
        </Card>
      )}

      {step.kind === "failed" && (
        <Alert tone="danger" title="Import failed">
          <p>{step.error}</p>
        </Alert>
      )}

      {step.kind === "imported" && (
        <Alert tone="success" title="Import complete" actions={<Link href="/clients?sort=updatedAt&dir=desc">Open the roster</Link>}>
          <p>
            Imported {number.format(step.report.imported)} client{step.report.imported === 1 ? "" : "s"}
            {step.report.imported < step.report.total ? `; ${number.format(step.report.total - step.report.imported)} rows were left out` : ""}.
          </p>
        </Alert>
      )}

      {report && step.kind !== "imported" && (
        <Card title="2. Check report" description={fileName ?? undefined}>
          <div className="stack">
            <Summary report={report} />
            {report.errors.length === 0 ? (
              <Alert tone="success" title="Every row is valid">
                <p>Nothing has been imported yet. The import runs as one transaction: all rows or none.</p>
              </Alert>
            ) : (
              <Alert tone="warning" title="The file has problems: nothing has been imported">
                <p>Fix the rows below and check the file again{report.valid > 0 ? ", or import only the valid rows" : ""}.</p>
              </Alert>
            )}
            <IssuesTable report={report} />
            {step.kind === "checked" && (
              <div className="row">
                {report.errors.length === 0 ? (
                  <Button variant="primary" onClick={() => void go({ mode: "all-or-nothing", dryRun: false })}>
                    Import {number.format(report.valid)} client{report.valid === 1 ? "" : "s"}
                  </Button>
                ) : (
                  report.valid > 0 && (
                    <Button variant="secondary" onClick={() => void go({ mode: "valid-rows", dryRun: false })}>
                      Import the {number.format(report.valid)} valid row{report.valid === 1 ? "" : "s"}
                    </Button>
                  )
                )}
              </div>
            )}
          </div>
        </Card>
      )}
    </div>
  );
}
