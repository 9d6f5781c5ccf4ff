"use client";
import { useCallback, useMemo, useRef, useState } from "react";
import { Box, Group, Stack, useComputedColorScheme } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { TopologyCanvas } from "../TopologyCanvas";
import { TopologyTable } from "../table/TopologyTable";
import type { TopologyView } from "../view/topologyView";
import { exportView } from "./exportView";
import { SearchBar } from "./SearchBar";
import { SearchHelpModal } from "./SearchHelpModal";
import { TopologyDetailsPanel } from "./TopologyDetailsPanel";
import { TopologyFilters } from "./TopologyFilters";
import { TopologyLegend } from "./TopologyLegend";
import { TopologyNotices } from "./TopologyNotices";
import { TopologyToolbar } from "./TopologyToolbar";
import { usePageHotkeys } from "./usePageHotkeys";
import { parsePinned, useSearchMatches } from "./useSearchMatches";
import { useTopologyFeed } from "./useTopologyFeed";
import { useTopologyUrlState } from "./useTopologyUrlState";
import { filterGraph } from "./visibleGraph";
import { neighbourIndex } from "./neighbourIndex";

/** The map page: live graph, search, filters and details, all in the URL. */
export function TopologyPage() {
  const { state, update } = useTopologyUrlState();
  const feed = useTopologyFeed(state.view, state.namespaces, state.expanded, state.paused);
  const pinned = useMemo(() => parsePinned(state.pinned), [state.pinned]);
  const visible = useMemo(
    () => filterGraph(feed.nodes, feed.edges, { hiddenKinds: state.hiddenKinds, hideSystem: state.hideSystem, statuses: state.statuses, pinned: pinned.queries }),
    [feed.nodes, feed.edges, state.hiddenKinds, state.hideSystem, state.statuses, pinned.queries],
  );
  const search = useSearchMatches(state.query, visible.nodes);
  const neighbours = useMemo(() => neighbourIndex(visible.edges), [visible.edges]);
  // Only a selection needs nodes by id; a map of 12,000 on every update would be wasted.
  const nodesById = useMemo(() => (state.selected ? new Map(visible.nodes.map((node) => [node.id, node])) : undefined), [visible.nodes, state.selected]);
  const viewRef = useRef<TopologyView | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const colourScheme = useComputedColorScheme("light");
  // The viewport is read from the URL once per mount: later URL changes come from the map itself.
  const [initialViewport] = useState(state.viewport);
  // Fitting leaves the legend's strip free, so after Fit the legend covers no node.
  const legendReserve = useRef(0);
  const reserveForLegend = useCallback((heightPx: number) => {
    legendReserve.current = heightPx;
    viewRef.current?.reserveBottom(heightPx);
  }, []);

  const select = useCallback((id: string | undefined) => update({ selected: id }, "push"), [update]);
  const selectAndCentre = useCallback(
    (id: string) => {
      select(id);
      viewRef.current?.centreOn(id);
    },
    [select],
  );
  usePageHotkeys({ focusSearch: useCallback(() => searchRef.current?.focus(), []), openHelp: useCallback(() => setHelpOpen(true), []) });

  const onExport = (format: "svg" | "png") => {
    const view = viewRef.current;
    if (!view) return;
    const background = colourScheme === "dark" ? "#1a1b1e" : "#ffffff";
    exportView({ view, viewName: state.view, format, matchIds: search.result?.matches, selectedId: state.selected, background }).catch((err: unknown) =>
      notifications.show({ color: "red", title: "Export failed", message: err instanceof Error ? err.message : String(err) }),
    );
  };

  const selectedNode = state.selected ? nodesById?.get(state.selected) : undefined;
  const selectedNeighbours = state.selected && nodesById ? [...neighbours(state.selected)].flatMap((id) => nodesById.get(id) ?? []) : [];
  return (
    <Stack gap="xs" h="calc(100dvh - 56px - 2 * var(--mantine-spacing-md))">
      <TopologyToolbar
        view={state.view}
        mode={state.mode}
        paused={feed.paused}
        pendingChanges={feed.pendingChanges}
        onViewChange={(view) => update({ view, selected: undefined, expanded: [], viewport: undefined }, "push")}
        onModeChange={(mode) => update({ mode }, "push")}
        onPausedChange={(paused) => update({ paused })}
        onFit={() => viewRef.current?.fit()}
        onExport={onExport}
      />
      <TopologyFilters state={state} nodes={feed.nodes} onChange={update} />
      <SearchBar
        ref={searchRef}
        query={state.query}
        onQueryChange={(query) => update({ query })}
        pinned={state.pinned}
        brokenPinned={pinned.broken}
        onPin={(text) => update({ pinned: [...state.pinned.filter((other) => other !== text), text], query: "" }, "push")}
        onUnpin={(text) => update({ pinned: state.pinned.filter((other) => other !== text) }, "push")}
        result={search.result}
        error={search.error}
        onHelp={() => setHelpOpen(true)}
      />
      <TopologyNotices
        view={state.view}
        loaded={feed.loaded}
        resyncing={feed.resyncing}
        error={feed.error}
        aggregated={feed.aggregated}
        total={feed.nodes.length}
        filteredOut={visible.filteredOut}
        namespaces={state.namespaces}
        brokenPinned={pinned.broken}
        expandedCount={state.expanded.length}
        onCollapseAll={() => update({ expanded: [], selected: undefined }, "push")}
      />
      <Group gap="xs" align="stretch" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Box style={{ flex: 1, minWidth: 0, position: "relative" }} data-testid="topology-main">
          {state.mode === "map" ? (
            <TopologyCanvas
              nodes={visible.nodes}
              edges={visible.edges}
              neighboursOf={neighbours}
              selectedId={state.selected}
              matchIds={search.result?.matches}
              initialViewport={initialViewport}
              onSelect={select}
              onViewportChange={(viewport) => update({ viewport })}
              onGestureChange={feed.hold}
              colourScheme={colourScheme}
              onViewReady={(view) => {
                viewRef.current = view;
                view?.reserveBottom(legendReserve.current);
              }}
            />
          ) : (
            <TopologyTable nodes={visible.nodes} matchIds={search.result?.matches} selectedId={state.selected} onSelect={select} sort={state.sort} onSortChange={(sort) => update({ sort })} />
          )}
          {state.mode === "map" && <TopologyLegend nodes={visible.nodes} onHeightChange={reserveForLegend} />}
        </Box>
        {state.selected && (
          <TopologyDetailsPanel
            selectedId={state.selected}
            node={selectedNode}
            neighbours={selectedNeighbours}
            onSelect={selectAndCentre}
            onClose={() => select(undefined)}
            onExpand={(groupId) => update({ expanded: [...state.expanded, groupId], selected: undefined }, "push")}
          />
        )}
      </Group>
      <SearchHelpModal
        opened={helpOpen}
        onClose={() => setHelpOpen(false)}
        onTry={(example) => {
          setHelpOpen(false);
          update({ query: example });
        }}
      />
    </Stack>
  );
}

