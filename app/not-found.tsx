import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="auth-page">
      <div className="stack">
        <h1>Not found</h1>
        <p>There is nothing here, or you do not have access to it.</p>
        <Link href="/">Back to the dashboard</Link>
      </div>
    </main>
  );
}
