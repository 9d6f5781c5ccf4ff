import path from "node:path";
import type { ClusterConnection } from "../kube/connect";
import { FileStateStore } from "./fileStateStore";
import { parseSecretRef } from "./secretRef";
import { SecretStateStore, StateSecretError } from "./secretStateStore";
import type { StateStore } from "./stateStore";

// On globalThis so the custom server and Next's bundle share one store (and one watch of the Secret).
const holderKey = Symbol.for("orrery.state.store");
type Holder = { [holderKey]?: { shared?: StateStore; byDirectory: Map<string, StateStore> } };

function holder(): NonNullable<Holder[typeof holderKey]> {
  const global = globalThis as Holder;
  return (global[holderKey] ??= { byDirectory: new Map() });
}

/**
 * Opens the store `--state-secret` names (reading the Secret with Orrery's own identity; a StateSecretError
 * when it is missing or forbidden) and makes it the process's; without the flag, the data directory's.
 */
export async function openProcessStateStore(stateSecret: string | undefined, dataDir: string, connection: ClusterConnection): Promise<StateStore> {
  if (stateSecret === undefined) return stateStoreFor(dataDir);
  const ref = parseSecretRef(stateSecret);
  if (!ref) throw new StateSecretError(`--state-secret ${JSON.stringify(stateSecret)} is not <namespace>/<name>`);
  const store = await SecretStateStore.open(connection, ref);
  holder().shared = store;
  return store;
}

/** The process's state store: the state Secret when one was opened, else the files of `dataDir`. */
export function stateStoreFor(dataDir: string): StateStore {
  const state = holder();
  if (state.shared) return state.shared;
  const directory = path.resolve(dataDir);
  let store = state.byDirectory.get(directory);
  if (!store) {
    store = new FileStateStore(directory);
    state.byDirectory.set(directory, store);
  }
  return store;
}

/** Stops watching and waits for pending writes (shutdown). */
export async function closeProcessStateStore(): Promise<void> {
  const state = holder();
  await Promise.all([state.shared, ...state.byDirectory.values()].map((store) => store?.close()));
}
