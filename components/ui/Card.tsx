import { useId } from "react";
import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";
import styles from "./Card.module.css";

export type CardProps = Omit<HTMLAttributes<HTMLElement>, "title"> & {
  title?: ReactNode;
  description?: ReactNode;
  /** Buttons or links at the right of the header. */
  actions?: ReactNode;
  footer?: ReactNode;
  /** Heading level of the title; h2 on a page whose h1 is the PageHeader. */
  headingLevel?: 2 | 3;
  /** No body padding: for a Table or a list that should touch the card's edges. */
  flush?: boolean;
};

/** A surface. With a title it is a <section> named by that title (a landmark for screen readers). */
export function Card({ title, description, actions, footer, headingLevel = 2, flush = false, className, children, ...rest }: CardProps) {
  const titleId = useId();
  const Heading = headingLevel === 3 ? "h3" : "h2";
  const hasHeader = title != null || description != null || actions != null;
  const Root = title != null ? "section" : "div";
  return (
    <Root className={cx(styles.card, className)} aria-labelledby={title != null ? titleId : undefined} {...rest}>
      {hasHeader && (
        <div className={styles.header}>
          <div>
            {title != null && <Heading id={titleId} className={styles.title}>{title}</Heading>}
            {description != null && <p className={styles.description}>{description}</p>}
          </div>
          {actions != null && <div className={styles.actions}>{actions}</div>}
        </div>
      )}
      <div className={cx(styles.body, flush && styles.flush)}>{children}</div>
      {footer != null && <div className={styles.footer}>{footer}</div>}
    </Root>
  );
}
