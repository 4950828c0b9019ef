"use client";

import { useId, useState, useTransition } from "react";
import { Alert, Button, Card, TextField } from "@/components/ui";
import type { ImportView } from "@/lib/db/draws/admin";
import type { ActionResult } from "@/lib/server/action";
import { ImportSummary } from "./ImportSummary";

type Source = { kind: "file"; file: File } | { kind: "url"; url: string };

/**
 * Upload a rounds file or sync from the feed URL: both show the dry run first, then "Apply"
 * applies exactly what was previewed (the server checks the fingerprint). The file is kept here
 * rather than in the form, so the preview does not lose it.
 */
export function DrawImportForm({ defaultUrl, action }: { defaultUrl: string; action: (form: FormData) => Promise<ActionResult<ImportView>> }) {
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState(defaultUrl);
  const [previewed, setPreviewed] = useState<{ source: Source; view: ImportView } | null>(null);
  const [applied, setApplied] = useState<ImportView | null>(null);
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function run(source: Source, mode: "preview" | "apply") {
    const form = new FormData();
    form.set("mode", mode);
    form.set("source", source.kind);
    if (source.kind === "file") form.set("file", source.file);
    else form.set("url", source.url);
    if (mode === "apply" && previewed) form.set("digest", previewed.view.digest);
    setError(null);
    startTransition(async () => {
      let result: ActionResult<ImportView>;
      try {
        result = await action(form);
      } catch {
        // The request itself failed: most often a file over the server's upload limit.
        result = { ok: false, error: "The upload did not reach the server. If the file is large, sync from the feed URL or use npm run draws:sync." };
      }
      if (!result.ok) {
        setError({ title: mode === "apply" ? "Could not apply the import" : "Could not read the rounds", message: result.error });
        return;
      }
      if (mode === "preview") {
        setPreviewed({ source, view: result.data });
        setApplied(null);
      } else {
        setPreviewed(null);
        setApplied(result.data);
      }
    });
  }

  const nothingToApply = previewed && previewed.view.added.length + previewed.view.updated.length + previewed.view.confirmed.length === 0;
  return (
    <div className="stack">
      <div className="grid">
        <Card title="Upload a rounds file" description="IRCC's ee_rounds_123_en.json, saved from the feed or received from a colleague.">
          <form
            className="row-wrap"
            aria-label="Upload a rounds file"
            onSubmit={(e) => {
              e.preventDefault();
              if (file) run({ kind: "file", file }, "preview");
              else setError({ title: "Could not read the rounds", message: "Choose a rounds file (JSON) first." });
            }}
          >
            <div className="stack-sm">
              <label htmlFor={fileId} style={{ fontWeight: 550, fontSize: "var(--text-sm)" }}>
                Rounds file (JSON)
              </label>
              <input id={fileId} type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </div>
            <Button type="submit" variant="secondary" disabled={pending}>
              Preview the file
            </Button>
          </form>
        </Card>
        <Card title="Sync from the feed" description="Fetches IRCC's feed now; only IRCC's address and the one the operator set (DRAWS_FEED_URL) are fetched. The same sync runs on a schedule with npm run draws:sync.">
          <form
            className="row-wrap"
            aria-label="Sync from the feed"
            onSubmit={(e) => {
              e.preventDefault();
              run({ kind: "url", url }, "preview");
            }}
          >
            <TextField label="Feed URL" name="url" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} className="grow" style={{ width: "100%" }} />
            <Button type="submit" variant="secondary" disabled={pending}>
              Preview the feed
            </Button>
          </form>
        </Card>
      </div>

      {pending && (
        <p role="status" className="muted">
          Working…
        </p>
      )}
      {error && (
        <Alert tone="danger" title={error.title}>
          <p>{error.message}</p>
        </Alert>
      )}
      {applied && (
        <Alert tone="success" title="Import applied">
          <ImportSummary view={applied} />
        </Alert>
      )}
      {previewed && (
        <Card
          title="Preview (nothing saved yet)"
          description={`From ${previewed.view.source}: ${previewed.view.rounds} rounds read.`}
          actions={
            <Button variant="primary" disabled={pending || Boolean(nothingToApply)} onClick={() => run(previewed.source, "apply")}>
              Apply
            </Button>
          }
        >
          <ImportSummary view={previewed.view} />
          {nothingToApply && <p className="muted">Nothing to apply: the ledger already holds these rounds.</p>}
        </Card>
      )}
    </div>
  );
}
