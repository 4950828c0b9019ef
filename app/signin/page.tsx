import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/SignInForm";
import { Card } from "@/components/ui";
import { currentViewer } from "@/lib/server/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  if (await currentViewer()) redirect(params.callbackUrl?.startsWith("/") && !params.callbackUrl.startsWith("//") ? params.callbackUrl : "/");
  return (
    <main id="main" className="auth-page">
      <Card className="auth-card">
        <h1>Sign in to DrawDesk</h1>
        <SignInForm callbackUrl={params.callbackUrl ?? null} initialError={params.error ?? null} />
        <p>
          <Link href="/forgot-password">Forgot your password?</Link>
        </p>
      </Card>
    </main>
  );
}
