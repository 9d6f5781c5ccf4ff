import type { Locator, Page } from "@playwright/test";

/** One resource list (Pods, Nodes, Services, Workloads): its table, rows and name filter. */
export class ResourceListPage {
  constructor(
    readonly page: Page,
    readonly title: "Pods" | "Nodes" | "Services" | "Workloads",
  ) {}

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/${this.title.toLowerCase()}${query}`);
  }

  table(): Locator {
    return this.page.getByRole("table", { name: this.title });
  }

  /** Data rows only (the header row has no cells). */
  rows(): Locator {
    return this.table().locator("tbody").getByRole("row");
  }

  row(name: string | RegExp): Locator {
    return this.rows().filter({ has: this.page.getByRole("cell", { name }) });
  }

  filter(): Locator {
    return this.page.getByRole("textbox", { name: "Filter by name" });
  }

  /** The namespace column of every visible row (pods and services lists). */
  namespaceCells(): Locator {
    return this.rows().locator("td:nth-child(2)");
  }
}
