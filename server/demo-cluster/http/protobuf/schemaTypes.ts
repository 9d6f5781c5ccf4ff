/**
 * [json name, type, cardinality, omitWhenZero]; type is a scalar name or a fully qualified message name.
 * omitWhenZero marks Go fields that protobuf always carries but JSON omits when zero.
 */
export type FieldSchema = [name: string, type: string, cardinality: "one" | "repeated" | "map", omitWhenZero?: boolean];

/** Message name → field number → field. */
export type MessageSchemas = Record<string, Record<string, FieldSchema>>;

export const scalarTypes = new Set(["string", "bytes", "bool", "int32", "int64", "uint32", "uint64", "double", "float", "fixed32", "fixed64", "sint32", "sint64"]);
