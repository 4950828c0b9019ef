import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";
import styles from "./EmptyState.module.css";

export type EmptyStateProps = Omit<HTMLAttributes<HTMLDivElement>, "title"> & {
  title: ReactNode;
  /** What this place will show, or why it is empty (e.g. which filters exclude everything). */
  description?: ReactNode;
  /** The next step: "Import clients", "Clear filters". */
  actions?: ReactNode;
};

export function EmptyState({ title, description, actions, className, ...rest }: EmptyStateProps) {
  return (
    <div className={cx(styles.empty, className)} {...rest}>
      <p className={styles.title}>{title}</p>
      {description != null && <p className={styles.description}>{description}</p>}
      {actions != null && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}
