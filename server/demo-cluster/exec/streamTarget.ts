import type { ObjectStore } from "../store";
import { resolveContainerName } from "../logs/containerRuns";
import { findContainer, type PodView, toPodView } from "../logs/podView";
import { badRequest, notFound } from "../logs/statusError";
import { parseStreamQuery, type StreamKind, type StreamQuery } from "./execQuery";

/** A validated exec/attach request: the pod, a running container and what to stream. */
export interface StreamTarget {
  kind: StreamKind;
  pod: PodView;
  containerName: string;
  query: StreamQuery;
}

/** Checks everything that can be answered over plain HTTP before the websocket upgrade. */
export function resolveStreamTarget(store: ObjectStore, kind: StreamKind, namespace: string, name: string, params: URLSearchParams): StreamTarget {
  const query = parseStreamQuery(params, kind);
  const object = store.get("pods", namespace, name);
  if (!object) throw notFound(`pods "${name}" not found`);
  const pod = toPodView(object);
  const containerName = resolveContainerName(pod, query.container);
  if (!pod.spec.nodeName) throw badRequest(`pod ${name} does not have a host assigned`);
  const running = findContainer(pod, containerName)?.status?.state?.running;
  if (!running) throw badRequest(`container not found ("${containerName}")`);
  return { kind, pod, containerName, query };
}
