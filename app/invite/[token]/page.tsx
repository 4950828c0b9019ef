import type { Metadata } from "next";
import { AcceptInvitationForm } from "@/components/auth/AcceptInvitationForm";
import { Alert, Card } from "@/components/ui";
import { findUsableInvitation } from "@/lib/db/users/invitations";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Accept invitation", referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findUsableInvitation(token);
  return (
    <main id="main" className="auth-page">
      <Card className="auth-card">
        {invitation ? (
          <>
            <h1>Join {invitation.firmName}</h1>
            <p className="muted">
              You were invited as {invitation.role} with the email {invitation.email}. Choose a password to finish.
            </p>
            <AcceptInvitationForm token={token} name={invitation.name} action={acceptInvitationAction} />
          </>
        ) : (
          <>
            <h1>Invitation</h1>
            <Alert tone="warning" title="This link cannot be used">
              This invitation link is invalid, has expired or was already used. Ask your firm&apos;s administrator for a new one.
            </Alert>
          </>
        )}
      </Card>
    </main>
  );
}
