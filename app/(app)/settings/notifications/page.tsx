import type { Metadata } from "next";
import { FirmNotifyKindsForm, FirmWebhookForm, MyNotificationSettingsForm } from "@/components/notifications/NotificationSettingsForms";
import { Card, PageHeader } from "@/components/ui";
import { can } from "@/lib/auth/scope";
import { firmWebhookUrl, notificationSettings } from "@/lib/db/notifications";
import { DRAW_KIND_LABELS, DRAW_KINDS } from "@/lib/draws/kinds";
import { requireViewer } from "@/lib/server/session";
import { firmNotifyKindsAction, firmWebhookAction, myNotificationSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationSettingsPage() {
  const viewer = await requireViewer();
  const manages = can(viewer.scope, "firm.manage");
  const [settings, webhookUrl] = await Promise.all([notificationSettings(viewer.scope), manages ? firmWebhookUrl(viewer.scope) : null]);
  return (
    <div className="stack-lg">
      <PageHeader
        title="Notifications"
        description="On draw day DrawDesk e-mails each person a digest of their clients above, newly above and near the cut-off, and shows the round under the bell."
      />
      <Card title="My preferences">
        <MyNotificationSettingsForm action={myNotificationSettingsAction} digestEnabled={settings.digestEnabled} digestNearMisses={settings.digestNearMisses} />
      </Card>
      {manages && (
        <Card title="Firm" description="Rounds of other kinds are still matched and shown on the draw pages, but notify no one.">
          <FirmNotifyKindsForm
            action={firmNotifyKindsAction}
            kinds={DRAW_KINDS.filter((k) => k !== "unrecognised").map((k) => ({ value: k, label: DRAW_KIND_LABELS[k] }))}
            selected={settings.notifyKinds}
          />
        </Card>
      )}
      {manages && (
        <Card title="Webhook" description="Tell a chat channel about each round: the firm's counts above, newly above and near the cut-off, with a link to the draw.">
          <FirmWebhookForm action={firmWebhookAction} webhookUrl={webhookUrl} />
        </Card>
      )}
    </div>
  );
}
