import type { ClusterConnection } from "./connect";
import { apiErrorFrom, KubeApiError } from "./errors";
import { MalformedObjectError, prepareObject } from "./objects";
import type { ResourceKindInfo } from "./resources";
import type { KubeObject } from "./types";

export interface ListResult {
  items: KubeObject[];
  /** The snapshot's resourceVersion, where a watch continues from. */
  resourceVersion: string;
}

export interface ListPaging {
  pageSize: number;
  pageTimeoutMs: number;
}

interface ListPage {
  items?: unknown;
  metadata?: { resourceVersion?: unknown; continue?: unknown };
}

/** A continue token that keeps expiring this many times in a row means the list cannot finish. */
const maxListRestarts = 5;

/**
 * Lists a whole collection in pages of `pageSize` (limit + continue).
 * A 410 on a continue token means the snapshot was compacted mid-list: start over from the first page.
 */
export async function listAllPages(connection: ClusterConnection, info: ResourceKindInfo, paging: ListPaging, signal: AbortSignal): Promise<ListResult> {
  for (let restart = 0; ; restart++) {
    try {
      return await listOnce(connection, info, paging, signal);
    } catch (error) {
      const expiredContinue = error instanceof ContinueExpired;
      if (!expiredContinue) throw error;
      if (restart >= maxListRestarts) throw error.cause;
    }
  }
}

class ContinueExpired extends Error {
  constructor(readonly cause: KubeApiError) {
    super(cause.message);
  }
}

async function listOnce(connection: ClusterConnection, info: ResourceKindInfo, paging: ListPaging, signal: AbortSignal): Promise<ListResult> {
  const items: KubeObject[] = [];
  let continueToken: string | undefined;
  let resourceVersion = "";
  do {
    const query = `limit=${paging.pageSize}${continueToken ? `&continue=${encodeURIComponent(continueToken)}` : ""}`;
    // Each page has its own deadline, so a large cluster's list is never cut by a total timeout.
    const pageSignal = AbortSignal.any([signal, AbortSignal.timeout(paging.pageTimeoutMs)]);
    const response = await connection.request(`${info.listPath()}?${query}`, { signal: pageSignal });
    if (response.status !== 200) {
      const error = apiErrorFrom(connection.server, response.status, await response.text(), response.headers);
      if (response.status === 410 && continueToken) throw new ContinueExpired(error);
      throw error;
    }
    const page = parsePage(connection.server, info, await response.text());
    for (const raw of page.items as unknown[]) items.push(prepareObject(raw, info));
    resourceVersion = String(page.metadata?.resourceVersion ?? "");
    continueToken = typeof page.metadata?.continue === "string" && page.metadata.continue !== "" ? page.metadata.continue : undefined;
  } while (continueToken);
  if (resourceVersion === "") throw new MalformedObjectError(`the apiserver at ${connection.server} listed ${info.plural} without a resourceVersion`);
  return { items, resourceVersion };
}

function parsePage(server: string, info: ResourceKindInfo, text: string): ListPage {
  let page: ListPage;
  try {
    page = JSON.parse(text) as ListPage;
  } catch {
    throw new MalformedObjectError(`the apiserver at ${server} answered the ${info.plural} list with something that is not JSON: ${text.slice(0, 120)}`);
  }
  if (typeof page !== "object" || page === null || !Array.isArray(page.items)) {
    throw new MalformedObjectError(`the apiserver at ${server} answered the ${info.plural} list without an items array`);
  }
  return page;
}
