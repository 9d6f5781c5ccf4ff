"use client";
import { useState } from "react";
import dynamic from "next/dynamic";
import { Loader, Select, Stack, Text } from "@mantine/core";
import type { KubeObject } from "@/lib/k8s/types";
import type { ShellState } from "./shellConnection";
import { containerShellUnavailableReason, shellContainers } from "./shellContainers";
import { ShellStatus } from "./ShellStatus";

// xterm is large and browser-only: fetched when a shell is first opened, never part of a page's first load.
const PodTerminal = dynamic(() => import("./PodTerminal").then((module) => module.PodTerminal), {
  ssr: false,
  loading: () => <Loader size="sm" aria-label="Loading the terminal" />,
});

/** A shell in one pod: container choice, the terminal, and its status with Reconnect. */
export function PodShell({ pod }: { pod: KubeObject }) {
  const containers = shellContainers(pod);
  const [container, setContainer] = useState(containers.initial);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ShellState>({ phase: "connecting" });
  const namespace = pod.metadata.namespace ?? "default";
  const stopped = containerShellUnavailableReason(pod, container);
  const reconnect = () => {
    setState({ phase: "connecting" });
    setAttempt((n) => n + 1);
  };
  return (
    <Stack gap="xs">
      {containers.names.length > 1 && (
        <Select
          label="Container"
          data={containers.names}
          value={container ?? null}
          allowDeselect={false}
          onChange={(value) => {
            if (!value || value === container) return;
            setState({ phase: "connecting" });
            setContainer(value);
          }}
          w={260}
          size="xs"
        />
      )}
      {stopped ? (
        // A stopped container has nothing to exec into: say why instead of connecting and failing.
        <Text size="sm" role="status" aria-label="Shell status" c="orange">{stopped}</Text>
      ) : (
        <>
          <PodTerminal key={`${container}-${attempt}`} namespace={namespace} pod={pod.metadata.name} container={container} onState={setState} />
          <ShellStatus state={state} container={container} onReconnect={reconnect} />
        </>
      )}
    </Stack>
  );
}
