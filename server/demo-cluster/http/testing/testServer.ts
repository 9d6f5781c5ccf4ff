import { ObjectStore } from "../../store";
import { createDemoApiServer, type DemoApiServer } from "../../server";
import { seedSystemObjects } from "../../systemObjects";
import { ApiClient } from "./apiClient";

export interface TestServer {
  store: ObjectStore;
  server: DemoApiServer;
  client: ApiClient;
  close(): Promise<void>;
}

/** A demo apiserver on an ephemeral loopback port over plain HTTP, with the system namespaces. */
export async function startTestServer(options: { bookmarkIntervalMs?: number } = {}): Promise<TestServer> {
  const store = new ObjectStore();
  seedSystemObjects(store);
  const token = "test-token";
  const server = createDemoApiServer({ store, token, bookmarkIntervalMs: options.bookmarkIntervalMs });
  const url = await server.listen(0, "127.0.0.1");
  return { store, server, client: new ApiClient(url, token), close: () => server.close() };
}
