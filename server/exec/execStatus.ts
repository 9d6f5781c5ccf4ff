import { ExecCloseCode } from "@/lib/wire/exec";

/** How an exec ended according to the metav1.Status on the error channel. */
export type ExecStatus = { kind: "exit"; code: number } | { kind: "failure"; message: string };

interface StatusBody {
  status?: string;
  message?: string;
  reason?: string;
  details?: { causes?: { reason?: string; message?: string }[] };
}

/** Success is exit 0; NonZeroExitCode carries the code as its ExitCode cause; anything else is a failure to report. */
export function readExecStatus(payload: Buffer): ExecStatus {
  let body: StatusBody;
  try {
    body = JSON.parse(payload.toString("utf8")) as StatusBody;
  } catch {
    return { kind: "failure", message: `the container runtime sent an unreadable status: ${payload.toString("utf8").slice(0, 200)}` };
  }
  if (body.status === "Success") return { kind: "exit", code: 0 };
  if (body.reason === "NonZeroExitCode") {
    const cause = body.details?.causes?.find((c) => c.reason === "ExitCode");
    const code = Number.parseInt(cause?.message ?? "", 10);
    if (Number.isInteger(code)) return { kind: "exit", code };
  }
  return { kind: "failure", message: body.message || "the command failed in the container without a message" };
}

/** The apiserver's plain HTTP answer to the exec upgrade, as a message for the person and a close code. */
export interface ExecRefusal {
  status: number;
  message: string;
  closeCode: number;
}

const closeCodes: Record<number, number> = {
  400: ExecCloseCode.BadRequest,
  401: ExecCloseCode.SessionEnded,
  403: ExecCloseCode.Forbidden,
  404: ExecCloseCode.NotFound,
};

/** 400, 401, 403 and 404 have their own close codes; any other refusal is 1011. */
export function readRefusal(status: number, body: string): ExecRefusal {
  let message = "";
  try {
    message = (JSON.parse(body) as StatusBody).message ?? "";
  } catch {
    message = body.trim().slice(0, 300);
  }
  return { status, message: message || `the apiserver refused the exec (HTTP ${status})`, closeCode: closeCodes[status] ?? 1011 };
}
