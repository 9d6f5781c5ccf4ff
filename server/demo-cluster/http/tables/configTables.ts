import type { KubeObject } from "@/server/kube/types";
import { field, list, num, record, str, strings } from "../objectAccess";
import { ageSince } from "./humanDuration";
import { age, ageColumn, column, nameColumn, type TablePrinter } from "./columns";

const count = (value: unknown) => Object.keys(record(value)).length;

export const namespacePrinter: TablePrinter = {
  columns: [nameColumn, column("Status", "The status of the namespace"), ageColumn],
  cells: (o, now) => [o.metadata.name, str(field(o, "status", "phase")), age(o, now)],
};

export const configMapPrinter: TablePrinter = {
  columns: [nameColumn, column("Data", "Data contains the configuration data."), ageColumn],
  cells: (o, now) => [o.metadata.name, count(o.data) + count(o.binaryData), age(o, now)],
};

export const secretPrinter: TablePrinter = {
  columns: [nameColumn, column("Type", "Used to facilitate programmatic handling of secret data."), column("Data", "Data contains the secret data."), ageColumn],
  cells: (o, now) => [o.metadata.name, str(o.type), count(o.data), age(o, now)],
};

export const serviceAccountPrinter: TablePrinter = {
  columns: [nameColumn, column("Secrets", "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use."), ageColumn],
  cells: (o, now) => [o.metadata.name, list(o.secrets).length, age(o, now)],
};

function eventSource(o: KubeObject): string {
  const component = str(field(o, "source", "component")) || str(o.reportingComponent);
  const host = str(field(o, "source", "host")) || str(o.reportingInstance);
  return host ? `${component}, ${host}` : component;
}

export const eventPrinter: TablePrinter = {
  columns: [
    column("Last Seen", "The time at which the most recent occurrence of this event was recorded."),
    column("Type", "Type of this event (Normal, Warning), new types could be added in the future"),
    column("Reason", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
    column("Object", "The object that this event is about."),
    column("Subobject", "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement.", { priority: 1 }),
    column("Source", "The component reporting this event. Should be a short machine understandable string.", { priority: 1 }),
    column("Message", "A human-readable description of the status of this operation."),
    column("First Seen", "The time at which the event was first recorded.", { priority: 1 }),
    column("Count", "The number of times this event has occurred.", { priority: 1 }),
    column("Name", "Name must be unique within a namespace.", { priority: 1, format: "name" }),
  ],
  cells(o, now) {
    const first = o.firstTimestamp ? ageSince(o.firstTimestamp, now) : ageSince(o.eventTime, now);
    const series = record(o.series);
    const last = o.series ? ageSince(series.lastObservedTime, now) : o.lastTimestamp ? ageSince(o.lastTimestamp, now) : first;
    const times = o.series ? num(series.count) : num(o.count) || 1;
    const kind = str(field(o, "involvedObject", "kind")).toLowerCase();
    const name = str(field(o, "involvedObject", "name"));
    const target = name ? `${kind}/${name}` : kind;
    return [last, str(o.type), str(o.reason), target, str(field(o, "involvedObject", "fieldPath")), eventSource(o), str(o.message).trim(), first, times, o.metadata.name];
  },
};

const accessModeShort: [string, string][] = [["ReadWriteOnce", "RWO"], ["ReadOnlyMany", "ROX"], ["ReadWriteMany", "RWX"], ["ReadWriteOncePod", "RWOP"]];

function accessModes(value: unknown): string {
  const modes = strings(value);
  return accessModeShort.filter(([mode]) => modes.includes(mode)).map(([, short]) => short).join(",");
}

function storageClass(o: KubeObject): string {
  return str(field(o, "spec", "storageClassName")) || (o.metadata.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? "");
}

export const pvcPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column("Status", "phase represents the current phase of PersistentVolumeClaim."),
    column("Volume", "volumeName is the binding reference to the PersistentVolume backing this claim."),
    column("Capacity", "capacity represents the actual resources of the underlying volume."),
    column("Access Modes", "accessModes contains the actual access modes the volume backing the PVC has."),
    column("StorageClass", "StorageClass of the pvc"),
    column("VolumeAttributesClass", "VolumeAttributesClass of the pvc"),
    ageColumn,
    column("VolumeMode", "volumeMode defines what type of volume is required by the claim.", { priority: 1 }),
  ],
  cells(o, now) {
    const bound = str(field(o, "spec", "volumeName"));
    const phase = o.metadata.deletionTimestamp ? "Terminating" : str(field(o, "status", "phase"));
    return [
      o.metadata.name, phase, bound, bound ? str(field(o, "status", "capacity", "storage")) : "", bound ? accessModes(field(o, "status", "accessModes")) : "",
      storageClass(o), str(field(o, "spec", "volumeAttributesClassName")) || "<unset>", age(o, now), str(field(o, "spec", "volumeMode")) || "<unset>",
    ];
  },
};

