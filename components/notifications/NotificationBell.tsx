import type { NotificationItem } from "@/lib/db/notifications";
import styles from "./NotificationBell.module.css";

/**
 * The bell: unread draw notifications, newest first. A <details> disclosure, so it opens and
 * closes without client code; each entry is a form whose action marks it read and opens the draw.
 */
export function NotificationBell({ unread, items, openAction }: { unread: number; items: NotificationItem[]; openAction: (form: FormData) => Promise<void> }) {
  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <details className={styles.bell}>
      <summary aria-label={label} className={styles.summary}>
        <span aria-hidden="true">🔔</span> Notifications
        {unread > 0 && (
          <span className={styles.count} aria-hidden="true">
            {unread}
          </span>
        )}
      </summary>
      <div className={styles.panel}>
        {items.length === 0 ? (
          <p className={styles.empty}>No draw notifications yet.</p>
        ) : (
          <ul aria-label="Recent draw notifications" className={styles.list}>
            {items.map((item) => (
              <li key={item.id}>
                <form action={openAction}>
                  <input type="hidden" name="id" value={item.id} />
                  <button type="submit" className={item.read ? styles.item : `${styles.item} ${styles.unread}`}>
                    {item.title}
                    {!item.read && <span className={styles.srOnly}> (unread)</span>}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
