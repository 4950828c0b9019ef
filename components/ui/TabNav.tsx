import Link from "next/link";
import type { HTMLAttributes, ReactNode } from "react";
import { activeLinks } from "./active-link";
import styles from "./TabNav.module.css";

export type TabNavItem = { href: string; label: ReactNode; count?: number };

export type TabNavProps = Omit<HTMLAttributes<HTMLElement>, "children"> & {
  /** Names the nav landmark, e.g. "Client sections". */
  label: string;
  items: readonly TabNavItem[];
  currentPath: string;
};

/**
 * Tab-looking links between sibling pages. Links, not role="tab": each tab is its own URL, so
 * the browser's back button and "open in new tab" keep working.
 */
export function TabNav({ label, items, currentPath, className, ...rest }: TabNavProps) {
  const active = activeLinks(items.map((item) => item.href), currentPath);
  return (
    <nav aria-label={label} className={className} {...rest}>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className={styles.link} aria-current={active.get(item.href)}>
              {item.label}
              {item.count != null && <span className={styles.count}>{item.count.toLocaleString("en-CA")}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
