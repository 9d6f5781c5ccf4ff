import { loginUrl } from "@/components/auth/authClient";
import { apiBasePath, withEmbedToken } from "./apiUrl";
import { LiveRegistry } from "./liveRegistry";
import { StreamClient, type SocketLike } from "./streamClient";

// One connection per tab, created on first use and shared by every hook on every page.
let client: StreamClient | undefined;
let registry: LiveRegistry | undefined;

/** The stream URL for this page, under Next's basePath (set on <html data-base-path> by the root layout). */
export function streamUrl(location: Pick<Location, "protocol" | "host">, basePath: string): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}${basePath}/api/stream`;
}

export function getStreamClient(): StreamClient {
  if (!client) {
    client = new StreamClient({
      url: () => withEmbedToken(streamUrl(window.location, apiBasePath())),
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      // A reconnect would only be refused: the login is over, so sign in again and come back here.
      onSessionEnded: () => window.location.assign(loginUrl(`${window.location.pathname}${window.location.search}`)),
    });
    client.start();
    exposeTestHook(client);
  }
  return client;
}

export function getLiveRegistry(): LiveRegistry {
  registry ??= new LiveRegistry(getStreamClient());
  return registry;
}

// Lets people and end-to-end tests cut the connection from the console to see the stale state.
function exposeTestHook(stream: StreamClient): void {
  (window as unknown as { __orreryStream?: { drop(reason?: string): void } }).__orreryStream = {
    drop: (reason = "dropped from the console") => stream.dropConnection(reason),
  };
}
