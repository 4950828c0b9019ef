import Link from "next/link";
import { Card } from "@/components/ui";

export default function ForbiddenPage() {
  return (
    <main id="main" className="auth-page">
      <Card className="auth-card">
        <h1>Not available to your role</h1>
        <p>This page is for your firm&apos;s owners and administrators.</p>
        <p>
          <Link href="/">Back to the dashboard</Link>
        </p>
      </Card>
    </main>
  );
}
