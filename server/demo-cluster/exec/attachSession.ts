import type { ObjectStore } from "../store";
import { resolveLogRun } from "../logs/containerRuns";
import { followLog, type LogSink } from "../logs/followLog";
import type { LogSnapshot } from "../logs/logTimeline";
import { LogTimeline } from "../logs/logTimeline";
import type { ChannelConnection } from "./channelConnection";
import { Channel, exitStatus, failureStatus } from "./channels";
import type { StreamTarget } from "./streamTarget";

/** Attach's stdout: the container's log lines as they are written, honouring socket backpressure. */
class AttachSink implements LogSink {
  constructor(private readonly conn: ChannelConnection, private readonly tty: boolean) {}

  get done(): boolean {
    return this.conn.closed.aborted;
  }

  async writeRange(timeline: LogTimeline, snapshot: LogSnapshot, from: number, to: number): Promise<void> {
    for (let index = from; index < to && !this.done; index++) {
      this.conn.send(Channel.StdOut, timeline.entry(index, snapshot).text + (this.tty ? "\r\n" : "\n"));
      await this.conn.drain();
    }
  }
}

/**
 * Attaches to the main process: its output from now on (the same lines `logs -f` shows) and,
 * with stdin, an echo of what is typed; ends with the container or when the client leaves.
 */
export async function runAttachSession(conn: ChannelConnection, target: StreamTarget, store: ObjectStore, now: () => number = Date.now): Promise<void> {
  const { query, pod } = target;
  conn.onStdin = (text) => {
    if (query.stdin && query.stdout) conn.send(Channel.StdOut, query.tty ? text.replace(/\r/g, "\r\n") : text);
  };
  conn.send(query.stdout ? Channel.StdOut : query.stderr ? Channel.StdErr : Channel.Error, "");
  const timeline = new LogTimeline(resolveLogRun(pod, target.containerName, false));
  const sink: LogSink = query.stdout ? new AttachSink(conn, query.tty) : { done: false, writeRange: async () => undefined };
  const end = await followLog({
    sink, signal: conn.closed, store, timeline, cursor: timeline.snapshot(now()).total,
    podUid: pod.metadata.uid, namespace: pod.metadata.namespace ?? "default", podName: pod.metadata.name, now,
  });
  if (end.reason === "ended") conn.finish(exitStatus(end.run.exitCode));
  else if (end.reason === "deleted") conn.finish(failureStatus(`pod "${pod.metadata.name}" was deleted`, "NotFound", 404));
}
