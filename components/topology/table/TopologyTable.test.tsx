// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import { useState } from "react";
import type { TopologyNode } from "@/lib/wire/topology";
import { TopologyTable, type TopologyTableProps } from "./TopologyTable";

const Mi = 2 ** 20;
const nodes: TopologyNode[] = [
  { id: "b", kind: "Pod", name: "beta", namespace: "shop", status: "running", node: "host-1", metrics: { cpuMillicores: 250, memoryBytes: 118 * Mi, restarts: 2 } },
  { id: "a", kind: "Pod", name: "alpha", namespace: "shop", status: "crashlooping", node: "host-2", metrics: { cpuMillicores: 1500, memoryBytes: 40 * Mi, restarts: 9 } },
  { id: "d", kind: "Deployment", name: "delta", namespace: "shop", status: "running" },
  { id: "g", kind: "Group", name: "gamma", status: "running", group: { by: "namespace", key: "gamma", count: 412, worst: "pending" }, metrics: { restarts: 0 } },
];

function Harness(props: Partial<TopologyTableProps> & { initialSort?: string }) {
  const [sort, setSort] = useState<string | undefined>(props.initialSort);
  return (
    <MantineProvider>
      <TopologyTable nodes={nodes} onSelect={() => undefined} sort={sort} onSortChange={setSort} height="600px" {...props} />
    </MantineProvider>
  );
}

const table = () => screen.getByRole("table", { name: /^Topology table/ });
const bodyRows = () => within(table()).getAllByRole("row").slice(1);
const names = () => bodyRows().map((row) => within(row).getAllByRole("cell")[1]!.firstChild?.firstChild?.textContent);
const header = (name: string) => screen.getByRole("columnheader", { name });
const clickHeader = (name: string) => fireEvent.click(within(header(name)).getByRole("button"));
const row = (id: string) => table().querySelector<HTMLElement>(`tr[data-node-id="${id}"]`)!;

