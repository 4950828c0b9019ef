"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, TextField } from "@/components/ui";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "The email or password is incorrect.",
  RateLimited: "Too many failed attempts. Please wait 15 minutes and try again.",
  SessionRequired: "Please sign in to continue.",
  SecondFactorInvalid: "The code is incorrect or was already used. Wait for the next code and try again.",
};

// The password was right and the account has two-factor: the form asks for the code next.
const SECOND_FACTOR_REQUIRED = "SecondFactorRequired";

function safeCallback(url: string | null): string {
  // Only same-site paths: an open redirect after sign-in would be a phishing aid.
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string | null; initialError: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ? (MESSAGES[initialError] ?? MESSAGES.CredentialsSignin) : null);
  const [pending, setPending] = useState(false);
  const [needsCode, setNeedsCode] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      code: String(form.get("code") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (result?.error === SECOND_FACTOR_REQUIRED) {
      setNeedsCode(true);
      return;
    }
    if (result?.error === "SecondFactorInvalid") setNeedsCode(true);
    if (!result || result.error) {
      setError(MESSAGES[result?.error ?? ""] ?? MESSAGES.CredentialsSignin);
      return;
    }
    router.replace(safeCallback(callbackUrl));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="stack" noValidate>
      {error && <Alert tone="danger" title="Sign-in failed">{error}</Alert>}
      {needsCode && !error && <Alert tone="info" title="Two-factor sign-in">Enter the code from your authenticator app to finish signing in.</Alert>}
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      {needsCode && (
        <TextField
          label="Authentication code"
          name="code"
          autoComplete="one-time-code"
          required
          autoFocus
          hint="The six-digit code from your authenticator app, or one of your recovery codes."
        />
      )}
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Signing in…" : needsCode ? "Verify and sign in" : "Sign in"}
      </Button>
    </form>
  );
}
