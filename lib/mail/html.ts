/**
 * The small HTML toolkit of DrawDesk's e-mails: escaping and one plain layout. E-mail clients
 * ignore stylesheets, so the few styles are inline. Pure.
 */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML: every name in a mail comes from people outside DrawDesk. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A whole HTML document around already-escaped body HTML. */
export function mailLayout(title: string, bodyHtml: string): string {
  return [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">',
    bodyHtml,
    "</body></html>",
  ].join("\n");
}

/** A link that also shows its address, for clients that strip links. */
export function mailLink(url: string, label: string): string {
  return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
}
