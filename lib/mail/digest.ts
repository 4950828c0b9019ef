/**
 * The draw-day digest: one e-mail per user and round with their clients above, newly above and
 * near the cut-off, and the same list as `round-<number>.csv`. Pure: the caller (the draw-day
 * worker) picks the rows in the recipient's scope and queues the result in the outbox.
 */
import { stringify } from "csv-stringify/sync";
import { neutraliseText } from "@/lib/reports/neutralise";
import { escapeHtml, mailLayout, mailLink } from "./html";

export type DigestStatus = "newly-above" | "above" | "near-miss";

export interface DigestRow {
  status: DigestStatus;
  profileNumber: string | null;
  /** As the roster shows it: "Last, First". */
  client: string;
  crs: number;
  cutoff: number;
  /** crs - cutoff (negative for near misses). */
  margin: number;
}

export interface DrawDigestInput {
  recipientName: string;
  firmName: string;
  draw: { number: string; kindLabel: string; date: string; cutoff: number; size: number };
  /** Already in the recipient's scope; a newly-above client appears once, as newly-above. */
  rows: DigestRow[];
  /** The user's preference: without it near misses are left out of the mail and the CSV. */
  includeNearMisses: boolean;
  /** Absolute link to the draw page. */
  drawUrl: string;
  /** One line on pool movement, when known. */
  poolSummary?: string | null;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

export const DIGEST_CSV_COLUMNS = ["status", "profileNumber", "client", "crs", "cutoff", "margin"] as const;

/** Clients listed in the body per section; the CSV always has all of them. */
export const DIGEST_LIST_LIMIT = 50;

const ORDER: Record<DigestStatus, number> = { "newly-above": 0, above: 1, "near-miss": 2 };

/** Newly above first, then above, then near misses, each best margin first; one row per client. */
function digestRows(input: DrawDigestInput): DigestRow[] {
  const seen = new Set<string>();
  const sorted = input.rows
    .filter((r) => input.includeNearMisses || r.status !== "near-miss")
    .toSorted((a, b) => ORDER[a.status] - ORDER[b.status] || b.margin - a.margin || a.client.localeCompare(b.client));
  return sorted.filter((r) => {
    if (r.profileNumber === null) return true;
    if (seen.has(r.profileNumber)) return false;
    seen.add(r.profileNumber);
    return true;
  });
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-CA")} ${n === 1 ? one : many}`;
}

function rowLine(r: DigestRow): string {
  const gap = r.status === "near-miss" ? `${plural(-r.margin, "point", "points")} below` : r.margin === 0 ? "at the cut-off" : `+${r.margin}`;
  return `${r.client}${r.profileNumber ? ` (${r.profileNumber})` : ""}: CRS ${r.crs}, ${gap}`;
}

export function digestCsv(rows: DigestRow[]): string {
  return stringify(
    rows.map((r) => [r.status, neutraliseText(r.profileNumber ?? ""), neutraliseText(r.client), r.crs, r.cutoff, r.margin]),
    { header: true, columns: [...DIGEST_CSV_COLUMNS], record_delimiter: "windows" },
  );
}

export function renderDrawDigest(input: DrawDigestInput): RenderedMail {
  const { draw } = input;
  const rows = digestRows(input);
  const newly = rows.filter((r) => r.status === "newly-above");
  const above = rows.filter((r) => r.status === "above");
  const near = rows.filter((r) => r.status === "near-miss");
  const aboveTotal = newly.length + above.length;
  const filename = `round-${draw.number}.csv`;

  const counts = [
    `Above the cut-off: ${aboveTotal} (newly above: ${newly.length})`,
    ...(input.includeNearMisses ? [`Near misses: ${near.length}`] : []),
  ];
  const subject = `Draw #${draw.number} (${draw.kindLabel}): ${plural(aboveTotal, "client", "clients")} above the cut-off (${newly.length} newly)` +
    (input.includeNearMisses ? `, ${plural(near.length, "near miss", "near misses")}` : "");
  const intro = `IRCC held round #${draw.number} (${draw.kindLabel}) on ${draw.date}: cut-off ${draw.cutoff} CRS, ${draw.size.toLocaleString("en-CA")} invitations.`;
  const sections: { title: string; rows: DigestRow[] }[] = [
    { title: "Newly above the cut-off", rows: newly },
    { title: "Also above the cut-off", rows: above },
    ...(input.includeNearMisses ? [{ title: "Near misses", rows: near }] : []),
  ].filter((s) => s.rows.length > 0);
  const more = (s: { rows: DigestRow[] }) => s.rows.length - DIGEST_LIST_LIMIT;

  const text = [
    `Hello ${input.recipientName},`,
    "",
    intro,
    ...(input.poolSummary ? [input.poolSummary] : []),
    "",
    `Your clients at ${input.firmName}:`,
    ...counts.map((c) => `  ${c}`),
    ...sections.flatMap((s) => [
      "",
      `${s.title}:`,
      ...s.rows.slice(0, DIGEST_LIST_LIMIT).map((r) => `  - ${rowLine(r)}`),
      ...(more(s) > 0 ? [`  … and ${more(s)} more in ${filename}`] : []),
    ]),
    "",
    `Every client is listed in the attached ${filename}.`,
    `Open the draw in DrawDesk: ${input.drawUrl}`,
    "",
  ].join("\n");

  const html = mailLayout(
    subject,
    [
      `<p>Hello ${escapeHtml(input.recipientName)},</p>`,
      `<p>${escapeHtml(intro)}${input.poolSummary ? `<br>${escapeHtml(input.poolSummary)}` : ""}</p>`,
      `<p>Your clients at ${escapeHtml(input.firmName)}:</p>`,
      `<ul>${counts.map((c) => `<li>${escapeHtml(c)}</li>`).join("")}</ul>`,
      ...sections.map(
        (s) =>
          `<h2 style="font-size:17px">${escapeHtml(s.title)}</h2><ul>` +
          s.rows.slice(0, DIGEST_LIST_LIMIT).map((r) => `<li>${escapeHtml(rowLine(r))}</li>`).join("") +
          (more(s) > 0 ? `<li>… and ${more(s)} more in ${escapeHtml(filename)}</li>` : "") +
          "</ul>",
      ),
      `<p>Every client is listed in the attached ${escapeHtml(filename)}.</p>`,
      `<p>${mailLink(input.drawUrl, `Open draw #${draw.number} in DrawDesk`)}<br>${escapeHtml(input.drawUrl)}</p>`,
    ].join("\n"),
  );

  return { subject, text, html, attachments: [{ filename, contentType: "text/csv; charset=utf-8", content: digestCsv(rows) }] };
}
