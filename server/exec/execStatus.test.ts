import { describe, expect, test } from "vitest";
import { exitStatus, failureStatus } from "@/server/demo-cluster/exec/channels";
import { readExecStatus, readRefusal } from "./execStatus";

const payload = (status: unknown) => Buffer.from(JSON.stringify(status));

describe("readExecStatus", () => {
  test("Success is exit 0 and NonZeroExitCode carries its ExitCode cause", () => {
    expect(readExecStatus(payload(exitStatus(0)))).toEqual({ kind: "exit", code: 0 });
    expect(readExecStatus(payload(exitStatus(137)))).toEqual({ kind: "exit", code: 137 });
  });

  test("any other Failure is reported with the kubelet's message", () => {
    expect(readExecStatus(payload(failureStatus("OCI runtime exec failed: exec: \"bash\": executable file not found in $PATH")))).toEqual({ kind: "failure", message: 'OCI runtime exec failed: exec: "bash": executable file not found in $PATH' });
    expect(readExecStatus(Buffer.from("not json"))).toMatchObject({ kind: "failure", message: expect.stringMatching(/unreadable status: not json/) });
  });
});

describe("readRefusal", () => {
  test("maps the apiserver's refusal to the close codes the terminal knows", () => {
    expect(readRefusal(403, '{"kind":"Status","message":"pods \\"web\\" is forbidden"}')).toEqual({ status: 403, message: 'pods "web" is forbidden', closeCode: 4403 });
    expect(readRefusal(404, '{"message":"pods \\"x\\" not found"}').closeCode).toBe(4404);
    expect(readRefusal(400, '{"message":"container y is not valid for pod x"}').closeCode).toBe(4400);
    expect(readRefusal(401, "").closeCode).toBe(4401);
    expect(readRefusal(502, "")).toEqual({ status: 502, message: "the apiserver refused the exec (HTTP 502)", closeCode: 1011 });
  });
});
