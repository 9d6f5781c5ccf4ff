/** Conditions that report a problem when True, so their healthy value is "False" (a node's pressures, a ReplicaSet's failure). */
const healthyWhenFalse: ReadonlySet<string> = new Set(["MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable", "ReplicaFailure"]);

export type ConditionHealth = "healthy" | "unhealthy" | "unknown";

/** Whether a condition's status is the good one for its type: Ready=True is healthy, and so is MemoryPressure=False. */
export function conditionHealth(type: string, status: string | undefined): ConditionHealth {
  if (status !== "True" && status !== "False") return "unknown";
  return (status === "True") !== healthyWhenFalse.has(type) ? "healthy" : "unhealthy";
}

export const conditionColour: Record<ConditionHealth, string> = { healthy: "green", unhealthy: "red", unknown: "dimmed" };
