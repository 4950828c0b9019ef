import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "DrawDesk", template: "%s · DrawDesk" },
  description: "Express Entry draw tracking for immigration consulting firms",
};

// Every page is rendered per request: proxy.ts sets a Content-Security-Policy with a fresh nonce
// and Next.js puts it on its scripts only while rendering. A page prerendered at build time
// (/forbidden, the not-found page) would carry scripts without it, and the browser would refuse
// them all.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en-CA">
      <body>{children}</body>
    </html>
  );
}
