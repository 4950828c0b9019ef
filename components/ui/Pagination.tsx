import Link from "next/link";
import type { HTMLAttributes } from "react";
import { cx } from "./cx";
import { pageWindow } from "./page-window";
import styles from "./Pagination.module.css";

export type PaginationProps = Omit<HTMLAttributes<HTMLDivElement>, "children"> & {
  /** 1-based current page. */
  page: number;
  pageCount: number;
  /** URL of a page, keeping the list's other search params: (p) => `/clients?${withPage(p)}`. */
  href: (page: number) => string;
  /** With pageSize, shows "51–100 of 12,345 clients" beside the links. */
  total?: number;
  pageSize?: number;
  /** Plural noun for the summary; default "results". */
  noun?: string;
};

const fmt = new Intl.NumberFormat("en-CA");

export function Pagination({ page, pageCount, href, total, pageSize, noun = "results", className, ...rest }: PaginationProps) {
  const current = Math.min(Math.max(1, page), Math.max(1, pageCount));
  const summary =
    total != null && pageSize != null
      ? total === 0
        ? `0 ${noun}`
        : `${fmt.format((current - 1) * pageSize + 1)}–${fmt.format(Math.min(current * pageSize, total))} of ${fmt.format(total)} ${noun}`
      : null;

  return (
    <div className={cx(styles.bar, className)} {...rest}>
      {summary && <p className={styles.summary}>{summary}</p>}
      {pageCount > 1 && (
        <nav aria-label="Pagination">
          <ul className={styles.list}>
            <li>
              {current > 1 ? (
                <Link className={styles.item} href={href(current - 1)} rel="prev">
                  <span aria-hidden="true">‹&nbsp;</span>Previous
                </Link>
              ) : (
                <span className={cx(styles.item, styles.disabled)} aria-disabled="true">
                  <span aria-hidden="true">‹&nbsp;</span>Previous
                </span>
              )}
            </li>
            {pageWindow(current, pageCount).map((item, i) =>
              item === "gap" ? (
                <li key={`gap-${i}`} className={cx(styles.item, styles.gap)}>…</li>
              ) : (
                <li key={item}>
                  <Link className={styles.item} href={href(item)} aria-current={item === current ? "page" : undefined}>
                    <span className="sr-only">Page </span>
                    {fmt.format(item)}
                  </Link>
                </li>
              ),
            )}
            <li>
              {current < pageCount ? (
                <Link className={styles.item} href={href(current + 1)} rel="next">
                  Next<span aria-hidden="true">&nbsp;›</span>
                </Link>
              ) : (
                <span className={cx(styles.item, styles.disabled)} aria-disabled="true">
                  Next<span aria-hidden="true">&nbsp;›</span>
                </span>
              )}
            </li>
          </ul>
        </nav>
      )}
    </div>
  );
}
