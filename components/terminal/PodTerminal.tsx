"use client";
import "@xterm/xterm/css/xterm.css";
import { useEffect, useEffectEvent, useRef } from "react";
import { Terminal } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";
import { apiBasePath } from "@/components/live/apiUrl";
import { exitText } from "./describeShellEnd";
import { execUrl } from "./execUrl";
import { ShellConnection, type ShellSocket, type ShellState } from "./shellConnection";
import { withStyleNonce } from "./withStyleNonce";

export interface PodTerminalProps {
  namespace: string;
  pod: string;
  container?: string;
  onState: (state: ShellState) => void;
}

const theme = { background: "#1a1b1e", foreground: "#e9ecef", cursor: "#e9ecef", selectionBackground: "#4c6ef566" };

/** xterm.js on one /api/exec websocket; loaded on demand (see PodShell) so xterm stays out of first-load JS. */
export function PodTerminal({ namespace, pod, container, onState }: PodTerminalProps) {
  const host = useRef<HTMLDivElement>(null);
  const reportState = useEffectEvent(onState);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const terminal = new Terminal({ cursorBlink: true, fontSize: 13, scrollback: 5000, theme, fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    // OSC 52 would let any program in the pod write to the person's clipboard: swallow it.
    terminal.parser.registerOscHandler(52, () => true);
    withStyleNonce(() => terminal.open(element));
    // Escape belongs to the shell (vi, less), not to the drawer or dialog around it.
    terminal.textarea?.setAttribute("data-mantine-stop-propagation", "true");

    const connection = new ShellConnection({
      url: execUrl(window.location, apiBasePath(), { namespace, pod, container }),
      createSocket: (url) => new WebSocket(url) as unknown as ShellSocket,
      onOutput: (bytes) => terminal.write(bytes),
      onState: (state) => {
        if (state.phase === "closed") {
          if (state.end.exitCode !== undefined) terminal.write(`\r\n${exitText(state.end.exitCode)}\r\n`);
          terminal.options.disableStdin = true;
          terminal.options.cursorBlink = false;
        }
        reportState(state);
      },
    });
    const input = terminal.onData((data) => connection.sendInput(data));
    const binary = terminal.onBinary((data) => connection.sendBinary(data));
    const resized = terminal.onResize(({ cols, rows }) => connection.resize(cols, rows));
    const observer = new ResizeObserver(() => fit.fit());
    observer.observe(element);
    fit.fit();
    connection.resize(terminal.cols, terminal.rows);
    connection.start();
    terminal.focus();

    return () => {
      observer.disconnect();
      [input, binary, resized].forEach((subscription) => subscription.dispose());
      connection.close();
      terminal.dispose();
    };
  }, [namespace, pod, container]);

  // The padding is outside the measured element: the fit addon sizes the terminal to its parent's content box.
  return (
    <div style={{ padding: 6, background: theme.background, borderRadius: 4 }}>
      <div ref={host} style={{ height: "min(60dvh, 560px)" }} />
    </div>
  );
}