export const pvPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column("Capacity", "capacity is the description of the persistent volume's resources and capacity."),
    column("Access Modes", "accessModes contains all ways the volume can be mounted."),
    column("Reclaim Policy", "persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim."),
    column("Status", "phase indicates if a volume is available, bound to a claim, or released by a claim."),
    column("Claim", "claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim."),
    column("StorageClass", "StorageClass of the pv"),
    column("VolumeAttributesClass", "VolumeAttributesClass of the pv"),
    column("Reason", "reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI."),
    ageColumn,
    column("VolumeMode", "volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.", { priority: 1 }),
  ],
  cells(o, now) {
    const claim = record(field(o, "spec", "claimRef"));
    return [
      o.metadata.name, str(field(o, "spec", "capacity", "storage")), accessModes(field(o, "spec", "accessModes")), str(field(o, "spec", "persistentVolumeReclaimPolicy")),
      o.metadata.deletionTimestamp ? "Terminating" : str(field(o, "status", "phase")), field(o, "spec", "claimRef") ? `${str(claim.namespace)}/${str(claim.name)}` : "",
      storageClass(o), str(field(o, "spec", "volumeAttributesClassName")) || "<unset>", str(field(o, "status", "reason")), age(o, now),
      str(field(o, "spec", "volumeMode")) || "<unset>",
    ];
  },
};

const intOrString = (value: unknown) => (value === undefined ? "N/A" : String(value));

export const pdbPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column("Min Available", "The minimum number of pods that must be available."),
    column("Max Unavailable", "The maximum number of pods that may be unavailable."),
    column("Allowed Disruptions", "Calculated number of pods that may be disrupted at this time.", { type: "integer" }),
    ageColumn,
  ],
  cells: (o, now) => [
    o.metadata.name, intOrString(field(o, "spec", "minAvailable")), intOrString(field(o, "spec", "maxUnavailable")),
    num(field(o, "status", "disruptionsAllowed")), age(o, now),
  ],
};

export const leasePrinter: TablePrinter = {
  columns: [nameColumn, column("Holder", "holderIdentity contains the identity of the holder of a current lease."), ageColumn],
  cells: (o, now) => [o.metadata.name, str(field(o, "spec", "holderIdentity")), age(o, now)],
};

function controllerName(o: KubeObject): string {
  const ref = o.metadata.ownerReferences?.find((r) => r.controller === true);
  if (!ref) return "<none>";
  const group = ref.apiVersion.includes("/") ? ref.apiVersion.split("/")[0] : "";
  return `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
}

export const controllerRevisionPrinter: TablePrinter = {
  columns: [nameColumn, column("Controller", "Controller of the object"), column("Revision", "Revision indicates the revision of the state represented by Data."), ageColumn],
  cells: (o, now) => [o.metadata.name, controllerName(o), num(o.revision), age(o, now)],
};
