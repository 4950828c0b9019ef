/**
 * Reading a download's bytes as they arrive, for progress: rows are counted from line ends in
 * CSV (the server sends the total in X-Total-Rows); other formats are compressed, so only bytes
 * are known. Pure: no DOM.
 */

export interface DownloadProgress {
  bytes: number;
  /** Data rows received so far (CSV only: line ends minus the header). */
  rows: number | null;
  /** X-Total-Rows, when the server sent it. */
  totalRows: number | null;
}

const LF = 10;

export function countLineEnds(chunk: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < chunk.length; i++) if (chunk[i] === LF) n++;
  return n;
}

/** The file name of a Content-Disposition header (RFC 6266: filename* wins), or the fallback. */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // A malformed encoding falls through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition);
  return (plain?.[1] ?? plain?.[2])?.trim() || fallback;
}

const sizes = new Intl.NumberFormat("en-CA", { maximumFractionDigits: 1 });
const counts = new Intl.NumberFormat("en-CA");

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${sizes.format(bytes / 1024)} kB`;
  return `${sizes.format(bytes / (1024 * 1024))} MB`;
}

/**
 * "12,000 of 100,000 rows · 2.1 MB" when rows are counted (CSV), else "2.1 MB received ·
 * 100,000 rows" (`unit`: what X-Total-Rows counts — rows of a table, reports of a batch).
 */
export function progressText(p: DownloadProgress, unit: [one: string, many: string] = ["row", "rows"]): string {
  if (p.rows !== null && p.totalRows !== null) return `${counts.format(Math.min(p.rows, p.totalRows))} of ${counts.format(p.totalRows)} ${unit[1]} · ${formatBytes(p.bytes)}`;
  const of = p.totalRows !== null ? ` · ${counts.format(p.totalRows)} ${p.totalRows === 1 ? unit[0] : unit[1]}` : "";
  return `${formatBytes(p.bytes)} received${of}`;
}
