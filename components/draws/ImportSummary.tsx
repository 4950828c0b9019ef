import type { ImportView } from "@/lib/db/draws/admin";

const rounds = (numbers: string[]) => numbers.map((n) => `#${n}`).join(", ");

/** The dry run's (or the import's) result in words: round numbers, and what changed in each. */
export function ImportSummary({ view }: { view: ImportView }) {
  const verb = view.applied ? "" : "would be ";
  return (
    <div className="stack-sm">
      <ul className="stack-sm" style={{ paddingLeft: "1.2em" }} aria-label="Import summary">
        <li>
          <strong>{view.added.length} added</strong>
          {view.added.length > 0 && <>: {rounds(view.added)}</>}
        </li>
        <li>
          <strong>{view.updated.length} updated</strong>
          {view.updated.length > 0 && (
            <ul style={{ paddingLeft: "1.2em" }}>
              {view.updated.map((u) => (
                <li key={u.number}>
                  #{u.number}: {u.changes.join("; ")}
                </li>
              ))}
            </ul>
          )}
        </li>
        {view.confirmed.length > 0 && (
          <li>
            <strong>{view.confirmed.length} provisional confirmed</strong> ({verb}replaced by IRCC&apos;s figures): {rounds(view.confirmed)}
          </li>
        )}
        <li>
          <strong>{view.unchanged} unchanged</strong>
        </li>
        <li>
          <strong>{view.warnings.length} warnings</strong>
          {view.warnings.length > 0 && (
            <ul style={{ paddingLeft: "1.2em" }}>
              {view.warnings.map((w, i) => (
                <li key={`${w.number}-${i}`}>{w.message}</li>
              ))}
            </ul>
          )}
        </li>
      </ul>
    </div>
  );
}
