import { useId } from "react";
import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";
import styles from "./Alert.module.css";

export type AlertTone = "info" | "success" | "warning" | "danger";

const DEFAULT_LABEL: Record<AlertTone, string> = {
  info: "Notice",
  success: "Success",
  warning: "Warning",
  danger: "Error",
};

export type AlertProps = Omit<HTMLAttributes<HTMLDivElement>, "title" | "role"> & {
  tone?: AlertTone;
  /** Shown in bold; also becomes the alert's accessible name. */
  title?: ReactNode;
  /** Accessible name when there is no title; defaults to "Error", "Warning", "Notice" or "Success". */
  label?: string;
  /** "alert" interrupts screen readers: keep it for errors. Default: alert for danger, status otherwise. */
  role?: "alert" | "status";
  actions?: ReactNode;
};

/**
 * A message box. It always has an accessible name, so tests and assistive tech can tell it apart
 * from Next's route announcer, which is also role="alert":
 * `page.getByRole("alert", { name: "Import failed" })`.
 */
export function Alert({ tone = "info", title, label, role, actions, className, children, ...rest }: AlertProps) {
  const titleId = useId();
  const named = title != null ? { "aria-labelledby": titleId } : { "aria-label": label ?? DEFAULT_LABEL[tone] };
  return (
    <div role={role ?? (tone === "danger" ? "alert" : "status")} className={cx(styles.alert, styles[tone], className)} {...named} {...rest}>
      <div className={styles.body}>
        {title != null && <p id={titleId} className={styles.title}>{title}</p>}
        {children != null && <div className={styles.content}>{children}</div>}
      </div>
      {actions != null && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}
