import Link from "next/link";
import { activeLinks } from "./active-link";
import styles from "./AppShell.module.css";

export type AppNavLink = { key: string; href: string; label: string };

/** Every top-level page. Pass AppShell the subset the user may open (the server refuses the rest anyway). */
export const APP_NAV_LINKS: readonly AppNavLink[] = [
  { key: "dashboard", href: "/", label: "Dashboard" },
  { key: "clients", href: "/clients", label: "Clients" },
  { key: "draws", href: "/draws", label: "Draws" },
  { key: "reports", href: "/reports", label: "Reports" },
  { key: "audit", href: "/audit", label: "Audit log" },
  { key: "team", href: "/settings/users", label: "Team" },
  { key: "outbox", href: "/settings/outbox", label: "Outbox" },
  { key: "firm", href: "/settings/firm", label: "Firm" },
  { key: "notifications", href: "/settings/notifications", label: "Notifications" },
  { key: "security", href: "/settings/security", label: "Security" },
];

export type AppNavProps = { links: readonly AppNavLink[]; currentPath: string };

export function AppNav({ links, currentPath }: AppNavProps) {
  const active = activeLinks(links.map((link) => link.href), currentPath);
  return (
    <nav aria-label="Main" className={styles.nav}>
      <ul className={styles.navList}>
        {links.map((link) => (
          <li key={link.key}>
            <Link href={link.href} className={styles.navLink} aria-current={active.get(link.href)}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
