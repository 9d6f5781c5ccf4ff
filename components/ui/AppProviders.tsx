"use client";
import { useState, type ReactNode } from "react";
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { theme } from "./theme";

// Mantine's Drawer and Modal lock scrolling with react-remove-scroll, whose <style> tags take their CSP nonce from here.
function shareStyleNonce(nonce: string | undefined): void {
  if (nonce && typeof window !== "undefined") (window as { __webpack_nonce__?: string }).__webpack_nonce__ = nonce;
}

/** Theme (light/dark following the system until the user picks) and request caching for the whole app. */
export function AppProviders({ children, styleNonce }: { children: ReactNode; /** The page's CSP nonce, put on Mantine's <style> tags. */ styleNonce?: string }) {
  shareStyleNonce(styleNonce);
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } }));
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" getStyleNonce={styleNonce ? () => styleNonce : undefined}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
