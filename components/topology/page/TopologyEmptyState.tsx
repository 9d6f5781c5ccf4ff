"use client";
import { Alert, Group, Loader, Text } from "@mantine/core";
import type { Refusal } from "@/lib/k8s/grantAdvice";
import type { WireListScope } from "@/lib/wire/me";
import type { StreamResourceKind } from "@/lib/wire/stream";
import type { TopologyView } from "@/lib/wire/topology";
import { usePageViewer } from "@/components/auth/PageViewer";
import { useMe } from "@/components/auth/useMe";
import { ForbiddenNotice } from "@/components/resources/ForbiddenNotice";

const controllers: StreamResourceKind[] = ["deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs"];

/** The kinds each view is drawn from (server/topology/views.ts), the one it cannot do without first. */
export const kindsOfView: Record<TopologyView, readonly StreamResourceKind[]> = {
  hosts: ["nodes", "pods"],
  pods: ["pods", "nodes", ...controllers],
  controllers: ["pods", ...controllers],
  services: ["services", "pods", "endpointslices"],
  containers: ["pods"],
  namespaces: ["namespaces", "pods"],
};

const groupOf: Partial<Record<StreamResourceKind, string>> = { endpointslices: "discovery.k8s.io", ...Object.fromEntries(controllers.map((kind) => [kind, kind.endsWith("jobs") ? "batch" : "apps"])) };

/** The kinds `view` needs that the person may not list where the map looks (the picked namespaces, or anywhere). */
export function refusedKinds(view: TopologyView, lists: Partial<Record<StreamResourceKind, WireListScope>>, namespaces: readonly string[]): Refusal[] {
  return kindsOfView[view].flatMap((kind): Refusal[] => {
    const scope = lists[kind];
    if (scope === undefined || scope === "all") return [];
    if (namespaces.length === 0) return scope.length === 0 ? [{ verb: "list", resource: kind, group: groupOf[kind] ?? "" }] : [];
    const missing = kind === "nodes" || kind === "namespaces" ? (scope.length === 0 ? [undefined] : []) : namespaces.filter((ns) => !scope.includes(ns));
    return missing.map((namespace) => ({ verb: "list", resource: kind, group: groupOf[kind] ?? "", ...(namespace ? { namespace } : {}) }));
  });
}

/** An empty map: nothing there, or nothing the person may see, and then who Orrery asked as and how to be let in. */
export function TopologyEmptyState({ view, namespaces }: { view: TopologyView; namespaces: readonly string[] }) {
  const { embedded } = usePageViewer();
  const me = useMe(kindsOfView[view], !embedded);
  if (!embedded && me.isPending) {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">The map is empty; checking what you may see…</Text>
      </Group>
    );
  }
  const refused = me.data ? refusedKinds(view, me.data.lists, namespaces) : [];
  if (refused.length > 0) return <ForbiddenNotice refusals={refused} />;
  return (
    <Alert color="gray" title="Nothing to show" data-testid="topology-empty">
      {namespaces.length > 0 ? `There is nothing in ${namespaces.length === 1 ? "namespace" : "namespaces"} ${namespaces.join(", ")} for this view.` : "There is nothing in the cluster for this view."}
    </Alert>
  );
}
