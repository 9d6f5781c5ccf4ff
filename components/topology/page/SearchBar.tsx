"use client";
import { forwardRef, useState } from "react";
import { ActionIcon, Badge, Group, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { IconHelp, IconPin, IconSearch, IconX } from "@tabler/icons-react";
import type { SearchError } from "@/lib/search/ast";
import type { SearchResult } from "@/lib/search/match";
import { describeCounts } from "./matchCounts";

export interface SearchBarProps {
  query: string;
  onQueryChange: (text: string) => void;
  /** Enter or the pin button: the query becomes a filter. */
  onPin: (text: string) => void;
  pinned: readonly string[];
  onUnpin: (text: string) => void;
  brokenPinned: readonly string[];
  result?: SearchResult;
  error?: SearchError;
  onHelp: () => void;
}

/** Scope-style search: highlights as you type, Enter pins it as a filter, errors point at the problem. */
export const SearchBar = forwardRef<HTMLInputElement, SearchBarProps>(function SearchBar(props, ref) {
  const { query, onQueryChange, onPin, pinned, onUnpin, brokenPinned, result, error, onHelp } = props;
  const [draft, setDraft] = useState(query);
  // The URL may change under us (Back, a pasted link): follow it, the React way, without an effect.
  const [seenQuery, setSeenQuery] = useState(query);
  if (query !== seenQuery) {
    setSeenQuery(query);
    setDraft(query);
  }
  const change = (text: string) => {
    setDraft(text);
    onQueryChange(text);
  };
  const pin = () => {
    if (draft.trim() === "" || error) return;
    // onPin clears the query in the same URL change.
    onPin(draft.trim());
    setDraft("");
  };
  return (
    <Stack gap={4}>
      <TextInput
        ref={ref}
        value={draft}
        onChange={(event) => change(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") pin();
          if (event.key === "Escape") change("");
        }}
        placeholder="Search: redis, ns:kube-system, memory > 100M, label:app=web   ( / to focus, ? for help)"
        aria-label="Search the map"
        aria-invalid={error ? true : undefined}
        aria-describedby="topology-search-status"
        error={error !== undefined}
        leftSection={<IconSearch size={16} />}
        rightSectionWidth={64}
        rightSection={
          <Group gap={2} wrap="nowrap">
            <Tooltip label="Pin: keep only what matches (Enter)">
              <ActionIcon variant="subtle" aria-label="Pin this search" onClick={pin} disabled={draft.trim() === "" || error !== undefined}>
                <IconPin size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Search help (?)">
              <ActionIcon variant="subtle" aria-label="Search help" onClick={onHelp}>
                <IconHelp size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        }
      />
      <SearchStatus text={draft} result={result} error={error} />
      {(pinned.length > 0 || brokenPinned.length > 0) && (
        <Group gap={6} aria-label="Pinned searches">
          {pinned.map((text) => (
            <Badge key={text} variant={brokenPinned.includes(text) ? "outline" : "light"} color={brokenPinned.includes(text) ? "red" : "blue"} rightSection={<UnpinButton text={text} onUnpin={onUnpin} />} style={{ textTransform: "none" }}>
              {text}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
});

function UnpinButton({ text, onUnpin }: { text: string; onUnpin: (text: string) => void }) {
  return (
    <ActionIcon size="xs" variant="transparent" aria-label={`Unpin ${text}`} onClick={() => onUnpin(text)}>
      <IconX size={12} />
    </ActionIcon>
  );
}

function SearchStatus({ text, result, error }: { text: string; result?: SearchResult; error?: SearchError }) {
  if (error) {
    const before = text.slice(0, error.position);
    const bad = text.slice(error.position, error.position + error.length) || " ";
    return (
      <Text id="topology-search-status" size="xs" c="red" role="alert">
        <Text span ff="monospace" c="dimmed">{before}</Text>
        <Text span ff="monospace" td="underline" fw={700}>{bad}</Text>
        {"  "}
        {error.message}
        {result ? ` — still showing ${describeCounts(result)} from the last search that worked` : ""}
      </Text>
    );
  }
  return (
    <Text id="topology-search-status" size="xs" c="dimmed" aria-live="polite" data-testid="topology-match-count">
      {result ? describeCounts(result) : "\u00a0"}
    </Text>
  );
}
