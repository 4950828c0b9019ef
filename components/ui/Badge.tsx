import type { HTMLAttributes } from "react";
import { cx } from "./cx";
import styles from "./Badge.module.css";

export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

export type BadgeProps = HTMLAttributes<HTMLSpanElement> & {
  tone?: Tone;
  /** A small leading dot in the tone's colour (status lists). */
  dot?: boolean;
};

/** A short status label. The text must carry the meaning; the colour only repeats it. */
export function Badge({ tone = "neutral", dot = false, className, ...rest }: BadgeProps) {
  return <span className={cx(styles.badge, styles[tone], dot && styles.dot, className)} {...rest} />;
}
