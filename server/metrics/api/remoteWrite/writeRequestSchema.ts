import protobuf from "protobufjs";

// Prometheus remote write 1.0 (prompb/remote.proto and types.proto), the fields a receiver reads; exemplars are skipped.
const schema = {
  nested: {
    prometheus: {
      nested: {
        WriteRequest: {
          fields: {
            timeseries: { rule: "repeated", type: "TimeSeries", id: 1 },
            metadata: { rule: "repeated", type: "MetricMetadata", id: 3 },
          },
        },
        TimeSeries: {
          fields: {
            labels: { rule: "repeated", type: "Label", id: 1 },
            samples: { rule: "repeated", type: "Sample", id: 2 },
            histograms: { rule: "repeated", type: "Histogram", id: 4 },
          },
        },
        Label: { fields: { name: { type: "string", id: 1 }, value: { type: "string", id: 2 } } },
        Sample: { fields: { value: { type: "double", id: 1 }, timestamp: { type: "int64", id: 2 } } },
        BucketSpan: { fields: { offset: { type: "sint32", id: 1 }, length: { type: "uint32", id: 2 } } },
        Histogram: {
          oneofs: { count: { oneof: ["countInt", "countFloat"] }, zeroCount: { oneof: ["zeroCountInt", "zeroCountFloat"] } },
          fields: {
            countInt: { type: "uint64", id: 1 },
            countFloat: { type: "double", id: 2 },
            sum: { type: "double", id: 3 },
            schema: { type: "sint32", id: 4 },
            zeroThreshold: { type: "double", id: 5 },
            zeroCountInt: { type: "uint64", id: 6 },
            zeroCountFloat: { type: "double", id: 7 },
            negativeSpans: { rule: "repeated", type: "BucketSpan", id: 8 },
            negativeDeltas: { rule: "repeated", type: "sint64", id: 9 },
            negativeCounts: { rule: "repeated", type: "double", id: 10 },
            positiveSpans: { rule: "repeated", type: "BucketSpan", id: 11 },
            positiveDeltas: { rule: "repeated", type: "sint64", id: 12 },
            positiveCounts: { rule: "repeated", type: "double", id: 13 },
            resetHint: { type: "int32", id: 14 },
            timestamp: { type: "int64", id: 15 },
            customValues: { rule: "repeated", type: "double", id: 16 },
          },
        },
        MetricMetadata: {
          fields: {
            type: { type: "int32", id: 1 },
            metricFamilyName: { type: "string", id: 2 },
            help: { type: "string", id: 4 },
            unit: { type: "string", id: 5 },
          },
        },
      },
    },
  },
};

/** The WriteRequest message type; decode with it, then toObject with numbers for 64-bit fields. */
export const writeRequestType = protobuf.Root.fromJSON(schema).lookupType("prometheus.WriteRequest");

export interface WireLabel {
  name: string;
  value: string;
}

export interface WireSpan {
  offset: number;
  length: number;
}

export interface WireHistogram {
  countInt?: number;
  countFloat?: number;
  sum: number;
  schema: number;
  zeroThreshold: number;
  zeroCountInt?: number;
  zeroCountFloat?: number;
  negativeSpans: WireSpan[];
  negativeDeltas: number[];
  negativeCounts: number[];
  positiveSpans: WireSpan[];
  positiveDeltas: number[];
  positiveCounts: number[];
  resetHint: number;
  timestamp: number;
  customValues: number[];
}

export interface WireTimeSeries {
  labels: WireLabel[];
  samples: { value: number; timestamp: number }[];
  histograms: WireHistogram[];
}

export interface WireMetadata {
  type: number;
  metricFamilyName: string;
  help: string;
  unit: string;
}

/** A decoded WriteRequest with defaults filled in and 64-bit integers as numbers. */
export interface WireWriteRequest {
  timeseries: WireTimeSeries[];
  metadata: WireMetadata[];
}
