import type { Locator, Page } from "@playwright/test";

/** The pod shell: the details' Shell button and the dialog with the terminal it opens. */
export class ShellDialog {
  constructor(readonly page: Page) {}

  openButton(): Locator {
    return this.page.getByRole("button", { name: "Shell", exact: true });
  }

  dialog(): Locator {
    return this.page.getByRole("dialog", { name: /^Shell in pod / });
  }

  containerSelect(): Locator {
    return this.dialog().getByRole("combobox", { name: "Container" });
  }

  async chooseContainer(name: string): Promise<void> {
    await this.containerSelect().click();
    await this.page.getByRole("option", { name, exact: true }).click();
  }

  /** xterm's keyboard target. */
  input(): Locator {
    return this.dialog().getByRole("textbox", { name: "Terminal input" });
  }

  /** The rendered lines of the terminal (xterm's DOM renderer), one element per row. */
  rows(): Locator {
    return this.dialog().locator(".xterm-rows > div");
  }

  /** A row holding exactly this text, so a typed command does not count as its own output. */
  line(text: string): Locator {
    const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return this.rows().filter({ hasText: new RegExp(`^\\s*${escaped}\\s*$`) });
  }

  status(): Locator {
    return this.dialog().getByRole("status", { name: "Shell status" });
  }

  reconnectButton(): Locator {
    return this.dialog().getByRole("button", { name: "Reconnect" });
  }

  signInLink(): Locator {
    return this.status().getByRole("link", { name: "Sign in" });
  }

  async type(command: string): Promise<void> {
    await this.input().pressSequentially(command);
    await this.input().press("Enter");
  }
}
