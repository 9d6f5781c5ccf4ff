import type { ServerMessage } from "@/lib/wire/stream";
import type { CacheView } from "./cacheView";
import type { FlowControl } from "./flowControl";
import type { ConnectionScopes } from "./streamAccess";

/** What the kind subscriptions and topology views of one stream connection need from it. */
export interface ConnectionParts {
  cache: CacheView;
  scopes: ConnectionScopes;
  flow: FlowControl;
  personName: string;
  send(message: ServerMessage): void;
  isClosed(): boolean;
}
