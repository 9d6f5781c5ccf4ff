import type { TargetName } from "./target";

/** An expectation a target deliberately does not meet, and why; the runner checks it still fails there. */
export interface Difference {
  id: string;
  target: TargetName;
  /** Says what differs and where a reader can check it. */
  reason: string;
}

const noAuthorizer =
  "the demo apiserver has no authorizer and no users: after the token check every request is allowed " +
  "(server/demo-cluster/http/auth.ts accepts any Impersonate-User as is; reviewHandler.ts answers every access review allowed), " +
  "so there is no 'bob' with rights in one namespace only; RBAC is judged on the real cluster only";

export const differences: readonly Difference[] = [
  { id: "access.selfReviewDenied", target: "demo", reason: `${noAuthorizer}; a review for bob is allowed cluster-wide` },
  { id: "access.impersonationForbidden", target: "demo", reason: `${noAuthorizer}; bob's cluster-wide pod list is 200, not 403` },
];

export function differenceFor(id: string, target: TargetName): Difference | undefined {
  return differences.find((d) => d.id === id && d.target === target);
}
