// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { downloadFile, REVOKE_DELAY_MS } from "./downloadFile";

describe("downloadFile", () => {
  const blobs = new Map<string, Blob>();
  const revoked: string[] = [];
  const clicked: Array<{ href: string; download: string; attached: boolean }> = [];

  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob as Blob);
      return url;
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation((url) => void revoked.push(url));
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
    });
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    blobs.clear();
    revoked.length = 0;
    clicked.length = 0;
  });

  test("clicks a temporary link to the content, removes it, and frees the URL later", async () => {
    downloadFile("map.svg", "<svg/>", "image/svg+xml");
    expect(clicked).toEqual([{ href: "blob:test/0", download: "map.svg", attached: true }]);
    expect(document.querySelector("a")).toBeNull();
    const blob = blobs.get("blob:test/0")!;
    expect(blob.type).toBe("image/svg+xml");
    expect(await blob.text()).toBe("<svg/>");
    expect(revoked).toEqual([]);
    vi.advanceTimersByTime(REVOKE_DELAY_MS);
    expect(revoked).toEqual(["blob:test/0"]);
  });

  test("passes a blob of the right type through unchanged", () => {
    const png = new Blob(["png"], { type: "image/png" });
    downloadFile("map.png", png, "image/png");
    expect(blobs.get("blob:test/0")).toBe(png);
  });
});
