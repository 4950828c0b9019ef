import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { renderDrawDigest, type DigestRow, type DrawDigestInput } from "./digest";

const draw = { number: "419", kindLabel: "Canadian Experience Class", date: "2026-06-04", cutoff: 520, size: 3000 };

function row(status: DigestRow["status"], client: string, crs: number, profileNumber: string | null = null): DigestRow {
  return { status, client, crs, cutoff: 520, margin: crs - 520, profileNumber };
}

function input(overrides: Partial<DrawDigestInput> = {}): DrawDigestInput {
  return {
    recipientName: "Sofia Rossi",
    firmName: "Maple Route",
    draw,
    rows: [
      row("above", "Chen, Li", 530, "E001"),
      row("near-miss", "Okafor, Ada", 515, "E002"),
      row("newly-above", "Singh, Raj", 522, "E003"),
      row("near-miss", "Dubois, Marc", 511, "E004"),
    ],
    includeNearMisses: true,
    drawUrl: "https://drawdesk.example/draws/419",
    ...overrides,
  };
}

describe("renderDrawDigest", () => {
  it("puts the round number and kind in the subject, with the counts", () => {
    const { subject } = renderDrawDigest(input());
    expect(subject).toContain("#419");
    expect(subject).toContain("Canadian Experience Class");
    expect(subject).toContain("2 clients above the cut-off (1 newly), 2 near misses");
  });

  it("lists the newly-above clients first and the near misses with their gap, and links to the draw", () => {
    const { text, html } = renderDrawDigest(input());
    expect(text.indexOf("Singh, Raj")).toBeGreaterThan(-1);
    expect(text.indexOf("Singh, Raj")).toBeLessThan(text.indexOf("Chen, Li"));
    expect(text.indexOf("Chen, Li")).toBeLessThan(text.indexOf("Okafor, Ada"));
    expect(text).toContain("Okafor, Ada (E002): CRS 515, 5 points below");
    expect(text).toContain("Dubois, Marc (E004): CRS 511, 9 points below");
    expect(text).toContain("Above the cut-off: 2 (newly above: 1)");
    expect(text).toContain("Near misses: 2");
    expect(text).toContain("https://drawdesk.example/draws/419");
    expect(html).toContain('href="https://drawdesk.example/draws/419"');
    expect(html.indexOf("Singh, Raj")).toBeLessThan(html.indexOf("Okafor, Ada"));
  });

  it("leaves near misses out of the body and the CSV when the user does not want them", () => {
    const mail = renderDrawDigest(input({ includeNearMisses: false }));
    expect(mail.subject).not.toContain("near miss");
    expect(mail.text).not.toContain("Okafor");
    expect(mail.html).not.toContain("Near misses");
    expect(mail.attachments[0].content).not.toContain("near-miss");
  });

  it("attaches round-<number>.csv with one row per client, newly above once", () => {
    const rows = [...input().rows, row("above", "Singh, Raj", 522, "E003")];
    const [attachment] = renderDrawDigest(input({ rows })).attachments;
    expect(attachment.filename).toBe("round-419.csv");
    expect(attachment.contentType).toMatch(/^text\/csv/);
    expect(attachment.content.split("\r\n")[0]).toBe("status,profileNumber,client,crs,cutoff,margin");
    const records = parse(attachment.content, { columns: true }) as Record<string, string>[];
    expect(records).toEqual([
      { status: "newly-above", profileNumber: "E003", client: "Singh, Raj", crs: "522", cutoff: "520", margin: "2" },
      { status: "above", profileNumber: "E001", client: "Chen, Li", crs: "530", cutoff: "520", margin: "10" },
      { status: "near-miss", profileNumber: "E002", client: "Okafor, Ada", crs: "515", cutoff: "520", margin: "-5" },
      { status: "near-miss", profileNumber: "E004", client: "Dubois, Marc", crs: "511", cutoff: "520", margin: "-9" },
    ]);
  });

  it("escapes names in the HTML and neutralises formulas in the CSV", () => {
    const mail = renderDrawDigest(
      input({ recipientName: "<b>Sofia</b>", firmName: "A & B", rows: [row("newly-above", '=HYPERLINK("http://x"), <script>', 530, "@E1")] }),
    );
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<b>Sofia</b>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.html).toContain("A &amp; B");
    const [record] = parse(mail.attachments[0].content, { columns: true }) as Record<string, string>[];
    expect(record.client).toBe(`'=HYPERLINK("http://x"), <script>`);
    expect(record.profileNumber).toBe("'@E1");
  });

  it("caps the lists in the body and points to the CSV for the rest", () => {
    const rows = Array.from({ length: 60 }, (_, i) => row("above", `Client ${String(i).padStart(2, "0")}`, 530 + i));
    const mail = renderDrawDigest(input({ rows }));
    expect(mail.text).toContain("… and 10 more in round-419.csv");
    expect(mail.attachments[0].content.trim().split("\r\n")).toHaveLength(61);
  });

  it("adds the pool movement line when known", () => {
    expect(renderDrawDigest(input({ poolSummary: "501–600: 4,672 fewer profiles since January." })).text).toContain("4,672 fewer");
  });
});
