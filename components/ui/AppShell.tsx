import Link from "next/link";
import type { ReactNode } from "react";
import { AppNav, type AppNavLink } from "./AppNav";
import { AppNavCurrent } from "./AppNavCurrent";
import { LostFocusToMain } from "./LostFocusToMain";
import { SkipLink } from "./SkipLink";
import styles from "./AppShell.module.css";

export type AppShellUser = { name: string; email: string; role: string; firmName: string };

export type AppShellProps = {
  user: AppShellUser;
  /** The links this user may open, in order: usually a filter of APP_NAV_LINKS. */
  links: readonly AppNavLink[];
  /**
   * The page's path, when AppShell is rendered by a page. Leave it out when rendering from a
   * layout: the nav then reads the path in the browser (see AppNavCurrent).
   */
  currentPath?: string;
  /** Shown under the firm's name, e.g. the notification bell. */
  headerSlot?: ReactNode;
  /** The sign-out control, e.g. a <form action={signOut}><Button type="submit">Sign out</Button></form>. */
  signOutSlot: ReactNode;
  children: ReactNode;
};

/** The signed-in frame: skip link, sidebar (wordmark, firm, navigation, user), and <main id="main">. */
export function AppShell({ user, links, currentPath, headerSlot, signOutSlot, children }: AppShellProps) {
  return (
    <div className={styles.shell}>
      <SkipLink />
      <header className={styles.sidebar}>
        <div className={styles.brand}>
          <Link href="/" className={styles.wordmark}>
            <span aria-hidden="true" className={styles.mark} />
            DrawDesk
          </Link>
          <p className={styles.firm}>{user.firmName}</p>
        </div>
        {headerSlot}
        {currentPath === undefined ? <AppNavCurrent links={links} /> : <AppNav links={links} currentPath={currentPath} />}
        <div className={styles.user}>
          <p className={styles.userName}>{user.name}</p>
          <p className={styles.userEmail} title={user.email}>{user.email}</p>
          <p className={styles.userRole}>{user.role}</p>
          <div className={styles.signOut}>{signOutSlot}</div>
        </div>
      </header>
      {/* tabIndex -1: the skip link moves focus here, not only the scroll position. */}
      <main id="main" tabIndex={-1} className={styles.main}>
        {children}
      </main>
      <LostFocusToMain />
    </div>
  );
}
