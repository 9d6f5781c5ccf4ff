"use client";
import { Anchor, Button, Group, Text } from "@mantine/core";
import { loginUrl } from "@/components/auth/authClient";
import { describeShellEnd } from "./describeShellEnd";
import type { ShellState } from "./shellConnection";

const toneColor = { neutral: "dimmed", warning: "orange", error: "red" } as const;

/** One line under the terminal: connecting, connected to what, or how it ended and what to do next. */
export function ShellStatus({ state, container, onReconnect }: { state: ShellState; container?: string; onReconnect: () => void }) {
  const ended = state.phase === "closed" ? describeShellEnd(state.end) : undefined;
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" mih={30}>
      <Text size="sm" role="status" aria-label="Shell status" c={ended ? toneColor[ended.tone] : "dimmed"}>
        {ended ? ended.text : state.phase !== "closed" && statusText(state, container)}
        {ended?.signIn && (
          <>
            {" "}
            <Anchor href={loginUrl(`${window.location.pathname}${window.location.search}`)}>Sign in</Anchor>
          </>
        )}
      </Text>
      {ended && !ended.signIn && (
        <Button size="compact-sm" variant="light" onClick={onReconnect}>
          Reconnect
        </Button>
      )}
    </Group>
  );
}

function statusText(state: Exclude<ShellState, { phase: "closed" }>, container: string | undefined): string {
  if (state.phase === "connecting") return `Connecting${container ? ` to ${container}` : ""}…`;
  return `Connected to ${state.container ?? container ?? "the pod"}${state.command?.length ? ` (${state.command.join(" ")})` : ""}`;
}
