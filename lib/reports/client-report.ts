/**
 * What a client status report says, as plain text rows: the PDF renderer only lays them out, so
 * the wording and the numbers are tested here without a PDF. Pure: "now" comes in.
 */
import { recordedTestLabel } from "@/lib/language/recorded-test";
import { CLIENT_STATUS_LABELS, type ClientStatus } from "@/lib/clients/status";
import type { CrsLine, CrsResult, CrsSection } from "@/lib/crs";
import { formatInstant } from "@/lib/dates/format-instant";
import { DEADLINE_BAND_LABELS, type DeadlineBand } from "@/lib/deadlines/bands";
import type { DeadlineKind } from "@/lib/deadlines/client-deadlines";
import { INELIGIBLE_REASON_LABELS, type IneligibleReason } from "@/lib/draws/eligibility";
import { DRAW_KIND_LABELS, type DrawKind } from "@/lib/draws/kinds";
import { DRAW_KIND_SHORT, formatCount, formatMargin } from "./labels";

/** The parts of a client record the report reads (lib/db/clients ClientDetail fits). */
export interface ReportClient {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
  citizenship: string | null;
  teamName: string;
  status: ClientStatus;
  profileNumber: string | null;
  profileSubmittedAt: string | null;
  profileExpiresOn: string | null;
  programs: string[];
  nominationProvince: string | null;
  nominatedOn: string | null;
  categories: string[];
  crs: number | null;
  crsEffectiveAt: string | null;
  crsSource: string | null;
  crsReason: string | null;
  crsBreakdown: CrsResult | null;
  languageTestType: string | null;
  languageTestDate: string | null;
  ecaIssuer: string | null;
  ecaIssuedOn: string | null;
  deadlines: { kind: DeadlineKind; label: string; dueOn: string; daysLeft: number; band: DeadlineBand | null }[];
  archived: boolean;
  itaRound?: string | null;
  itaDate?: string | null;
  applicationDueOn?: string | null;
  applicationSubmittedOn?: string | null;
}

/** One recent draw judged for the client (lib/db/draws/client-results.ts ClientDrawResult fits). */
export interface ReportDraw {
  draw: { number: string; date: string; kind: DrawKind; cutoff: number; categoryVersion?: string | null };
  crs: number | null;
  eligible: boolean;
  reasons: IneligibleReason[];
  above: boolean;
  newlyAbove: boolean;
  nearMiss: boolean;
  margin: number | null;
}

export interface ClientReportInput {
  client: ReportClient;
  /** `name` is the firm's PDF name when set (firm settings); `logo` its PNG/JPEG logo. */
  firm: { name: string; timeZone: string; logo?: { bytes: Uint8Array; type: string } | null };
  consultant: { name: string; licenceNumber: string | null } | null;
  draws: ReportDraw[];
  /** Who asked for it (shown in the footer). */
  generatedBy: string | null;
  now: Date;
}

export interface ClientReport {
  firmName: string;
  /** Drawn in the letterhead when the firm uploaded one. */
  logo: { bytes: Uint8Array; type: string } | null;
  title: string;
  clientName: string;
  subtitle: string;
  generatedAt: string;
  generatedLine: string;
  consultant: [string, string][];
  profile: [string, string][];
  crs: { total: string; note: string };
  deadlines: { item: string; dueOn: string; daysLeft: string; status: string }[];
  breakdown: { sections: { label: string; points: number; lines: { label: string; points: string; max: string }[] }[]; total: number } | null;
  draws: { draw: string; date: string; kind: string; cutoff: string; crs: string; margin: string; result: string }[];
  chart: ScoreChart;
  disclaimer: string;
}

const SECTION_LABELS: Record<CrsSection, string> = {
  core: "Core / human capital",
  spouse: "Spouse or common-law partner",
  transferability: "Skill transferability (max 100)",
  additional: "Additional points (max 600)",
};
const SECTIONS: CrsSection[] = ["core", "spouse", "transferability", "additional"];
const SOURCE_LABELS: Record<string, string> = { calculated: "Calculated by the CRS calculator from the recorded factors", manual: "Entered by hand", import: "Imported from a CSV file" };

