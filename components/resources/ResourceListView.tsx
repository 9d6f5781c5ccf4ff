"use client";
import type { ReactNode } from "react";
import { Badge, Group, Skeleton, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { ForbiddenNotice } from "./ForbiddenNotice";
import { LiveNotice } from "./LiveNotice";

export interface ResourceListViewProps {
  title: string;
  /** Shown rows after filtering. */
  count: number;
  loaded: boolean;
  stale: boolean;
  staleReason?: string;
  /** Why the server refused some of the data, one sentence per refused subscription (see refusalOf). */
  refused?: string | readonly string[];
  query: string;
  onQueryChange(query: string): void;
  /** What to say when nothing is there, e.g. "No pods in namespace shop". */
  emptyText: string;
  children: ReactNode;
}

export const LIST_HEIGHT = "calc(100dvh - 56px - 2 * var(--mantine-spacing-md) - 64px)";

/** The common frame of a list page: title, count, name filter, and its states: loading, empty, refused, stale. */
export function ResourceListView(props: ResourceListViewProps) {
  const refusals = props.refused === undefined ? [] : typeof props.refused === "string" ? [props.refused] : props.refused;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Title order={2}>{props.title}</Title>
          {/* A count of 0 for a list the cluster refused would read as "there are none". */}
          {props.loaded && !(refusals.length > 0 && props.count === 0) && <Badge variant="default" aria-label={`${props.count} shown`}>{props.count}</Badge>}
        </Group>
        <TextInput
          aria-label="Filter by name"
          placeholder="Filter by name"
          leftSection={<IconSearch size={16} />}
          value={props.query}
          onChange={(event) => props.onQueryChange(event.currentTarget.value)}
          w={280}
        />
      </Group>
      <LiveNotice stale={props.stale} reason={props.staleReason} />
      {refusals.length > 0 && <ForbiddenNotice refusals={refusals} />}
      {!props.loaded ? (
        <Stack gap={6} aria-busy="true" aria-label={`Loading ${props.title.toLowerCase()}`}>
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} height={30} />
          ))}
        </Stack>
      ) : props.count === 0 ? (
        // A refused list says so above; an empty one from a cache that cannot read the cluster says nothing about the cluster.
        refusals.length > 0 ? null : (
          <Text c="dimmed" py="xl" ta="center">
            {props.stale ? `Nothing to show: ${props.title.toLowerCase()} cannot be read right now` : props.emptyText}
          </Text>
        )
      ) : (
        props.children
      )}
    </Stack>
  );
}

export function emptyText(kindPlural: string, namespace: string | undefined, query: string): string {
  const where = namespace ? ` in namespace ${namespace}` : "";
  return query.trim() ? `No ${kindPlural}${where} match "${query.trim()}"` : `No ${kindPlural}${where}`;
}
