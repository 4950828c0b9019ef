import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/ForgotPasswordForm";
import { Card } from "@/components/ui";
import { requestPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <main id="main" className="auth-page">
      <Card className="auth-card">
        <div className="stack">
          <h1>Reset your password</h1>
          <p className="muted">Enter the email you sign in with. We will send you a link to choose a new password.</p>
          <ForgotPasswordForm action={requestPasswordResetAction} />
          <p>
            <Link href="/signin">Back to sign in</Link>
          </p>
        </div>
      </Card>
    </main>
  );
}
