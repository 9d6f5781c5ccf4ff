import type { Locator, Page } from "@playwright/test";

export type DetailsSection =
  | "Metadata" | "Labels" | "Annotations" | "Owners" | "Containers" | "Conditions" | "Events"
  | "Service" | "Ports" | "Selector" | "Endpoints" | "Replicas" | "Rollout" | "Pods" | "Addresses" | "Resources" | "Taints" | "System";

/** The details drawer opened from any list (`?selected=`). */
export class DetailsDrawer {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole("dialog");
  }

  heading(): Locator {
    return this.dialog().getByRole("heading").first();
  }

  section(name: DetailsSection): Locator {
    return this.dialog().getByRole("region", { name, exact: true });
  }

  labels(): Locator {
    return this.section("Labels").getByRole("listitem");
  }

  ownerLinks(): Locator {
    return this.section("Owners").getByRole("link");
  }

  events(): Locator {
    return this.section("Events").getByRole("row");
  }

  yamlTab(): Locator {
    return this.dialog().getByRole("tab", { name: "YAML" });
  }

  yaml(): Locator {
    return this.dialog().getByRole("tabpanel", { name: "YAML" });
  }

  async close(): Promise<void> {
    await this.page.keyboard.press("Escape");
  }
}
