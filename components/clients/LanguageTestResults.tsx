import { ABILITY_LABELS } from "@/lib/crs";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import type { RecordedLevel } from "@/lib/language/recorded-test";
import { isLanguageTest, LANGUAGE_TEST_INFO, levelLabel } from "@/lib/language/tests";

/** A recorded test's results beside the CLB/NCLC level each converts to (IRCC's equivalency charts). */
export function LanguageTestResults({ type, levels }: { type: string | null; levels: RecordedLevel[] }) {
  if (levels.length === 0) return null;
  const test = isLanguageTest(type) ? type : null;
  const language = test ? LANGUAGE_TEST_INFO[test].language : "english";
  return (
    <Table caption="Language test results and levels" captionHidden maxHeight="none">
      <THead>
        <TR>
          <TH>Ability</TH>
          {test && <TH numeric>Result</TH>}
          <TH>{language === "french" ? "NCLC" : "CLB"}</TH>
        </TR>
      </THead>
      <TBody>
        {levels.map((l) => (
          <TR key={l.ability}>
            <TH scope="row">{ABILITY_LABELS[l.ability]}</TH>
            {test && <TD numeric>{l.score}</TD>}
            <TD>{test ? levelLabel(language, l.clb) : `CLB ${l.clb}`}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
