import type { Person } from "../auth/person";
import type { ResourceKind } from "../kube/resources";
import { log } from "../log";
import type { ConnectionScopes, usageRightsChanged } from "./streamAccess";

/** Who a connection serves and how often their access is asked again. */
export interface ConnectionIdentity {
  person: Person;
  scopes: ConnectionScopes;
  /** How often access is asked again (Access answers from its cache until entries expire); 0 never. */
  refreshMs: number;
}

export interface AccessWatchHooks {
  /** The kinds the connection serves now, whose scope is asked again. */
  kinds(): ResourceKind[];
  /** The person's scope changed for these kinds (and `usageRightsChanged` when their usage rights did). */
  onChanged(changed: ReadonlySet<ResourceKind | typeof usageRightsChanged>): void;
  /** The person's login expired. */
  onExpired(): void;
}

// setTimeout holds at most 2^31-1 ms; a later expiry is checked again when that fires.
const maxTimerMs = 2 ** 31 - 1;

/** Keeps one connection honest about its person: their access asked again on a timer, and the login's expiry. */
export class AccessWatch {
  private refreshTimer: NodeJS.Timeout | undefined;
  private expiryTimer: NodeJS.Timeout | undefined;
  private refreshing = false;
  private stopped = false;

  constructor(
    private readonly identity: ConnectionIdentity,
    private readonly hooks: AccessWatchHooks,
  ) {
    if (identity.refreshMs > 0) {
      this.refreshTimer = setInterval(() => void this.refresh(), identity.refreshMs);
      this.refreshTimer.unref();
    }
    this.scheduleExpiry();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.refreshTimer);
    clearTimeout(this.expiryTimer);
  }

  private async refresh(): Promise<void> {
    if (this.refreshing || this.stopped) return;
    this.refreshing = true;
    try {
      const changed = new Set(await this.identity.scopes.refresh(this.hooks.kinds()));
      if (!this.stopped) this.hooks.onChanged(changed);
    } catch (err) {
      log.warn({ err, person: this.identity.person.name }, "could not refresh stream access; keeping the last answer");
    } finally {
      this.refreshing = false;
    }
  }

  private scheduleExpiry(): void {
    const expiresAt = this.identity.person.expiresAt;
    if (expiresAt === undefined) return;
    const wait = Math.min(Math.max(expiresAt - Date.now(), 0), maxTimerMs);
    this.expiryTimer = setTimeout(() => {
      if (Date.now() >= expiresAt) this.hooks.onExpired();
      else this.scheduleExpiry();
    }, wait);
    this.expiryTimer.unref();
  }
}
