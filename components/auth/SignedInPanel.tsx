"use client";
import { useState } from "react";
import { Alert, Anchor, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { signOut } from "./authClient";

/** On the login page when already signed in: who, which groups, continue or sign out. */
export function SignedInPanel({ name, groups, continueUrl }: { name: string; groups: string[]; continueUrl: string }) {
  const [leaving, setLeaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  const leave = async () => {
    setLeaving(true);
    setFailure(undefined);
    try {
      window.location.assign(await signOut());
    } catch (error) {
      // The session is still alive: say so rather than show "You have signed out".
      setFailure((error as Error).message);
      setLeaving(false);
    }
  };
  return (
    <Stack gap="sm">
      <Text>
        Signed in as <strong data-testid="signed-in-name">{name}</strong>
      </Text>
      <Group gap={4} aria-label="Groups">
        {groups.length === 0 ? <Text size="sm" c="dimmed">no groups</Text> : groups.map((group) => <Badge key={group} variant="light">{group}</Badge>)}
      </Group>
      <Group justify="space-between">
        <Anchor href={continueUrl}>Continue to Orrery</Anchor>
        <Button variant="default" onClick={() => void leave()} loading={leaving}>
          Sign out
        </Button>
      </Group>
      {failure && <Alert color="red" role="alert" title="Still signed in">{failure}</Alert>}
    </Stack>
  );
}
