import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { ColorSchemeScript, mantineHtmlProps } from "@mantine/core";
import "@mantine/core/styles.css";
import { AppProviders } from "@/components/ui/AppProviders";

// Files in public/ are served under the base path, but Next does not prefix hand-written metadata URLs with it.
const publicFile = (name: string) => `${process.env.ORRERY_BASE_PATH ?? ""}/${name}`;

export const metadata: Metadata = {
  title: "Orrery",
  description: "A live map and monitor for Kubernetes",
  icons: {
    icon: [
      { url: publicFile("icon.svg"), type: "image/svg+xml" },
      { url: publicFile("icon-192.png"), type: "image/png", sizes: "192x192" },
    ],
    apple: { url: publicFile("icon-192.png"), sizes: "192x192" },
  },
  manifest: publicFile("manifest.webmanifest"),
  // A private ops dashboard: robots.txt only counts at a host's root, so every page says it too.
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  themeColor: "#4c6ef5",
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
