"use client";
import type { ReactNode } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { AppShell, Burger, Group, NavLink, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBox, IconNetwork, IconServer, IconStack2, IconTopologyStar3 } from "@tabler/icons-react";
import { UserMenu } from "@/components/auth/UserMenu";
import { EmbedButton } from "@/components/embed/EmbedButton";
import { ColorSchemeToggle } from "./ColorSchemeToggle";
import { ConnectionIndicator } from "./ConnectionIndicator";
import { DemoClusterBadge } from "./DemoClusterBadge";
import { NamespaceSelect } from "./NamespaceSelect";
import { useUrlState } from "./useUrlState";
import { withParams } from "./urlState";

const sections = [
  { href: "/topology", label: "Topology", icon: IconTopologyStar3 },
  { href: "/workloads", label: "Workloads", icon: IconStack2 },
  { href: "/pods", label: "Pods", icon: IconBox },
  { href: "/nodes", label: "Nodes", icon: IconServer },
  { href: "/services", label: "Services", icon: IconNetwork },
];

/**
 * The frame of every dashboard page: navigation, namespace, connection state and theme. An embedded view
 * (opened with an embed token) gets only its title, connection state and the demo badge: its token opens no other page.
 */
export function DashboardShell({ children, embedded = false, demo = false }: { children: ReactNode; embedded?: boolean; /** Orrery is on its built-in demo cluster. */ demo?: boolean }) {
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = usePathname();
  const url = useUrlState();
  // Moving between lists keeps the namespace, not the filter, sort or selection of the old list.
  const keep = withParams("", { ns: url.namespace });
  return (
    <AppShell header={{ height: 56 }} navbar={embedded ? undefined : { width: 200, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {!embedded && <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />}
            <Title order={3}>Orrery</Title>
            {demo && <DemoClusterBadge size={embedded ? "sm" : "md"} />}
          </Group>
          <Group gap="sm" wrap="nowrap">
            {/* The map picks several namespaces in its own filters. */}
            {pathname !== "/topology" && !embedded && <NamespaceSelect />}
            <ConnectionIndicator />
            {!embedded && <EmbedButton />}
            {!embedded && <UserMenu />}
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      {!embedded && (
        <AppShell.Navbar p="xs" aria-label="Sections">
          {sections.map((section) => (
            <NavLink
              key={section.href}
              component={Link}
              href={`${section.href}${keep}`}
              label={section.label}
              leftSection={<section.icon size={18} stroke={1.6} />}
              active={pathname === section.href}
              aria-current={pathname === section.href ? "page" : undefined}
              onClick={close}
            />
          ))}
        </AppShell.Navbar>
      )}
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
