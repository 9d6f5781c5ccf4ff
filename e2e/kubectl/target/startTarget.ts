import { startDemoTarget } from "./demoTarget";
import { startRealTarget } from "./realTarget";
import { selectedTarget, type KubectlTarget } from "./target";

/** The target ORRERY_KUBECTL_TARGET names (demo by default), started for one test file. */
export function startKubectlTarget(): Promise<KubectlTarget> {
  return selectedTarget() === "real" ? startRealTarget() : startDemoTarget();
}
