"use client";
import { useState } from "react";
import { Badge, Button, Group, Menu, Text } from "@mantine/core";
import { IconLogout, IconUserCircle } from "@tabler/icons-react";
import { signOut } from "./authClient";
import { usePageViewer } from "./PageViewer";
import { useSession } from "./useSession";

/** The signed-in person (name, groups) and sign out, for the shell's header; nothing when login is off. */
export function UserMenu() {
  // Without a session (login off, an embedded view) there is none to ask for: /api/auth/session is not even served then.
  return usePageViewer().signedIn ? <SessionMenu /> : null;
}

function SessionMenu() {
  const session = useSession();
  const [leaving, setLeaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  if (!session) return null;
  const { name, groups } = session.user;
  const leave = async () => {
    setLeaving(true);
    setFailure(undefined);
    try {
      window.location.assign(await signOut());
    } catch (error) {
      // The session is still alive: say so rather than show the login page.
      setFailure(`Sign out failed: ${(error as Error).message}`);
      setLeaving(false);
    }
  };
  return (
    <Group gap="xs" wrap="nowrap">
      {failure && <Text size="xs" c="red" role="alert" maw={320} lineClamp={2}>{failure}</Text>}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconUserCircle size={18} />} aria-label={`Signed in as ${name}`}>
            <Text size="sm" truncate maw={160}>{name}</Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Signed in as {name}</Menu.Label>
          <Group gap={4} px="sm" pb="xs" maw={280} aria-label="Groups">
            {groups.length === 0 ? <Text size="xs" c="dimmed">no groups</Text> : groups.map((group) => <Badge key={group} variant="light" size="sm">{group}</Badge>)}
          </Group>
          <Menu.Divider />
          <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void leave()} disabled={leaving}>
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
