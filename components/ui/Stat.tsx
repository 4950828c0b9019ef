import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";
import styles from "./Stat.module.css";

export type StatProps = HTMLAttributes<HTMLDListElement> & {
  label: ReactNode;
  /** The figure, already formatted ("472", "1,250", "12 d"). */
  value: ReactNode;
  /** Change beside the figure, e.g. "−6 since previous draw". */
  delta?: ReactNode;
  /** Direction of the change: an arrow, and words for screen readers. */
  trend?: "up" | "down" | "flat";
  /**
   * Whether the change is good news; colours the delta. Separate from `trend` because a falling
   * cut-off is good for clients while a falling client count is not.
   */
  sentiment?: "good" | "bad" | "neutral";
};

const ARROW = { up: "▲", down: "▼", flat: "–" } as const;
const TREND_WORDS = { up: "Up", down: "Down", flat: "Unchanged" } as const;

/** A labelled figure. Its own <dl>, so it is valid markup alone or inside a StatGroup. */
export function Stat({ label, value, delta, trend, sentiment = "neutral", className, ...rest }: StatProps) {
  return (
    <dl className={cx(styles.stat, className)} {...rest}>
      <dt className={styles.label}>{label}</dt>
      <dd className={styles.value}>{value}</dd>
      {delta != null && (
        <dd className={cx(styles.delta, sentiment !== "neutral" && styles[sentiment])}>
          {trend && (
            <>
              <span aria-hidden="true">{ARROW[trend]} </span>
              <span className="sr-only">{TREND_WORDS[trend]}: </span>
            </>
          )}
          {delta}
        </dd>
      )}
    </dl>
  );
}

/** A responsive row of Stat cards. */
export function StatGroup({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cx(styles.group, className)} {...rest} />;
}
