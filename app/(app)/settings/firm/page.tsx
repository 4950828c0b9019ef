import type { Metadata } from "next";
import { FirmSettingsForm } from "@/components/settings/FirmSettingsForm";
import { Card, PageHeader } from "@/components/ui";
import { getFirmSettings } from "@/lib/db/firms";
import { requireViewer } from "@/lib/server/session";
import { updateFirmSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Firm settings" };

export default async function FirmSettingsPage() {
  const viewer = await requireViewer("firm.manage");
  const settings = await getFirmSettings(viewer.scope);
  return (
    <div className="stack-lg">
      <PageHeader title="Firm settings" description={`How DrawDesk works for ${settings.name}. Every change is recorded in the audit log.`} />
      <Card>
        <FirmSettingsForm action={updateFirmSettingsAction} settings={settings} />
      </Card>
    </div>
  );
}
