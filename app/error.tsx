"use client";

import { Button } from "@/components/ui";

// No stack traces or SQL reach the user: the message is generic and the digest lets support
// find the server log entry.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="auth-page">
      <div className="stack">
        <h1>Something went wrong</h1>
        <p>The page could not be shown. Please try again.{error.digest ? ` (Reference: ${error.digest})` : ""}</p>
        <div>
          <Button onClick={reset}>Try again</Button>
        </div>
      </div>
    </main>
  );
}
