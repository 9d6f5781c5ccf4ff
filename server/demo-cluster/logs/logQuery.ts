import { badRequest, StatusError } from "./statusError";

/** The kubelet's log options, with since* resolved to an absolute time. */
export interface LogQuery {
  container?: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  /** Only lines at or after this time (ms since the epoch). */
  sinceMs?: number;
  limitBytes?: number;
}

const trueWords = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const falseWords = new Set(["0", "f", "F", "FALSE", "false", "False"]);

/** strconv.ParseBool, as the apiserver decodes query booleans; absent is false. */
export function parseBool(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  if (value === null || value === "") return false;
  if (trueWords.has(value)) return true;
  if (falseWords.has(value)) return false;
  throw badRequest(`invalid value for ${name}: strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`);
}

function parseInteger(params: URLSearchParams, name: string): number | undefined {
  const value = params.get(name);
  if (value === null || value === "") return undefined;
  if (!/^-?\d+$/.test(value)) throw badRequest(`invalid value for ${name}: strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`);
  return Number(value);
}

function invalid(podName: string, field: string, value: unknown, detail: string): StatusError {
  return new StatusError(422, "Invalid", `PodLogOptions "${podName}" is invalid: ${field}: Invalid value: ${value}: ${detail}`);
}

/** Parses and validates the query like ValidatePodLogOptions; errors are Status-ready. */
export function parseLogQuery(params: URLSearchParams, podName: string, nowMs: number): LogQuery {
  const tailLines = parseInteger(params, "tailLines");
  const sinceSeconds = parseInteger(params, "sinceSeconds");
  const limitBytes = parseInteger(params, "limitBytes");
  const sinceTime = params.get("sinceTime") || undefined;
  if (tailLines !== undefined && tailLines < 0) throw invalid(podName, "tailLines", tailLines, "must be greater than or equal to 0");
  if (limitBytes !== undefined && limitBytes < 1) throw invalid(podName, "limitBytes", limitBytes, "must be greater than 0");
  if (sinceSeconds !== undefined && sinceTime !== undefined) {
    throw new StatusError(422, "Invalid", `PodLogOptions "${podName}" is invalid: sinceSeconds: Forbidden: at most one of \`sinceTime\` or \`sinceSeconds\` may be specified`);
  }
  if (sinceSeconds !== undefined && sinceSeconds < 1) throw invalid(podName, "sinceSeconds", sinceSeconds, "must be greater than 0");
  return {
    container: params.get("container") || undefined,
    follow: parseBool(params, "follow"),
    previous: parseBool(params, "previous"),
    timestamps: parseBool(params, "timestamps"),
    tailLines,
    sinceMs: sinceSeconds !== undefined ? nowMs - sinceSeconds * 1000 : parseSinceTime(sinceTime),
    limitBytes,
  };
}

function parseSinceTime(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) throw badRequest(`invalid value for sinceTime: parsing time ${JSON.stringify(value)} as "2006-01-02T15:04:05Z07:00": cannot parse`);
  return ms;
}
