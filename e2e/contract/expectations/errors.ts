import { expect } from "vitest";
import type { KubeObject } from "@/server/kube/types";
import { appsPath, call, corePath, expectStatus, ok } from "../http";
import type { Expectation } from "../target";
import { createConfigMap, uniqueName } from "../workloads";

export const errorExpectations: Expectation[] = [
  {
    id: "errors.notFound",
    title: "getting a missing object is 404 NotFound: `pods \"x\" not found`, details name and kind",
    async run(target) {
      const name = uniqueName("missing");
      const pod = expectStatus(await call(target, corePath(target.namespace, "pods", name)), 404, "NotFound", `pods "${name}" not found`);
      expect(pod.details).toEqual({ name, kind: "pods" });
      // Outside the core group the resource is qualified with its group.
      const deployment = expectStatus(await call(target, appsPath(target.namespace, "deployments", name)), 404, "NotFound", `deployments.apps "${name}" not found`);
      expect(deployment.details).toEqual({ name, group: "apps", kind: "deployments" });
    },
  },
  {
    id: "errors.alreadyExists",
    title: "creating an object twice is 409 AlreadyExists",
    async run(target) {
      const name = uniqueName("twice");
      await createConfigMap(target, name);
      const again = await call(target, corePath(target.namespace, "configmaps"), { method: "POST", body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name } } });
      const status = expectStatus(again, 409, "AlreadyExists", `configmaps "${name}" already exists`);
      expect(status.details).toEqual({ name, kind: "configmaps" });
    },
  },
  {
    id: "errors.conflict",
    title: "an update carrying a stale resourceVersion is 409 Conflict and changes nothing",
    async run(target) {
      const name = uniqueName("stale");
      const created = await createConfigMap(target, name, { v: "1" });
      const path = corePath(target.namespace, "configmaps", name);
      const updated = await ok<KubeObject>(target, path, { method: "PUT", body: { ...created, data: { v: "2" } } });
      expect(Number(updated.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion));
      const stale = await call(target, path, { method: "PUT", body: { ...created, data: { v: "3" } } });
      const message = `Operation cannot be fulfilled on configmaps "${name}": the object has been modified; please apply your changes to the latest version and try again`;
      expect(expectStatus(stale, 409, "Conflict", message).details).toEqual({ name, kind: "configmaps" });
      expect((await ok<{ data: Record<string, string> }>(target, path)).data).toEqual({ v: "2" });
    },
  },
  {
    id: "errors.invalid",
    title: "an invalid object is 422 Invalid with the field in details.causes",
    async run(target) {
      const name = "Not_A_DNS_Name";
      const answer = await call(target, corePath(target.namespace, "configmaps"), { method: "POST", body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name } } });
      const status = expectStatus(answer, 422, "Invalid", new RegExp(`^ConfigMap "${name}" is invalid: metadata\\.name: Invalid value: "${name}"`));
      expect(status.details).toMatchObject({ name, kind: "ConfigMap" });
      expect(status.details?.causes?.[0]).toMatchObject({ reason: "FieldValueInvalid", field: "metadata.name" });
    },
  },
  {
    id: "errors.unknownResource",
    title: "a resource the server does not serve is 404 NotFound with a Status body",
    async run(target) {
      const answer = await call(target, corePath(target.namespace, "nosuchthings"));
      expectStatus(answer, 404, "NotFound", "the server could not find the requested resource");
    },
  },
];
