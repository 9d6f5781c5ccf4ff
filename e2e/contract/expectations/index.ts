import type { Expectation } from "../target";
import { accessExpectations } from "./access";
import { discoveryExpectations } from "./discovery";
import { errorExpectations } from "./errors";
import { evictionExpectations } from "./eviction";
import { execExpectations } from "./exec";
import { listExpectations } from "./lists";
import { logExpectations } from "./logs";
import { metricsExpectations } from "./metrics";
import { patchExpectations } from "./patch";
import { scaleExpectations } from "./scale";
import { selectorExpectations } from "./selectors";
import { tableExpectations } from "./table";
import { watchExpectations } from "./watch";

/** Every expectation, in the order the runner runs them. */
export const expectations: readonly Expectation[] = [
  ...discoveryExpectations,
  ...listExpectations,
  ...selectorExpectations,
  ...watchExpectations,
  ...errorExpectations,
  ...patchExpectations,
  ...scaleExpectations,
  ...logExpectations,
  ...execExpectations,
  ...evictionExpectations,
  ...metricsExpectations,
  ...accessExpectations,
  ...tableExpectations,
];

export function expectationById(id: string): Expectation {
  const found = expectations.find((e) => e.id === id);
  if (!found) throw new Error(`no expectation "${id}"; known: ${expectations.map((e) => e.id).join(", ")}`);
  return found;
}