const dash = (value: string | null | undefined) => (value == null || value === "" ? "—" : value);
const kindList = (values: readonly string[]) => (values.length ? values.map((v) => DRAW_KIND_LABELS[v as DrawKind] ?? v).join(", ") : "None recorded");
const signedPoints = (n: number) => (n < 0 ? `−${-n}` : String(n));

export function drawResultText(d: Pick<ReportDraw, "eligible" | "above" | "newlyAbove" | "nearMiss" | "reasons">): string {
  if (!d.eligible) return `Not eligible: ${d.reasons.map((r) => INELIGIBLE_REASON_LABELS[r] ?? r).join("; ")}`;
  if (d.above) return d.newlyAbove ? "Newly above the cut-off" : "Above the cut-off";
  if (d.nearMiss) return "Near miss";
  return "Below the cut-off";
}

function deadlineStatus(d: ReportClient["deadlines"][number]): string {
  if (d.band) return DEADLINE_BAND_LABELS[d.band];
  return "More than 90 days";
}

function daysLeftText(days: number): string {
  if (days < 0) return `${formatCount(-days)} day${days === -1 ? "" : "s"} overdue`;
  if (days === 0) return "Due today";
  return `${formatCount(days)} day${days === 1 ? "" : "s"}`;
}

function breakdownOf(result: CrsResult): ClientReport["breakdown"] {
  return {
    total: result.total,
    sections: SECTIONS.map((section) => ({
      label: SECTION_LABELS[section],
      points: result[section],
      lines: result.breakdown.filter((l: CrsLine) => l.section === section).map((l) => ({ label: l.label, points: signedPoints(l.points), max: l.max == null ? "" : String(l.max) })),
    })).filter((s) => s.lines.length > 0),
  };
}

