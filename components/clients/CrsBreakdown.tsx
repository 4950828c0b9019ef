import { Table, TBody, TD, TFoot, TH, THead, TR } from "@/components/ui";
import type { CrsResult, CrsSection } from "@/lib/crs";
import { CRS_SECTION_LABELS } from "./labels";

const SECTIONS: CrsSection[] = ["core", "spouse", "transferability", "additional"];

/**
 * The CRS line by line, grouped by IRCC's four sections. Each section's lines add up to its
 * subtotal (a cap shows as its own negative line), so the consultant can check the sum by eye.
 */
export function CrsBreakdown({ result, caption = "CRS breakdown", captionHidden = false }: { result: CrsResult; caption?: string; captionHidden?: boolean }) {
  return (
    <Table caption={caption} captionHidden={captionHidden} maxHeight="none">
      <THead>
        <TR>
          <TH>Factor</TH>
          <TH numeric>Points</TH>
          <TH numeric>Max</TH>
        </TR>
      </THead>
      {SECTIONS.map((section) => {
        const lines = result.breakdown.filter((l) => l.section === section);
        if (lines.length === 0) return null;
        return (
          <TBody key={section}>
            <TR>
              <TH scope="rowgroup">{CRS_SECTION_LABELS[section]}</TH>
              <TD numeric>
                <strong>{result[section]}</strong>
              </TD>
              <TD />
            </TR>
            {lines.map((l) => (
              <TR key={l.factor}>
                <TD style={{ paddingLeft: 28 }}>{l.label}</TD>
                <TD numeric>{l.points < 0 ? `−${-l.points}` : l.points}</TD>
                <TD numeric className="muted">
                  {l.max ?? ""}
                </TD>
              </TR>
            ))}
          </TBody>
        );
      })}
      <TFoot>
        <TR>
          <TD>Total</TD>
          <TD numeric data-testid="crs-breakdown-total">{result.total}</TD>
          <TD numeric className="muted">
            1,200
          </TD>
        </TR>
      </TFoot>
    </Table>
  );
}
