import Link from "next/link";
import { useId } from "react";
import type { CSSProperties, HTMLAttributes, ReactNode, TableHTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cx } from "./cx";
import styles from "./DataTable.module.css";

export type TableProps = TableHTMLAttributes<HTMLTableElement> & {
  /** Every table is named; the caption also names the scroll region. */
  caption: ReactNode;
  /** Keep the caption for screen readers only (when a Card title already shows it). */
  captionHidden?: boolean;
  density?: "compact" | "comfortable";
  /** Height of the scroll box the header sticks to, e.g. "60vh" or "none". Default 75vh. */
  maxHeight?: string;
  wrapperClassName?: string;
};

/**
 * A data table in a focusable, labelled scroll region (keyboard users can scroll it; the header
 * stays in view). Compose with THead/TBody/TR/TH/TD.
 */
export function Table({ caption, captionHidden = false, density = "compact", maxHeight, wrapperClassName, className, children, ...rest }: TableProps) {
  const captionId = useId();
  const style = maxHeight ? ({ "--table-max-height": maxHeight } as CSSProperties) : undefined;
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className={cx(styles.scroll, wrapperClassName)} style={style}>
      <table className={cx(styles.table, density === "comfortable" && styles.comfortable, className)} {...rest}>
        <caption id={captionId} className={captionHidden ? "sr-only" : styles.caption}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cx(styles.thead, className)} {...rest} />;
}

export function TBody({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cx(styles.tbody, className)} {...rest} />;
}

export function TFoot({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tfoot className={cx(styles.tfoot, className)} {...rest} />;
}

export function TR({ className, ...rest }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cx(styles.tr, className)} {...rest} />;
}

export type SortDirection = "asc" | "desc";

export type THProps = ThHTMLAttributes<HTMLTableCellElement> & {
  /** Right-align with tabular figures (CRS, counts, dates as numbers). */
  numeric?: boolean;
  /** This column's current sort, if the table is sorted by it. */
  sort?: SortDirection | null;
  /** Makes the header a link that sorts by this column (server-side sort via the URL). */
  sortHref?: string;
};

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

/** A header cell: scope="col" unless given (use scope="row" in TBody); aria-sort on the sorted column. */
export function TH({ numeric = false, sort, sortHref, scope = "col", className, children, ...rest }: THProps) {
  const label = sortHref ? (
    <Link href={sortHref} scroll={false} className={styles.sortLink}>
      {children}
      <span aria-hidden="true" className={styles.sortIcon}>{sort === "asc" ? "▲" : sort === "desc" ? "▼" : "↕"}</span>
    </Link>
  ) : (
    children
  );
  return (
    <th scope={scope} aria-sort={sort ? ARIA_SORT[sort] : undefined} className={cx(styles.th, numeric && styles.num, sort && styles.sorted, className)} {...rest}>
      {label}
    </th>
  );
}

export type TDProps = TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean };

export function TD({ numeric = false, className, ...rest }: TDProps) {
  return <td className={cx(styles.td, numeric && styles.num, className)} {...rest} />;
}

/** A single full-width row for "no results", inside TBody. */
export function TableEmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className={cx(styles.td, styles.empty)}>{children}</td>
    </tr>
  );
}
