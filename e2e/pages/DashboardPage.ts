import type { Locator, Page } from "@playwright/test";

/** The shell around every list: navigation, namespace selector and connection indicator. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  namespaceSelect(): Locator {
    return this.page.getByRole("combobox", { name: "Namespace" });
  }

  /** The "Demo cluster" badge in the header, shown while Orrery is on its built-in demo cluster. */
  demoBadge(): Locator {
    return this.page.getByRole("note", { name: "Demo cluster" });
  }

  connectionStatus(): Locator {
    return this.page.getByRole("status", { name: "Cluster connection" });
  }

  navLink(section: "Workloads" | "Pods" | "Nodes" | "Services"): Locator {
    return this.page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: section });
  }

  staleNotice(): Locator {
    return this.page.getByRole("alert").filter({ hasText: "Data may be out of date" });
  }
}