export function clientReport(input: ClientReportInput): ClientReport {
  const { client, firm, consultant, draws } = input;
  const tz = firm.timeZone;
  const at = (iso: string | null, seconds = false) => (iso ? formatInstant(iso, tz, { seconds }) : null);
  const name = `${client.firstName} ${client.lastName}`;
  const generatedAt = at(input.now.toISOString())!;
  const nomination = client.nominationProvince ? `${client.nominationProvince}${client.nominatedOn ? `, nominated ${client.nominatedOn}` : ""}` : "None";
  const crsNote =
    client.crs == null
      ? "No CRS recorded yet."
      : [
          `${SOURCE_LABELS[client.crsSource ?? ""] ?? "Recorded"}${client.crsSource === "manual" && client.crsReason ? ` (${client.crsReason})` : ""}`,
          client.crsEffectiveAt ? `in effect since ${at(client.crsEffectiveAt)}` : null,
        ]
          .filter(Boolean)
          .join("; ") + ".";
  return {
    firmName: firm.name,
    logo: firm.logo ?? null,
    title: "Client status report",
    clientName: name,
    subtitle: [CLIENT_STATUS_LABELS[client.status] ?? client.status, client.archived ? "Archived" : null, client.profileNumber ? `Profile ${client.profileNumber}` : "No profile number"]
      .filter(Boolean)
      .join(" · "),
    generatedAt,
    generatedLine: `Generated ${generatedAt}${input.generatedBy ? ` by ${input.generatedBy}` : ""}`,
    consultant: [
      ["Consultant", consultant?.name ?? "No consultant assigned"],
      ["RCIC licence number", consultant ? dash(consultant.licenceNumber ?? "Not recorded") : "—"],
      ["Team", client.teamName],
    ],
    profile: [
      ["Email", dash(client.email)],
      ["Phone", dash(client.phone)],
      ["Date of birth", dash(client.dateOfBirth)],
      ["Citizenship", dash(client.citizenship)],
      ["Programs", client.programs.length ? client.programs.join(", ") : "None recorded"],
      ["Provincial nomination", nomination],
      ["Categories", kindList(client.categories)],
      ["Profile submitted", dash(at(client.profileSubmittedAt, true))],
      ["Profile expires", dash(client.profileExpiresOn)],
      ["Language test", client.languageTestType || client.languageTestDate ? `${dash(recordedTestLabel(client.languageTestType))}, results ${dash(client.languageTestDate)}` : "—"],
      ["Invitation (ITA)", client.itaDate ? `${client.itaRound ? `Round #${client.itaRound}, ` : ""}${client.itaDate}` : "—"],
      [
        "Application",
        client.applicationSubmittedOn ? `Submitted ${client.applicationSubmittedOn}` : client.applicationDueOn ? `Due ${client.applicationDueOn} (60 days after the ITA)` : "—",
      ],
      ["ECA", client.ecaIssuer || client.ecaIssuedOn ? `${dash(client.ecaIssuer)}, issued ${dash(client.ecaIssuedOn)}` : "—"],
    ],
    crs: { total: client.crs == null ? "—" : String(client.crs), note: crsNote },
    deadlines: client.deadlines.map((d) => ({ item: d.label, dueOn: d.dueOn, daysLeft: daysLeftText(d.daysLeft), status: deadlineStatus(d) })),
    breakdown: client.crsBreakdown ? breakdownOf(client.crsBreakdown) : null,
    draws: draws.map((d) => ({
      draw: `#${d.draw.number}`,
      date: d.draw.date,
      kind: DRAW_KIND_SHORT[d.draw.kind] ?? d.draw.kind,
      cutoff: String(d.draw.cutoff),
      crs: d.crs == null ? "—" : String(d.crs),
      margin: d.margin == null ? "—" : formatMargin(d.margin),
      result: drawResultText(d),
    })),
    chart: scoreChart(draws),
    disclaimer: "Prepared with DrawDesk from the firm's records. Scores and dates should be checked against the client's IRCC account.",
  };
}

export interface ScoreChartRow {
  label: string;
  sublabel: string;
  cutoff: number;
  crs: number | null;
  /** "+12", "−3", or a word when the client had no score then. */
  marginText: string;
}

export interface ScoreChart {
  rows: ScoreChartRow[];
  /** Axis range and ticks; bars start at `min`, which the chart labels. */
  min: number;
  max: number;
  ticks: number[];
}

/**
 * The client's CRS at each recent draw of their kinds beside its cut-off, oldest at the bottom.
 * The axis starts near the lowest value (named on the chart) so that a 5-point margin is visible:
 * from 0, every bar would look the same length.
 */
export function scoreChart(draws: readonly ReportDraw[]): ScoreChart {
  const rows = draws.map((d) => ({
    label: `#${d.draw.number} ${DRAW_KIND_SHORT[d.draw.kind] ?? d.draw.kind}`,
    sublabel: d.draw.date,
    cutoff: d.draw.cutoff,
    crs: d.crs,
    marginText: d.margin == null ? "no score then" : formatMargin(d.margin),
  }));
  return { rows, ...chartScale(rows.flatMap((r) => (r.crs == null ? [r.cutoff] : [r.cutoff, r.crs]))) };
}

/** A round axis around the values: steps of 10 to 200 points, three to eight ticks, within 0–1,200. */
export function chartScale(values: readonly number[]): { min: number; max: number; ticks: number[] } {
  if (values.length === 0) return { min: 0, max: 100, ticks: [0, 25, 50, 75, 100] };
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = Math.max(hi - lo, 20);
  const step = [10, 25, 50, 100, 200].find((s) => span / s <= 6) ?? 200;
  let min = Math.max(0, Math.floor((lo - step / 2) / step) * step);
  let max = Math.min(1200, Math.ceil((hi + step / 4) / step) * step);
  // At least three steps, so a single value or a tight cluster still gets a readable axis.
  if (max - min < 3 * step) {
    min = Math.max(0, max - 3 * step);
    max = Math.min(1200, min + 3 * step);
  }
  const ticks: number[] = [];
  for (let t = min; t <= max; t += step) ticks.push(t);
  return { min, max, ticks };
}
