import "server-only";
import { PassThrough, Readable, type Writable } from "node:stream";

/**
 * Plumbing between the export writers (which write to a Node Writable, so a benchmark or a script
 * can point them at a file or /dev/null) and route handlers (which answer with a web
 * ReadableStream). Backpressure runs end to end: the browser reads → the web stream pulls → the
 * PassThrough drains → the writer fetches its next batch of rows. Nothing is read ahead of what
 * the connection can take, so memory stays bounded whatever the export's size.
 */

/** The reader went away (download cancelled, connection closed). */
export class ExportAbortedError extends Error {
  constructor() {
    super("The download was cancelled.");
    this.name = "ExportAbortedError";
  }
}

/** Resolves when `sink` wants more, rejects when it was closed or failed first. */
export function drained(sink: Writable): Promise<void> {
  if (sink.destroyed || sink.writableEnded) return Promise.reject(new ExportAbortedError());
  if (!sink.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      sink.off("drain", onDrain);
      sink.off("close", onClose);
      sink.off("error", onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new ExportAbortedError());
    sink.on("drain", onDrain);
    sink.on("close", onClose);
    sink.on("error", onClose);
  });
}

/** Writes and waits while the reader is behind. */
export async function write(sink: Writable, chunk: string | Buffer): Promise<void> {
  if (sink.destroyed) throw new ExportAbortedError();
  if (!sink.write(chunk)) await drained(sink);
}

/** Ends `sink` and resolves once everything written was handed on. */
export function end(sink: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    if (sink.destroyed) return reject(new ExportAbortedError());
    sink.once("error", reject);
    sink.end(() => resolve());
  });
}

export interface DownloadHeaders {
  contentType: string;
  filename: string;
  /** Rows the file will hold, for progress in the UI (X-Total-Rows). */
  totalRows?: number;
}

function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function downloadHeaders(headers: DownloadHeaders): Headers {
  const out = new Headers({
    "Content-Type": headers.contentType,
    "Content-Disposition": contentDisposition(headers.filename),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  if (headers.totalRows !== undefined) out.set("X-Total-Rows", String(headers.totalRows));
  return out;
}

/**
 * A streamed download: `produce` writes the file into the sink it is given and ends it. It runs
 * after the response starts, so it must have done its checks (scope, permission, audit) before:
 * a failure now can only cut the download short, which the browser reports as a failed download.
 */
export function streamedDownload(produce: (sink: Writable) => Promise<void>, headers: DownloadHeaders): Response {
  const sink = new PassThrough({ highWaterMark: 256 * 1024 });
  produce(sink).catch((error: unknown) => {
    if (!(error instanceof ExportAbortedError)) console.error("export failed mid-stream", error);
    sink.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return new Response(Readable.toWeb(sink) as ReadableStream<Uint8Array>, { headers: downloadHeaders(headers) });
}

/** A small download built in memory (one client's PDF). */
export function bufferedDownload(body: Buffer, headers: DownloadHeaders): Response {
  const out = downloadHeaders(headers);
  out.set("Content-Length", String(body.length));
  return new Response(new Uint8Array(body), { headers: out });
}
