"use client";
import { useState, type FormEvent } from "react";
import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { safeCallbackPath } from "@/lib/auth/callbackUrl";
import { useHydrated } from "@/components/ui/useHydrated";
import { basePath, signInWithPassword } from "./authClient";

/** User name and password (basic mode). Every failure is reported through `onError` with one code. */
export function PasswordLoginForm({ callbackUrl, onError }: { callbackUrl: string; onError: (code: string | undefined) => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  // Until React is attached a submit would be the browser's own: keep the form closed until then.
  const hydrated = useHydrated();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    onError(undefined);
    const result = await signInWithPassword(username, password, callbackUrl).catch(() => ({ ok: false as const, error: "Default" }));
    if (result.ok) {
      window.location.assign(safeCallbackPath(callbackUrl, basePath()));
      return;
    }
    setPassword("");
    setBusy(false);
    onError(result.error);
  };

  return (
    // method="post": even a submit that escapes React never puts the password into a URL.
    <form method="post" onSubmit={(event) => void submit(event)} aria-label="Sign in">
      <Stack gap="sm">
        <TextInput label="User name" name="username" autoComplete="username" required disabled={!hydrated} value={username} onChange={(event) => setUsername(event.currentTarget.value)} />
        <PasswordInput label="Password" name="password" autoComplete="current-password" required disabled={!hydrated} value={password} onChange={(event) => setPassword(event.currentTarget.value)} />
        <Button type="submit" loading={busy} disabled={!hydrated} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}

