import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";
import styles from "./PageHeader.module.css";

export type PageHeaderProps = Omit<HTMLAttributes<HTMLElement>, "title"> & {
  /** The page's only h1. */
  title: ReactNode;
  description?: ReactNode;
  /** Above the title: a back link or breadcrumb, e.g. <Link href="/clients">Clients</Link>. */
  eyebrow?: ReactNode;
  /** Primary actions, right-aligned (wrap under the title on narrow screens). */
  actions?: ReactNode;
  /** Full-width row under the title, e.g. a TabNav. */
  children?: ReactNode;
};

export function PageHeader({ title, description, eyebrow, actions, className, children, ...rest }: PageHeaderProps) {
  return (
    <header className={cx(styles.header, children != null && styles.hasBelow, className)} {...rest}>
      <div className={styles.text}>
        {eyebrow != null && <div className={styles.eyebrow}>{eyebrow}</div>}
        <h1>{title}</h1>
        {description != null && <p className={styles.description}>{description}</p>}
      </div>
      {actions != null && <div className={styles.actions}>{actions}</div>}
      {children != null && <div className={styles.below}>{children}</div>}
    </header>
  );
}
