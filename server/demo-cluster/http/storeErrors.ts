import { qualifiedName, type ResourceInfo } from "../resources";
import { StoreError } from "../store";
import { ApiError } from "./apiError";

/** Rewrites a StoreError with kube-apiserver's wording: qualified resource ("deployments.apps") and details. */
export function qualifyStoreError(error: unknown, info: ResourceInfo, name: string): unknown {
  if (!(error instanceof StoreError)) return error;
  const resource = qualifiedName(info);
  const details = { name, ...(info.group ? { group: info.group } : {}), kind: info.plural };
  switch (error.reason) {
    case "NotFound":
      return ApiError.notFound(resource, name, info.group || undefined);
    case "AlreadyExists":
      return new ApiError(409, "AlreadyExists", `${resource} "${name}" already exists`, details);
    case "Conflict":
      return new ApiError(409, "Conflict", `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`, details);
    default:
      return error;
  }
}

/** Runs a store call and rethrows its failure in kube-apiserver's words. */
export function qualified<T>(info: ResourceInfo, name: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw qualifyStoreError(error, info, name);
  }
}
