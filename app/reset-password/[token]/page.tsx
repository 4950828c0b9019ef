import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/ResetPasswordForm";
import { Alert, Card } from "@/components/ui";
import { findUsableReset } from "@/lib/db/users/password-reset";
import { resetPasswordAction } from "./actions";

// No referrer: the token is in the URL.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await findUsableReset(token);
  return (
    <main id="main" className="auth-page">
      <Card className="auth-card">
        <div className="stack">
          <h1>Choose a new password</h1>
          {reset ? (
            <>
              <p className="muted">For {reset.email}. Setting it signs this account out everywhere.</p>
              <ResetPasswordForm token={token} action={resetPasswordAction} />
            </>
          ) : (
            <Alert tone="warning" title="This link cannot be used">
              <p>
                This reset link is invalid, has expired or was already used. <Link href="/forgot-password">Ask for a new one</Link>.
              </p>
            </Alert>
          )}
        </div>
      </Card>
    </main>
  );
}
