import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";
import styles from "./Disclosure.module.css";

export type DisclosureProps = {
  /** What the closed control shows. */
  summary: ReactNode;
  /** Panel width in pixels. */
  width?: number;
  panelProps?: HTMLAttributes<HTMLDivElement>;
  className?: string;
  children: ReactNode;
};

/**
 * A native <details> menu: keyboard and screen-reader behaviour come from the browser, and the
 * panel stays in the page while open (an export's progress stays visible).
 */
export function Disclosure({ summary, width = 220, panelProps, className, children }: DisclosureProps) {
  const { className: panelClassName, style, ...panelRest } = panelProps ?? {};
  return (
    <details className={cx(styles.disclosure, className)}>
      <summary className={styles.summary} aria-controls={panelRest.id}>
        {summary}
      </summary>
      <div className={cx(styles.panel, panelClassName)} style={{ width, ...style }} {...panelRest}>
        {children}
      </div>
    </details>
  );
}
