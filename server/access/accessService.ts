import type { Person } from "@/server/auth/person";
import { actsWithKubeconfigIdentity, configuredIdentityMode, connectionFor, type IdentityMode } from "@/server/kube/asPerson";
import type { ClusterConnection } from "@/server/kube/connect";
import { log } from "@/server/log";
import { createLimiter } from "./limiter";
import { PersonAccess } from "./personAccess";
import { AccessReviewError, selfReviewer, subjectReviewer, type Reviewer } from "./reviewers";
import { TtlCache } from "./ttlCache";
import type { Access, AccessCheck, AccessChecker, CheckPurpose } from "./types";

/**
 * Why a check is made, which decides how it is asked:
 * - "list": filtering the shared cache (many checks per person, in the background): a SubjectAccessReview
 *   with Orrery's identity in impersonation mode; a SelfSubjectAccessReview as the person otherwise.
 * - "action": whether to offer an action or shell: always a SelfSubjectAccessReview as the person, the same
 *   path the action itself will take.
 */
export type { CheckPurpose } from "./types";

export interface AccessServiceOptions {
  connection: ClusterConnection;
  /** The namespaces to look into (the shared cache's); visible namespaces are discovered among these. */
  namespaces(): readonly string[];
  mode?: IdentityMode;
  /** Orrery-wide read-only mode (`--read-only`). */
  readOnly?: () => boolean;
  /** How long an answer is kept (default 30 s). */
  ttlMs?: number;
  /** How long a failed review counts as "denied" before it is asked again (default 5 s). */
  errorTtlMs?: number;
  /** Answers kept at most, over all people (default 20 000). */
  maxEntries?: number;
  /** Reviews in flight at most, over all people (default 8). */
  concurrency?: number;
}

function personKey(person: Person): string {
  return `${person.via}\u0000${person.name}\u0000${[...person.groups].sort().join("\u0001")}`;
}

function checkKey(check: AccessCheck): string {
  const r = check.resource;
  return [check.verb, r.group, r.resource, r.subresource ?? "", r.namespace ?? "", r.name ?? ""].join("\u0000");
}

/** Answers access questions for everyone, each answer cached per person and check, with one cap on reviews in flight. */
export class AccessService implements AccessChecker {
  readonly mode: IdentityMode;
  private readonly answers: TtlCache<boolean>;
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
  private subjectReviewsRefused = false;
  /** Reviews sent to the apiserver so far (for tests and metrics). */
  reviewsSent = 0;

  constructor(private readonly options: AccessServiceOptions) {
    this.mode = options.mode ?? configuredIdentityMode();
    this.answers = new TtlCache(options.maxEntries ?? 20_000);
    this.limit = createLimiter(options.concurrency ?? 8);
  }

  accessFor(person: Person): Access {
    return new PersonAccess(this, person);
  }

  namespaces(): readonly string[] {
    return this.options.namespaces();
  }

  isReadOnly(person: Person): boolean {
    return person.readOnly || (this.options.readOnly?.() ?? false);
  }

  /** One check: a cached answer, a review already on its way, or a new review. Failures count as denied. */
  check(person: Person, purpose: CheckPurpose, check: AccessCheck): Promise<boolean> {
    const method = this.methodFor(person, purpose);
    const key = `${method}\u0000${personKey(person)}\u0000${checkKey(check)}`;
    const cached = this.answers.get(key);
    if (cached !== undefined) return Promise.resolve(cached);
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.limit(() => this.review(person, method, check, key)).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private methodFor(person: Person, purpose: CheckPurpose): "self" | "subject" {
    if (purpose === "action" || actsWithKubeconfigIdentity(person) || this.mode === "token" || this.subjectReviewsRefused) return "self";
    return "subject";
  }

  private reviewer(person: Person, method: "self" | "subject"): Reviewer {
    return method === "subject" ? subjectReviewer(this.options.connection, person) : selfReviewer(connectionFor(this.options.connection, person, this.mode));
  }

  private async review(person: Person, method: "self" | "subject", check: AccessCheck, key: string): Promise<boolean> {
    try {
      this.reviewsSent++;
      const allowed = await this.reviewer(person, method)(check);
      this.answers.set(key, allowed, this.options.ttlMs ?? 30_000);
      return allowed;
    } catch (error) {
      if (method === "subject" && error instanceof AccessReviewError && error.status === 403) {
        // Orrery may not create SubjectAccessReviews here: ask as the person from now on.
        if (!this.subjectReviewsRefused) log.warn({ err: error }, "Orrery may not create SubjectAccessReviews; checking access with SelfSubjectAccessReviews as each person instead");
        this.subjectReviewsRefused = true;
        return this.review(person, "self", check, key);
      }
      log.warn({ err: error, person: person.name, verb: check.verb, resource: check.resource }, "access review failed; treating it as denied");
      this.answers.set(key, false, this.options.errorTtlMs ?? 5_000);
      return false;
    }
  }
}
