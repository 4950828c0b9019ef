import Link from "next/link";
import { Badge, Card, EmptyState, Stat, StatGroup, Table, TBody, TD, TH, THead, TR, type Tone } from "@/components/ui";
import type { ExpiryRadar as Radar } from "@/lib/db/dashboard";
import { DEADLINE_BAND_LABELS, type DeadlineBand, type DeadlineKind } from "@/lib/deadlines";
import { formatCount, plural } from "@/components/draws/format";
import { ClientLink } from "./ClientLink";
import styles from "./Dashboard.module.css";

const KIND_WORDS: Record<DeadlineKind, string> = {
  profile: "EE profile",
  application: "Application due (ITA)",
  language_test: "Language test",
  eca: "ECA",
  work_permit: "Work permit",
  passport: "Passport",
};

const BAND_TONES: Record<DeadlineBand, Tone> = { overdue: "danger", "7": "danger", "30": "warning", "60": "info", "90": "neutral" };

function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `${formatCount(-daysLeft)} d overdue`;
  if (daysLeft === 0) return "today";
  return `in ${formatCount(daysLeft)} d`;
}

/**
 * Profiles, language tests, ECAs, work permits and passports overdue or due within 90 days, most
 * urgent first, one table per band (a client with two deadlines appears twice).
 */
export function ExpiryRadar({ radar, rosterHref }: { radar: Radar; rosterHref: string }) {
  const bands = radar.bands.filter((b) => b.total > 0);
  return (
    <Card
      title="Expiry radar"
      description={`Deadlines of your clients overdue or due within 90 days, counted from today (${radar.today}) in the firm's time zone.`}
      actions={<Link href={rosterHref}>Open in the roster</Link>}
      flush={bands.length > 0}
    >
      {bands.length === 0 ? (
        <EmptyState title="Nothing due within 90 days" description="No profile, language test, ECA, work permit or passport of your clients expires in the next 90 days." />
      ) : (
        <div>
          <div className={styles.pad}>
            <StatGroup aria-label="Deadlines per band">
              {radar.bands.map((b) => (
                <Stat key={b.band} label={DEADLINE_BAND_LABELS[b.band]} value={formatCount(b.total)} />
              ))}
            </StatGroup>
          </div>
          {bands.map((b) => (
            <Table
              key={b.band}
              maxHeight="none"
              caption={
                <span className="row">
                  <Badge tone={BAND_TONES[b.band]}>{DEADLINE_BAND_LABELS[b.band]}</Badge>
                  <span>{b.total > b.items.length ? `most urgent ${b.items.length} of ${plural(b.total, "deadline")}` : plural(b.total, "deadline")}</span>
                </span>
              }
            >
              <THead>
                <TR>
                  <TH>Client</TH>
                  <TH>Deadline</TH>
                  <TH>Last valid day</TH>
                  <TH>Consultant</TH>
                </TR>
              </THead>
              <TBody>
                {b.items.map((item) => (
                  <TR key={`${item.clientId}:${item.kind}`}>
                    <TD className="nowrap">
                      <ClientLink id={item.clientId} firstName={item.firstName} lastName={item.lastName} />
                    </TD>
                    <TD className="nowrap">{KIND_WORDS[item.kind]}</TD>
                    <TD className="nowrap">
                      <span className="num">{item.dueOn}</span> <span className="muted small">({daysLeftText(item.daysLeft)})</span>
                    </TD>
                    <TD>{item.consultantName ?? "—"}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          ))}
        </div>
      )}
    </Card>
  );
}
