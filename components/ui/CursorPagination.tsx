import Link from "next/link";
import type { HTMLAttributes } from "react";
import { cx } from "./cx";
import styles from "./Pagination.module.css";

export type CursorPaginationProps = Omit<HTMLAttributes<HTMLDivElement>, "children"> & {
  /** e.g. "51–100 of 12,345 clients". */
  summary?: string;
  /** null at the start / the end of the list. */
  previousHref: string | null;
  nextHref: string | null;
  /** Shown when not on the first page. */
  firstHref?: string | null;
};

/**
 * Previous / next links for a list paged by cursor (keyset): no page numbers, since reaching page
 * 40 directly would mean counting through the 39 before it. Disabled ends stay in place, announced.
 */
export function CursorPagination({ summary, previousHref, nextHref, firstHref, className, ...rest }: CursorPaginationProps) {
  const disabled = (label: string, arrow: "‹" | "›") => (
    <span className={cx(styles.item, styles.disabled)} aria-disabled="true">
      {arrow === "‹" && <span aria-hidden="true">‹&nbsp;</span>}
      {label}
      {arrow === "›" && <span aria-hidden="true">&nbsp;›</span>}
    </span>
  );
  return (
    <div className={cx(styles.bar, className)} {...rest}>
      {summary && <p className={styles.summary}>{summary}</p>}
      {(previousHref || nextHref) && (
        <nav aria-label="Pagination">
          <ul className={styles.list}>
            {firstHref && (
              <li>
                <Link className={styles.item} href={firstHref}>
                  First page
                </Link>
              </li>
            )}
            <li>
              {previousHref ? (
                <Link className={styles.item} href={previousHref} rel="prev">
                  <span aria-hidden="true">‹&nbsp;</span>Previous<span className="sr-only"> page</span>
                </Link>
              ) : (
                disabled("Previous", "‹")
              )}
            </li>
            <li>
              {nextHref ? (
                <Link className={styles.item} href={nextHref} rel="next">
                  Next<span className="sr-only"> page</span>
                  <span aria-hidden="true">&nbsp;›</span>
                </Link>
              ) : (
                disabled("Next", "›")
              )}
            </li>
          </ul>
        </nav>
      )}
    </div>
  );
}
