import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { ColorSchemeScript, mantineHtmlProps } from "@mantine/core";
import "@mantine/core/styles.css";
import { AppProviders } from "@/components/ui/AppProviders";

export const metadata: Metadata = {
  title: "Orrery",
  description: "A live map and monitor for Kubernetes",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The browser's stream client reads the base path from here to find /api/stream.
  const basePath = process.env.ORRERY_BASE_PATH ?? "";
  // The per-request CSP nonce set by proxy.ts; reading headers also renders every page per request, as nonces need.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" {...mantineHtmlProps} data-base-path={basePath}>
      <head>
        <ColorSchemeScript defaultColorScheme="auto" nonce={nonce} />
      </head>
      <body>
        <AppProviders styleNonce={nonce}>{children}</AppProviders>
      </body>
    </html>
  );
}
