"use client";
import { useEffect, useMemo, useRef } from "react";
import { Group, Paper, Stack, Text } from "@mantine/core";
import type { TopologyKind, TopologyNode, TopologyStatus } from "@/lib/wire/topology";
import { shapePathData } from "../export/svgPath";
import { podsRingStatusOf } from "../render/podsRing";
import { shapeOf, STATUS_COLOURS } from "../render/style";

const LEGEND_OFFSET_PX = 8;

const statusLabels: Record<TopologyStatus, string> = {
  running: "running",
  pending: "pending",
  crashlooping: "crash-looping",
  failed: "failed",
  terminating: "terminating",
  notready: "not ready",
  succeeded: "succeeded",
  unknown: "unknown",
};

function ShapeIcon({ kind, colour }: { kind: TopologyKind; colour: string }) {
  return (
    <svg width={14} height={14} viewBox="0 0 14 14" aria-hidden>
      <path d={shapePathData(shapeOf(kind), 7, 7, 5.5)} fill={colour} />
    </svg>
  );
}

/** What the shapes and colours on the map mean, for the kinds and statuses in view. */
export function TopologyLegend({ nodes, onHeightChange }: { nodes: readonly TopologyNode[]; onHeightChange?: (heightPx: number) => void }) {
  const paperRef = useRef<HTMLDivElement>(null);
  const { kinds, statuses, ringed } = useMemo(() => {
    // Fills and the rings of hosts' and namespaces' pods use the same colours.
    const present = new Set(nodes.flatMap((node) => (node.group ? [node.status, node.group.worst] : [node.status])));
    const ringed = nodes.some((node) => podsRingStatusOf(node) !== undefined);
    return { kinds: [...new Set(nodes.map((node) => node.kind))].sort(), statuses: (Object.keys(STATUS_COLOURS) as TopologyStatus[]).filter((status) => present.has(status)), ringed };
  }, [nodes]);
  const shown = nodes.length > 0;
  // The strip the map keeps free when fitting: the legend's height and its offset from the bottom, plus a little air.
  useEffect(() => {
    const paper = paperRef.current;
    if (!shown || !paper) {
      onHeightChange?.(0);
      return;
    }
    const observer = new ResizeObserver(() => onHeightChange?.(paper.offsetHeight + LEGEND_OFFSET_PX * 2));
    observer.observe(paper);
    return () => observer.disconnect();
  }, [shown, onHeightChange]);
  if (!shown) return null;
  return (
    <Paper ref={paperRef} withBorder p={6} shadow="xs" style={{ position: "absolute", left: LEGEND_OFFSET_PX, bottom: LEGEND_OFFSET_PX, opacity: 0.92 }} aria-label="Legend">
      <Stack gap={2}>
        <Group gap={8}>
          {kinds.map((kind) => (
            <Group key={kind} gap={3} wrap="nowrap">
              <ShapeIcon kind={kind} colour="#868e96" />
              <Text size="xs">{kind}</Text>
            </Group>
          ))}
        </Group>
        <Group gap={8}>
          {statuses.map((status) => (
            <Group key={status} gap={3} wrap="nowrap">
              <ShapeIcon kind="Pod" colour={STATUS_COLOURS[status]} />
              <Text size="xs">{statusLabels[status]}</Text>
            </Group>
          ))}
        </Group>
        {ringed && <Text size="xs" c="dimmed">Fill: a host&apos;s or namespace&apos;s own health; ring: the worst of its pods</Text>}
      </Stack>
    </Paper>
  );
}
