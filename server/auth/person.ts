/** Who a request is made for. Everything done in the cluster for a request is done as this person. */
export interface Person {
  /** Kubernetes user name, sent as Impersonate-User. */
  name: string;
  /** Kubernetes groups, sent as Impersonate-Group (system:authenticated is added by the apiserver). */
  groups: string[];
  /**
   * How the request was authenticated. "local" is the `none` login mode on loopback: the person is
   * whoever owns the kubeconfig, so requests go out with the kubeconfig's identity unchanged.
   */
  via: "session" | "basic" | "embed" | "local";
  /** The login session, so streams and shells can be closed when it ends. */
  sessionId?: string;
  /** Epoch milliseconds after which this login is no longer valid. */
  expiresAt?: number;
  /** The person's OIDC token, used instead of impersonation when token pass-through is configured. */
  bearerToken?: string;
  /** Embed tokens and read-only mode: nothing may change the cluster. */
  readOnly: boolean;
  /** For embed tokens: the one view or panel the token opens. */
  scope?: string;
  /** An embed token made by the local person: its requests keep the kubeconfig's identity, as the local person's do. */
  madeByLocal?: boolean;
}
