"use client";
import { useState } from "react";
import { Alert, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { DemoClusterBadge } from "@/components/ui/DemoClusterBadge";
import { loginErrorMessage } from "@/lib/auth/messages";
import { PasswordLoginForm } from "./PasswordLoginForm";
import { ProviderLoginButton } from "./ProviderLoginButton";
import { SignedInPanel } from "./SignedInPanel";

export interface LoginScreenProps {
  mode: "basic" | "oidc";
  /** For oidc: the provider's name on the button. */
  providerName?: string;
  /** A validated path to return to. */
  callbackUrl: string;
  /** next-auth's error code from the URL, if the last attempt failed. */
  error?: string;
  signedOut?: boolean;
  signedIn?: { name: string; groups: string[] };
  /** Orrery is on its built-in demo cluster. */
  demo?: boolean;
}

/** The login page: a password form (basic) or the provider's button (oidc), or who is signed in. */
export function LoginScreen(props: LoginScreenProps) {
  const [error, setError] = useState<string | undefined>(props.error);
  const message = loginErrorMessage(error);
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={380}>
        <Stack gap="md">
          <Group gap="sm">
            <Title order={2}>Orrery</Title>
            {props.demo && <DemoClusterBadge />}
          </Group>
          {props.signedOut && !message && <Text size="sm" c="dimmed">You have signed out.</Text>}
          {message && (
            <Alert color="red" role="alert" title="Not signed in">
              {message}
            </Alert>
          )}
          {props.signedIn ? (
            <SignedInPanel name={props.signedIn.name} groups={props.signedIn.groups} continueUrl={props.callbackUrl} />
          ) : props.mode === "basic" ? (
            <PasswordLoginForm callbackUrl={props.callbackUrl} onError={setError} />
          ) : (
            <ProviderLoginButton providerName={props.providerName ?? "your identity provider"} callbackUrl={props.callbackUrl} onError={setError} />
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
