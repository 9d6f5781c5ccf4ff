import { ApiError } from "../apiError";
import schemasJson from "./schemas.json";
import type { FieldSchema, MessageSchemas } from "./schemaTypes";

const schemas = schemasJson as unknown as MessageSchemas;

/** The 4-byte prefix of every Kubernetes protobuf body ("k8s\0"). */
const magic = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

enum WireType {
  Varint = 0,
  Fixed64 = 1,
  LengthDelimited = 2,
  Fixed32 = 5,
}

interface RawField {
  number: number;
  wire: WireType;
  varint: bigint;
  bytes: Buffer;
}

function unsupported(message: string): ApiError {
  return new ApiError(415, "UnsupportedMediaType", message);
}

/** Splits one protobuf message into its raw fields. */
function* readFields(buffer: Buffer): Generator<RawField> {
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; pos < buffer.length; shift += 7n) {
      const byte = buffer[pos++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return result;
    }
    throw ApiError.badRequest("the protobuf body is truncated");
  };
  while (pos < buffer.length) {
    const key = Number(varint());
    const wire = (key & 7) as WireType;
    const field: RawField = { number: key >>> 3, wire, varint: 0n, bytes: Buffer.alloc(0) };
    if (wire === WireType.Varint) field.varint = varint();
    else if (wire === WireType.LengthDelimited) {
      const length = Number(varint());
      field.bytes = buffer.subarray(pos, pos + length);
      pos += length;
    } else if (wire === WireType.Fixed64 || wire === WireType.Fixed32) {
      const size = wire === WireType.Fixed64 ? 8 : 4;
      field.bytes = buffer.subarray(pos, pos + size);
      pos += size;
    } else throw ApiError.badRequest(`the protobuf body uses wire type ${wire as number}, which Kubernetes types never do`);
    yield field;
  }
}

function scalar(type: string, field: RawField): unknown {
  switch (type) {
    case "string": return field.bytes.toString("utf8");
    case "bytes": return field.bytes.toString("base64");
    case "bool": return field.varint !== 0n;
    case "int32": return Number(BigInt.asIntN(32, field.varint));
    default: return Number(BigInt.asIntN(64, field.varint));
  }
}

/** Types whose JSON form is not their protobuf structure. */
const specialTypes: Record<string, (fields: Record<string, unknown>) => unknown> = {
  // A zero time is JSON null, as metav1.Time marshals it.
  "k8s.io.apimachinery.pkg.apis.meta.v1.Time": (f) => (f.seconds ? new Date(Number(f.seconds) * 1000).toISOString().replace(/\.\d+Z$/, "Z") : null),
  "k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime": (f) => (f.seconds ? new Date(Number(f.seconds) * 1000).toISOString().replace(/\.\d+Z$/, `.${String(Math.floor(Number(f.nanos ?? 0) / 1000)).padStart(6, "0")}Z`) : null),
  "k8s.io.apimachinery.pkg.api.resource.Quantity": (f) => f.string ?? "0",
  "k8s.io.apimachinery.pkg.util.intstr.IntOrString": (f) => (f.type === 1 ? (f.strVal ?? "") : (f.intVal ?? 0)),
  "k8s.io.apimachinery.pkg.runtime.RawExtension": (f) => parseRaw(f.raw),
  "k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1": (f) => parseRaw(f.Raw),
};

function parseRaw(base64: unknown): unknown {
  if (typeof base64 !== "string" || base64 === "") return {};
  const raw = Buffer.from(base64, "base64");
  return raw.subarray(0, 4).equals(magic) ? decodeKubernetesProtobuf(raw) : JSON.parse(raw.toString("utf8"));
}

function value(type: string, field: RawField): unknown {
  if (!(type in schemas) || field.wire !== WireType.LengthDelimited) return scalar(type, field);
  return decodeMessage(field.bytes, type);
}

function addField(out: Record<string, unknown>, [name, type, cardinality, omitWhenZero]: FieldSchema, field: RawField): void {
  if (cardinality === "one") {
    const decoded = value(type, field);
    if (omitWhenZero && (decoded === "" || decoded === 0 || decoded === false)) delete out[name];
    else out[name] = decoded;
  } else if (cardinality === "map") {
    const entry = { key: "", value: undefined as unknown };
    for (const part of readFields(field.bytes)) {
      if (part.number === 1) entry.key = part.bytes.toString("utf8");
      else if (part.number === 2) entry.value = value(type, part);
    }
    const map = (out[name] ??= {}) as Record<string, unknown>;
    map[entry.key] = entry.value ?? (type === "string" ? "" : null);
  } else {
    const items = (out[name] ??= []) as unknown[];
    // Packed numbers arrive as one length-delimited run of varints.
    if (field.wire === WireType.LengthDelimited && !(type in schemas) && type !== "string" && type !== "bytes") {
      for (const packed of readVarints(field.bytes)) items.push(scalar(type, { ...field, varint: packed }));
    } else items.push(value(type, field));
  }
}

function* readVarints(buffer: Buffer): Generator<bigint> {
  let result = 0n;
  let shift = 0n;
  for (const byte of buffer) {
    result |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
    if (byte < 0x80) {
      yield result;
      result = 0n;
      shift = 0n;
    }
  }
}

/** Decodes one message of a known type into its JSON form. */
export function decodeMessage(buffer: Buffer, type: string): unknown {
  const schema = schemas[type];
  if (!schema) throw unsupported(`the demo cluster cannot read protobuf for ${type}; send JSON instead`);
  const out: Record<string, unknown> = {};
  for (const field of readFields(buffer)) {
    const fieldSchema = schema[String(field.number)];
    // Like the Go decoder, fields this version does not know are skipped.
    if (fieldSchema) addField(out, fieldSchema, field);
  }
  const special = specialTypes[type];
  return special ? special(out) : out;
}

/** The protobuf message for an apiVersion and kind, e.g. apps/v1 Deployment → k8s.io.api.apps.v1.Deployment. */
export function messageNameFor(apiVersion: string, kind: string): string {
  if (kind === "DeleteOptions") return "k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions";
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  return `k8s.io.api.${group ? group!.split(".")[0] : "core"}.${version}.${kind}`;
}

/**
 * Reads an `application/vnd.kubernetes.protobuf` body — the "k8s\0" prefix, a runtime.Unknown envelope
 * naming apiVersion and kind, and the object — into the same JSON object a JSON body would give.
 */
export function decodeKubernetesProtobuf(body: Buffer): Record<string, unknown> {
  if (!body.subarray(0, 4).equals(magic)) throw ApiError.badRequest("the protobuf body does not start with the Kubernetes magic prefix");
  const envelope = decodeMessage(body.subarray(4), "k8s.io.apimachinery.pkg.runtime.Unknown") as { typeMeta?: { apiVersion?: string; kind?: string }; raw?: string; contentEncoding?: string };
  const { apiVersion = "", kind = "" } = envelope.typeMeta ?? {};
  if (envelope.contentEncoding) throw unsupported(`protobuf content encoding "${envelope.contentEncoding}" is not supported`);
  const object = decodeMessage(Buffer.from(envelope.raw ?? "", "base64"), messageNameFor(apiVersion, kind)) as Record<string, unknown>;
  return { apiVersion, kind, ...object };
}
