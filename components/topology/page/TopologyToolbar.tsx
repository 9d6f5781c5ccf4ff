"use client";
import { Button, Group, Menu, SegmentedControl, Tooltip } from "@mantine/core";
import { IconDownload, IconFocusCentered, IconMap, IconPlayerPause, IconPlayerPlay, IconTable } from "@tabler/icons-react";
import type { TopologyView } from "@/lib/wire/topology";
import type { TopologyMode } from "./topologyUrlState";

const viewOptions: { value: TopologyView; label: string }[] = [
  { value: "pods", label: "Pods" },
  { value: "hosts", label: "Hosts" },
  { value: "controllers", label: "Controllers" },
  { value: "services", label: "Services" },
  { value: "containers", label: "Containers" },
  { value: "namespaces", label: "Namespaces" },
];

export interface TopologyToolbarProps {
  view: TopologyView;
  mode: TopologyMode;
  paused: boolean;
  pendingChanges: number;
  onViewChange: (view: TopologyView) => void;
  onModeChange: (mode: TopologyMode) => void;
  onPausedChange: (paused: boolean) => void;
  onFit: () => void;
  onExport: (format: "svg" | "png") => void;
}

/** Which view, map or table, live or paused, fit, export. */
export function TopologyToolbar(props: TopologyToolbarProps) {
  const { view, mode, paused, pendingChanges } = props;
  return (
    <Group gap="sm" wrap="wrap">
      <SegmentedControl size="xs" aria-label="View" data={viewOptions} value={view} onChange={(value) => props.onViewChange(value as TopologyView)} />
      <SegmentedControl
        size="xs"
        aria-label="Show as"
        value={mode}
        onChange={(value) => props.onModeChange(value as TopologyMode)}
        data={[
          { value: "map", label: <Group gap={4} wrap="nowrap"><IconMap size={14} />Map</Group> },
          { value: "table", label: <Group gap={4} wrap="nowrap"><IconTable size={14} />Table</Group> },
        ]}
      />
      <Tooltip label={paused ? "Show the latest state and follow changes again" : "Freeze the map; changes are counted meanwhile"}>
        <Button size="xs" variant={paused ? "filled" : "default"} color={paused ? "orange" : undefined} leftSection={paused ? <IconPlayerPlay size={14} /> : <IconPlayerPause size={14} />} onClick={() => props.onPausedChange(!paused)}>
          {paused ? `Resume${pendingChanges > 0 ? ` (${pendingChanges} updates waiting)` : ""}` : "Pause"}
        </Button>
      </Tooltip>
      <Button size="xs" variant="default" leftSection={<IconFocusCentered size={14} />} onClick={props.onFit} disabled={mode !== "map"}>
        Fit
      </Button>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} disabled={mode !== "map"}>
            Export
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => props.onExport("svg")}>SVG (vector)</Menu.Item>
          <Menu.Item onClick={() => props.onExport("png")}>PNG (image)</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
