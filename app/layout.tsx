import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ColorSchemeScript, mantineHtmlProps } from "@mantine/core";
import "@mantine/core/styles.css";
import { AppProviders } from "@/components/ui/AppProviders";

export const metadata: Metadata = {
  title: "Orrery",
  description: "A live map and monitor for Kubernetes",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  // The browser's stream client reads the base path from here to find /api/stream.
  const basePath = process.env.ORRERY_BASE_PATH ?? "";
  return (
    <html lang="en" {...mantineHtmlProps} data-base-path={basePath}>
      <head>
        <ColorSchemeScript defaultColorScheme="auto" />
      </head>
      <body>
        <AppProviders>{children}</AppProviders>
      </body>
    </html>
  );
}
