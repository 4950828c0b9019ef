"use client";

import { useCallback, useRef, useState } from "react";
import { countLineEnds, type DownloadProgress, filenameOf } from "./download-progress";

export type DownloadState =
  | { status: "idle" }
  | { status: "running"; progress: DownloadProgress }
  | { status: "done"; filename: string; progress: DownloadProgress }
  | { status: "error"; message: string };

const FALLBACK_ERROR = "The export failed. Please try again; if it keeps happening, contact support.";

/** Saves a Blob under a name, as a normal download the browser (and Playwright) sees. */
function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Fetches an export as a stream so a long one can show progress (bytes, and rows for CSV against
 * X-Total-Rows), then saves it. The server's error message (JSON) is shown when it refuses, e.g.
 * a batch over 500 clients, which a plain link would show as a broken download.
 */
export function useDownload(href: string, fallbackName: string) {
  const [state, setState] = useState<DownloadState>({ status: "idle" });
  const abort = useRef<AbortController | null>(null);

  const start = useCallback(async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const progress: DownloadProgress = { bytes: 0, rows: null, totalRows: null };
    setState({ status: "running", progress: { ...progress } });
    try {
      const response = await fetch(href, { signal: controller.signal, credentials: "same-origin" });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        setState({ status: "error", message: body?.error ?? FALLBACK_ERROR });
        return;
      }
      const total = response.headers.get("X-Total-Rows");
      progress.totalRows = total === null ? null : Number(total);
      const isCsv = (response.headers.get("Content-Type") ?? "").startsWith("text/csv");
      let lineEnds = 0;
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      const reader = response.body.getReader();
      let last = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        progress.bytes += value.byteLength;
        if (isCsv) {
          lineEnds += countLineEnds(value);
          progress.rows = Math.max(0, lineEnds - 1);
        }
        // Re-render at most ~10 times a second, not once per network chunk.
        const now = performance.now();
        if (now - last > 100) {
          last = now;
          setState({ status: "running", progress: { ...progress } });
        }
      }
      const filename = filenameOf(response.headers.get("Content-Disposition"), fallbackName);
      save(new Blob(chunks, { type: response.headers.get("Content-Type") ?? "application/octet-stream" }), filename);
      setState({ status: "done", filename, progress: { ...progress, rows: progress.totalRows ?? progress.rows } });
    } catch (error) {
      if (controller.signal.aborted) setState({ status: "idle" });
      else setState({ status: "error", message: error instanceof Error && error.message ? `The download stopped: ${error.message}` : FALLBACK_ERROR });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }, [href, fallbackName]);

  const cancel = useCallback(() => abort.current?.abort(), []);
  return { state, start, cancel };
}
