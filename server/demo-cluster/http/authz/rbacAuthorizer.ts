import type { ObjectStore } from "../../store";
import { ruleAllows } from "./ruleMatch";
import { mastersGroup, rbacKeys, type BindingObject, type PolicyRule, type RequestAttributes, type RoleObject, type Subject, type UserInfo } from "./rbacTypes";

export interface Decision {
  allowed: boolean;
  /** kube's wording: `RBAC: allowed by RoleBinding "x/ns" of ClusterRole "edit" to User "dev"`, or the errors met while denying. */
  reason: string;
}

export interface RulesOfUser {
  rules: PolicyRule[];
  /** Bindings that refer to a missing role: the rules are then incomplete. */
  errors: string[];
}

/** Called for each rule that applies to the user; returning false stops the walk. */
type RuleVisitor = (source: string, rule: PolicyRule) => boolean;

const serviceAccountPrefix = "system:serviceaccount:";

function describeSubject(subject: Subject): string {
  const name = subject.kind === "ServiceAccount" && subject.namespace ? `${subject.namespace}/${subject.name ?? ""}` : subject.name ?? "";
  return `${subject.kind ?? ""} ${JSON.stringify(name)}`;
}

/** Whether a binding's subject is this user; a ServiceAccount subject without a namespace takes the binding's. */
function appliesTo(subject: Subject, user: UserInfo, bindingNamespace: string): Subject | undefined {
  switch (subject.kind) {
    case "User":
      return subject.name === user.user ? subject : undefined;
    case "Group":
      return subject.name !== undefined && user.groups.includes(subject.name) ? subject : undefined;
    case "ServiceAccount": {
      const namespace = subject.namespace || bindingNamespace;
      return namespace !== "" && user.user === `${serviceAccountPrefix}${namespace}:${subject.name ?? ""}` ? subject : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * RBAC as kube-apiserver evaluates it: ClusterRoleBindings grant everywhere, RoleBindings only in their
 * namespace, the first rule that allows wins, and system:masters passes every check. Aggregated roles are not computed.
 */
export class RbacAuthorizer {
  constructor(private readonly store: ObjectStore) {}

  authorize(user: UserInfo, attrs: RequestAttributes): Decision {
    if (user.groups.includes(mastersGroup)) return { allowed: true, reason: "" };
    let reason = "";
    const errors = this.visitRules(user, attrs.namespace, (source, rule) => {
      if (!ruleAllows(attrs, rule)) return true;
      reason = `RBAC: allowed by ${source}`;
      return false;
    });
    if (reason !== "") return { allowed: true, reason };
    return { allowed: false, reason: errors.length === 0 ? "" : `RBAC: ${errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`}` };
  }

  /** Every rule that applies to the user in `namespace` (cluster-wide ones included), for SelfSubjectRulesReview. */
  rulesFor(user: UserInfo, namespace: string): RulesOfUser {
    const rules: PolicyRule[] = [];
    const errors = this.visitRules(user, namespace, (_source, rule) => {
      rules.push(rule);
      return true;
    });
    return { rules, errors };
  }

  private visitRules(user: UserInfo, namespace: string, visit: RuleVisitor): string[] {
    const errors: string[] = [];
    for (const binding of this.store.list(rbacKeys.clusterRoleBindings) as BindingObject[]) {
      if (!this.visitBinding(binding, user, "", errors, visit)) return errors;
    }
    if (namespace === "") return errors;
    for (const binding of this.store.list(rbacKeys.roleBindings, namespace) as BindingObject[]) {
      if (!this.visitBinding(binding, user, namespace, errors, visit)) return errors;
    }
    return errors;
  }

  /** False when the visitor asked to stop. */
  private visitBinding(binding: BindingObject, user: UserInfo, namespace: string, errors: string[], visit: RuleVisitor): boolean {
    const subject = (binding.subjects ?? []).map((s) => appliesTo(s, user, namespace)).find((s) => s !== undefined);
    if (!subject) return true;
    const ref = binding.roleRef ?? {};
    const role = this.role(ref.kind ?? "", ref.name ?? "", namespace);
    if (!role) {
      errors.push(`${ref.kind === "Role" ? "role" : "clusterrole"}.rbac.authorization.k8s.io ${JSON.stringify(ref.name ?? "")} not found`);
      return true;
    }
    const kindOfBinding = namespace === "" ? "ClusterRoleBinding" : "RoleBinding";
    const bindingName = namespace === "" ? binding.metadata.name : `${binding.metadata.name}/${namespace}`;
    const source = `${kindOfBinding} ${JSON.stringify(bindingName)} of ${ref.kind} ${JSON.stringify(ref.name)} to ${describeSubject(subject)}`;
    for (const rule of role.rules ?? []) if (!visit(source, rule)) return false;
    return true;
  }

  private role(kind: string, name: string, namespace: string): RoleObject | undefined {
    if (kind === "ClusterRole") return this.store.get(rbacKeys.clusterRoles, undefined, name) as RoleObject | undefined;
    // A ClusterRoleBinding may only refer to a ClusterRole.
    if (kind === "Role" && namespace !== "") return this.store.get(rbacKeys.roles, namespace, name) as RoleObject | undefined;
    return undefined;
  }
}
