import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { requireViewer } from "@/lib/server/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const viewer = await requireViewer();
  return (
    <div className="stack-lg">
      <PageHeader title="Dashboard" description={`Welcome, ${viewer.name}.`} />
    </div>
  );
}