// happy-dom lays nothing out; give the scroll container a size so the virtualizer renders rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => 1000 });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("TopologyTable", () => {
  test("names itself with the node count and shows nodes in the order given when unsorted", () => {
    render(<Harness />);
    expect(table().getAttribute("aria-label")).toBe("Topology table, 4 nodes");
    expect(names()).toEqual(["beta", "alpha", "delta", "gamma"]);
    expect(bodyRows().map((r) => r.getAttribute("data-node-id"))).toEqual(["b", "a", "d", "g"]);
  });

  test("formats values, shows a group's count, and a dash for what is missing", () => {
    render(<Harness />);
    const cells = (id: string) => within(row(id)).getAllByRole("cell").map((cell) => cell.textContent);
    expect(cells("b")).toEqual(["Pod", "beta", "shop", "running", "host-1", "250m", "118 MiB", "2"]);
    expect(cells("a").slice(5)).toEqual(["1.5", "40 MiB", "9"]);
    expect(cells("d")).toEqual(["Deployment", "delta", "shop", "running", "—", "—", "—", "—"]);
    expect(cells("g")).toEqual(["Group", "gamma412 pods", "—", "pending", "—", "—", "—", "0"]);
  });

  test("sorts by a clicked header, numbers largest first, and keeps missing values last both ways", () => {
    const onSortChange = vi.fn();
    function Spy() {
      const [sort, setSort] = useState<string | undefined>();
      return (
        <MantineProvider>
          <TopologyTable nodes={nodes} onSelect={() => undefined} sort={sort} onSortChange={(next) => { onSortChange(next); setSort(next); }} height="600px" />
        </MantineProvider>
      );
    }
    render(<Spy />);
    clickHeader("Memory");
    expect(onSortChange).toHaveBeenLastCalledWith("memory:desc");
    expect(header("Memory").getAttribute("aria-sort")).toBe("descending");
    expect(names()).toEqual(["beta", "alpha", "delta", "gamma"]);
    clickHeader("Memory");
    expect(onSortChange).toHaveBeenLastCalledWith("memory:asc");
    expect(header("Memory").getAttribute("aria-sort")).toBe("ascending");
    expect(names()).toEqual(["alpha", "beta", "delta", "gamma"]);
    expect(header("Name").getAttribute("aria-sort")).toBe("none");
  });

  test("opens with the sort it is given, and ignores an unknown one", () => {
    render(<Harness initialSort="name:desc" />);
    expect(names()).toEqual(["gamma", "delta", "beta", "alpha"]);
    cleanup();
    render(<Harness initialSort="age:desc" />);
    expect(names()).toEqual(["beta", "alpha", "delta", "gamma"]);
  });

  test("keeps its own sort when the caller does not", () => {
    render(
      <MantineProvider>
        <TopologyTable nodes={nodes} onSelect={() => undefined} sort="restarts:asc" height="600px" />
      </MantineProvider>,
    );
    expect(names()).toEqual(["gamma", "beta", "alpha", "delta"]);
    clickHeader("Name");
    expect(names()).toEqual(["alpha", "beta", "delta", "gamma"]);
  });

  test("selects a row by click, Enter and Space, and marks the selected row", () => {
    const onSelect = vi.fn();
    render(<Harness onSelect={onSelect} selectedId="a" />);
    fireEvent.click(row("d"));
    fireEvent.keyDown(row("b"), { key: "Enter" });
    fireEvent.keyDown(row("g"), { key: " " });
    fireEvent.keyDown(row("g"), { key: "x" });
    expect(onSelect.mock.calls).toEqual([["d"], ["b"], ["g"]]);
    expect(row("a").getAttribute("aria-selected")).toBe("true");
    expect(row("b").getAttribute("aria-selected")).toBe("false");
    expect(bodyRows().every((r) => r.tabIndex === 0)).toBe(true);
  });

  test("marks the rows that match the search", () => {
    render(<Harness matchIds={new Set(["a", "g", "unknown"])} />);
    expect(bodyRows().filter((r) => r.getAttribute("data-match") === "true").map((r) => r.getAttribute("data-node-id"))).toEqual(["a", "g"]);
    expect(row("b").hasAttribute("data-match")).toBe(false);
  });

  test("renders only a window of 10,000 rows and sorts all of them", async () => {
    const many: TopologyNode[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `p${i}`, kind: "Pod", name: `pod-${i}`, namespace: "big", status: "running", metrics: { restarts: i % 7 } }));
    render(
      <MantineProvider>
        <TopologyTable nodes={many} onSelect={() => undefined} height="600px" />
      </MantineProvider>,
    );
    expect(table().getAttribute("aria-label")).toBe("Topology table, 10000 nodes");
    expect(bodyRows().length).toBeLessThan(60);
    clickHeader("Name");
    clickHeader("Name");
    // Natural order: pod-9999 is the largest name, not pod-999.
    expect(bodyRows()[0]!.getAttribute("data-node-id")).toBe("p9999");
  });

  test("scrolls a node selected elsewhere into view", async () => {
    const many: TopologyNode[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `p${i}`, kind: "Pod", name: `pod-${i}`, status: "running" }));
    const view = (selectedId?: string) => (
      <MantineProvider>
        <TopologyTable nodes={many} onSelect={() => undefined} selectedId={selectedId} height="600px" />
      </MantineProvider>
    );
    // The virtualizer clamps scrolling to the content height, which happy-dom does not lay out.
    vi.spyOn(HTMLElement.prototype, "scrollHeight", "get").mockReturnValue(10_001 * 37);
    const { rerender } = render(view());
    expect(row("p9000")).toBeNull();
    rerender(view("p9000"));
    // happy-dom moves scrollTop but sends no scroll event, as a browser would.
    const scroller = table().closest<HTMLElement>("div[style*='overflow']")!;
    expect(scroller.scrollTop).toBeGreaterThan(300_000);
    fireEvent.scroll(scroller);
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(row("p9000")?.getAttribute("aria-selected")).toBe("true");
  });

  test("arrow keys move focus to the next and previous row", async () => {
    render(<Harness />);
    row("b").focus();
    fireEvent.keyDown(row("b"), { key: "ArrowDown" });
    await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
    expect(document.activeElement).toBe(row("a"));
    fireEvent.keyDown(row("a"), { key: "ArrowUp" });
    await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
    expect(document.activeElement).toBe(row("b"));
  });
});
