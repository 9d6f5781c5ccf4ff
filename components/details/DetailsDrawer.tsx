"use client";
import { useMemo } from "react";
import { Alert, Code, Drawer, Group, ScrollArea, Stack, Tabs, Text } from "@mantine/core";
import { formatObjectRef, parseObjectRef, type ObjectRef } from "@/lib/k8s/objectRef";
import type { KubeObject } from "@/lib/k8s/types";
import type { ObjectDetails as ObjectDetailsBody } from "@/lib/wire/resources";
import { useLiveResource } from "@/components/live/useLiveResource";
import { useUrlState } from "@/components/ui/useUrlState";
import { Age } from "@/components/resources/Age";
import { ForbiddenNotice } from "@/components/resources/ForbiddenNotice";
import { ApiRequestError } from "@/lib/wire/readApiError";
import { ShellButton } from "@/components/terminal/ShellButton";
import { useShellOpen } from "@/components/terminal/openShells";
import { KeyValueTable, LabelChips } from "./KeyValueList";
import { ConditionsTable, ContainersTable, EventsTable, OwnerChain, Section } from "./DetailsSections";
import { KindOverview } from "./KindOverview";
import { useObjectDetails } from "./useObjectDetails";
import { containersOf } from "./containerViews";

const singular: Record<string, string> = { pods: "Pod", nodes: "Node", services: "Service", deployments: "Deployment", replicasets: "ReplicaSet", statefulsets: "StatefulSet", daemonsets: "DaemonSet", jobs: "Job", cronjobs: "CronJob" };

/** The details of the object named by `?selected=`, over whatever list is open. */
export function DetailsDrawer() {
  const url = useUrlState();
  const ref = useMemo(() => (url.selected ? parseObjectRef(url.selected) : undefined), [url.selected]);
  const close = () => url.update({ selected: undefined }, "push");
  const title = ref ? `${singular[ref.resource] ?? ref.resource} ${ref.name}` : "";
  // Escape in an open shell dialog closes that dialog only.
  const shellOpen = useShellOpen();
  return (
    <Drawer opened={ref !== undefined} onClose={close} closeOnEscape={!shellOpen} position="right" size="xl" title={title} styles={{ title: { fontWeight: 600, fontSize: "var(--mantine-font-size-lg)" } }}>
      {url.selected && !ref && <Alert color="red">“{url.selected}” is not an object reference like pods/namespace/name.</Alert>}
      {ref && <ObjectDetails objectRef={ref} />}
    </Drawer>
  );
}

/** Overview and YAML of one object, kept live; the drawer and the topology panel both show it. */
export function ObjectDetails({ objectRef }: { objectRef: ObjectRef }) {
  const selected = formatObjectRef(objectRef);
  const live = useLiveResource(objectRef.resource, objectRef.namespace);
  const object = useMemo(() => live.items.find((o) => o.metadata.name === objectRef.name), [live.items, objectRef.name]);
  const details = useObjectDetails(selected, object?.metadata.resourceVersion);
  if (!live.loaded) return <Text c="dimmed">Loading…</Text>;
  if (live.refused) return <ForbiddenNotice refusals={[live.refused]} />;
  if (!object) return <Alert color="yellow" title="Not found">{objectRef.resource} “{objectRef.name}” does not exist{objectRef.namespace ? ` in namespace ${objectRef.namespace}` : ""} (any more).</Alert>;
  return (
    <Tabs defaultValue="overview" keepMounted={false}>
      <Group justify="space-between" align="end" mb="md" wrap="nowrap">
        <Tabs.List style={{ flex: 1 }}>
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          <Tabs.Tab value="yaml">YAML</Tabs.Tab>
        </Tabs.List>
        {details.data?.actions?.exec && object.kind === "Pod" && <ShellButton pod={object} />}
      </Group>
      <Tabs.Panel value="overview">
        {live.stale && <Alert color="yellow" mb="sm">Data may be out of date: {live.staleReason}</Alert>}
        {/* A refused get is the cluster's refusal, with who asked and how to be let in; other failures are said as they are. */}
        {details.error && (details.error instanceof ApiRequestError && details.error.status === 403 ? <ForbiddenNotice refusals={[details.error.message]} /> : <Alert color="red" mb="sm">{details.error.message}</Alert>)}
        <Overview object={object} details={details.data} />
      </Tabs.Panel>
      <Tabs.Panel value="yaml">
        <ScrollArea.Autosize mah="calc(100dvh - 180px)">
          <Code block>{details.data?.yaml ?? "Loading…"}</Code>
        </ScrollArea.Autosize>
      </Tabs.Panel>
    </Tabs>
  );
}

function Overview({ object, details }: { object: KubeObject; details: ObjectDetailsBody | undefined }) {
  const meta = object.metadata;
  return (
    <Stack gap="lg">
      <Section title="Metadata">
        <KeyValueTable
          label="Metadata"
          entries={[
            ["Name", meta.name],
            ["Namespace", meta.namespace],
            ["UID", meta.uid],
            ["Created", meta.creationTimestamp],
            ["Resource version", meta.resourceVersion],
          ]}
        />
        {meta.creationTimestamp && <Text size="sm" c="dimmed">Age <Age timestamp={meta.creationTimestamp} /></Text>}
      </Section>
      <Section title="Labels"><LabelChips labels={meta.labels} /></Section>
      <Section title="Annotations"><KeyValueTable label="Annotations" entries={Object.entries(meta.annotations ?? {})} /></Section>
      <Section title="Owners"><OwnerChain owners={details?.owners} /></Section>
      <KindOverview object={object} related={details?.related} />
      {containersOf(object).length > 0 && <Section title="Containers"><ContainersTable object={object} /></Section>}
      <Section title="Conditions"><ConditionsTable object={object} /></Section>
      <Section title="Events"><EventsTable events={details?.events} /></Section>
    </Stack>
  );
}
