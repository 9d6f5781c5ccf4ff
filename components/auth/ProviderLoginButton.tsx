"use client";
import { useState } from "react";
import { Button } from "@mantine/core";
import { IconLogin } from "@tabler/icons-react";
import { useHydrated } from "@/components/ui/useHydrated";
import { providerSignInUrl } from "./authClient";

/** "Sign in with <provider>": starts the authorization code flow (PKCE, state, nonce set by the server). */
export function ProviderLoginButton({ providerName, callbackUrl, onError }: { providerName: string; callbackUrl: string; onError: (code: string | undefined) => void }) {
  const [busy, setBusy] = useState(false);
  // Before React attaches a click would do nothing at all: keep the button closed until then.
  const hydrated = useHydrated();
  const start = async () => {
    setBusy(true);
    onError(undefined);
    const result = await providerSignInUrl(callbackUrl).catch(() => ({ ok: false as const, error: "OAuthSignin", url: undefined }));
    if (result.ok && result.url) {
      window.location.assign(result.url);
      return;
    }
    setBusy(false);
    onError(result.ok ? "OAuthSignin" : result.error);
  };
  return (
    <Button fullWidth leftSection={<IconLogin size={18} />} loading={busy} disabled={!hydrated} onClick={() => void start()}>
      Sign in with {providerName}
    </Button>
  );
}
