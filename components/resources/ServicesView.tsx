"use client";
import { useMemo } from "react";
import { refusalOf, useLiveResource } from "@/components/live/useLiveResource";
import { countEndpointsByService, serviceKey } from "@/lib/k8s/serviceSummary";
import type { EndpointSlice, Service } from "@/lib/k8s/types";
import { ResourceTable } from "./ResourceTable";
import { ResourceListView, LIST_HEIGHT, emptyText } from "./ResourceListView";
import { filterByName, useListControls } from "./useListControls";
import { serviceColumns, toServiceRow } from "./serviceRows";

const defaultSort = [{ id: "name", desc: false }];

export function ServicesView() {
  const controls = useListControls(defaultSort);
  const services = useLiveResource<Service>("services", controls.namespace);
  const slices = useLiveResource<EndpointSlice>("endpointslices", controls.namespace);
  const rows = useMemo(() => {
    const counts = countEndpointsByService(slices.items);
    return services.items.map((service) => toServiceRow(service, counts.get(serviceKey(service))));
  }, [services.items, slices.items]);
  const shown = useMemo(() => filterByName(rows, controls.query), [rows, controls.query]);
  const stale = services.stale || slices.stale;
  return (
    <ResourceListView
      title="Services"
      count={shown.length}
      loaded={services.loaded && slices.loaded}
      stale={stale}
      staleReason={services.staleReason ?? slices.staleReason}
      refused={refusalOf(services, slices)}
      query={controls.query}
      onQueryChange={controls.setQuery}
      emptyText={emptyText("services", controls.namespace, controls.query)}
    >
      <ResourceTable
        label="Services"
        rows={shown}
        columns={serviceColumns}
        rowId={(row) => row.id}
        sorting={controls.sorting}
        onSortingChange={controls.setSorting}
        onOpen={(row) => controls.open(row.id)}
        selectedId={controls.selected}
        stale={stale}
        height={LIST_HEIGHT}
      />
    </ResourceListView>
  );
}
