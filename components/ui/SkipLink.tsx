import styles from "./SkipLink.module.css";

/** First focusable element of the page; jumps past the navigation to <main id="main">. */
export function SkipLink({ href = "#main", children = "Skip to main content" }: { href?: string; children?: string }) {
  return (
    <a href={href} className={styles.skip}>
      {children}
    </a>
  );
}
