import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { NotificationBell } from "@/components/notifications/NotificationBell";
import { APP_NAV_LINKS, AppShell } from "@/components/ui";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/scope";
import { getFirm } from "@/lib/db/firms";
import { recentNotifications, unreadNotificationCount } from "@/lib/db/notifications";
import { requireViewer } from "@/lib/server/session";
import { openNotificationAction } from "./settings/notifications/actions";

// Every screen inside needs a session; the proxy redirects too, this is the second lock.
export default async function AppLayout({ children }: { children: ReactNode }) {
  // Each page enforces two-factor enrolment itself (requireViewer); the shell only narrows the menu.
  const viewer = await requireViewer(undefined, { beforeTwoFactor: true });
  const [firm, unread, notifications] = await Promise.all([getFirm(viewer.scope), unreadNotificationCount(viewer.scope), recentNotifications(viewer.scope)]);
  const links = APP_NAV_LINKS.filter((link) => {
    if (viewer.mustEnrolTwoFactor) return link.key === "security";
    if (link.key === "audit") return can(viewer.scope, "audit.read");
    if (link.key === "team") return can(viewer.scope, "users.manage");
    if (link.key === "outbox") return can(viewer.scope, "mail.read");
    if (link.key === "firm") return can(viewer.scope, "firm.manage");
    return true;
  });
  return (
    <AppShell user={{ name: viewer.name, email: viewer.email, role: ROLE_LABELS[viewer.role], firmName: firm.name }} links={links}
      headerSlot={<NotificationBell unread={unread} items={notifications} openAction={openNotificationAction} />}
      signOutSlot={<SignOutButton />}>
      {children}
    </AppShell>
  );
}
