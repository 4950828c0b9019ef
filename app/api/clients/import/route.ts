import { NextResponse } from "next/server";
import type { ImportEvent, ImportReport } from "@/components/clients/ImportWizard";
import { importClientsCsv } from "@/lib/db/clients/import";
import { toErrorPayload } from "@/lib/server/errors";
import { authedRoute } from "@/lib/server/route";

/** 25 MB is well over 100,000 rows of the template; larger uploads are refused before reading. */
const MAX_BYTES = 25 * 1024 * 1024;
/** Progress lines are sent at most this often, so a 100,000-row file does not send 100,000 lines. */
const PROGRESS_EVERY_MS = 150;
const PROGRESS_CHUNK = 2_500;

/**
 * POST the CSV as the body: `?dryRun=1` checks every row and reports; `?mode=all-or-nothing`
 * imports a clean file in one transaction, `?mode=valid-rows` imports the valid rows only.
 * The answer streams as NDJSON: `{type:"progress",phase,done,total}` lines (phase "check" while
 * rows are checked, "import" while they are saved), then one `result` (or `error`).
 */
export const POST = authedRoute({ permission: "clients.import" }, async (req, viewer) => {
  const mode = req.nextUrl.searchParams.get("mode") === "valid-rows" ? "valid-rows" : "all-or-nothing";
  const dryRun = req.nextUrl.searchParams.get("dryRun") === "1";
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BYTES) {
    return NextResponse.json({ error: "The file is larger than 25 MB: split it into smaller files." }, { status: 413 });
  }
  const csv = await req.text();
  if (csv.length > MAX_BYTES) return NextResponse.json({ error: "The file is larger than 25 MB: split it into smaller files." }, { status: 413 });

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: ImportEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      let lastSent = 0;
      // Both phases report: "check" while every row is checked (a dry run, and again before an
      // import saves), then "import" while rows are saved.
      const progress = (phase: "check" | "import") => (done: number, total: number) => {
        const now = Date.now();
        if (done > 0 && done < total && now - lastSent < PROGRESS_EVERY_MS) return;
        lastSent = now;
        send({ type: "progress", phase, done, total });
      };
      try {
        const result = await importClientsCsv(viewer.scope, csv, {
          mode,
          dryRun,
          // Smaller insert chunks than the default, so a large file reports progress more often.
          chunkSize: PROGRESS_CHUNK,
          via: "web",
          onCheckProgress: progress("check"),
          onProgress: progress("import"),
        });
        const report: ImportReport = {
          total: result.total,
          valid: result.valid,
          imported: result.imported,
          errors: result.errors.map((e) => ({ line: e.line, column: e.column ?? null, message: e.message, duplicate: e.kind === "duplicate" })),
          duplicates: new Set(result.duplicates.map((d) => d.line)).size,
        };
        send({ type: "result", report });
      } catch (error) {
        send({ type: "error", error: toErrorPayload(error).payload.error });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      // no-transform keeps compression from holding the progress lines back.
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
});
