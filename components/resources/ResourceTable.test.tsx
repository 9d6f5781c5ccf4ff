// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import { useState } from "react";
import type { ExpandedState, SortingState } from "@tanstack/react-table";
import { ResourceTable, type ColumnSpec } from "./ResourceTable";

interface Row {
  id: string;
  name: string;
  restarts: number;
  children?: Row[];
}

const columns: ColumnSpec<Row>[] = [
  { id: "name", header: "Name", value: (r) => r.name },
  { id: "restarts", header: "Restarts", value: (r) => r.restarts, numeric: true },
];

function Harness({ rows, onOpen, nested = false }: { rows: readonly Row[]; onOpen: (row: Row) => void; nested?: boolean }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: "name", desc: false }]);
  const [expanded, setExpanded] = useState<ExpandedState>(true);
  return (
    <MantineProvider>
      <ResourceTable
        label="Things"
        rows={rows}
        columns={columns}
        rowId={(r) => r.id}
        sorting={sorting}
        onSortingChange={setSorting}
        onOpen={onOpen}
        height="600px"
        subRows={nested ? (r) => r.children : undefined}
        expanded={nested ? expanded : undefined}
        onExpandedChange={setExpanded}
      />
    </MantineProvider>
  );
}

const rows: Row[] = [
  { id: "b", name: "beta", restarts: 7 },
  { id: "a", name: "alpha", restarts: 0 },
  { id: "c", name: "gamma", restarts: 1 },
];

const bodyRowNames = () =>
  within(screen.getByRole("table", { name: "Things" }))
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell")[0]!.textContent);

// happy-dom lays nothing out; give the scroll container a size so the virtualizer renders rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => 1000 });
});

afterEach(cleanup);

describe("ResourceTable", () => {
  test("sorts by the given column; a number column sorts largest first, then flips", () => {
    render(<Harness rows={rows} onOpen={() => undefined} />);
    expect(bodyRowNames()).toEqual(["alpha", "beta", "gamma"]);
    const restarts = () => screen.getByRole("columnheader", { name: "Restarts" });
    fireEvent.click(within(restarts()).getByRole("button"));
    expect(bodyRowNames()).toEqual(["beta", "gamma", "alpha"]);
    expect(restarts().getAttribute("aria-sort")).toBe("descending");
    fireEvent.click(within(restarts()).getByRole("button"));
    expect(bodyRowNames()).toEqual(["alpha", "gamma", "beta"]);
    expect(restarts().getAttribute("aria-sort")).toBe("ascending");
  });

  test("opens a row on click and on Enter", () => {
    const onOpen = vi.fn();
    render(<Harness rows={rows} onOpen={onOpen} />);
    const beta = screen.getAllByRole("row").find((r) => r.textContent?.includes("beta"))!;
    fireEvent.click(beta);
    fireEvent.keyDown(beta, { key: "Enter" });
    expect(onOpen).toHaveBeenCalledTimes(2);
    expect(onOpen).toHaveBeenLastCalledWith(rows[0]);
  });

  test("shows children indented under their parent", () => {
    const nestedRows: Row[] = [{ id: "p", name: "parent", restarts: 0, children: [{ id: "k", name: "kid", restarts: 2 }] }];
    render(<Harness rows={nestedRows} onOpen={() => undefined} nested />);
    const [parent, kid] = screen.getAllByRole("row").slice(1);
    expect(parent!.getAttribute("aria-expanded")).toBe("true");
    expect(kid!.getAttribute("aria-level")).toBe("2");
    fireEvent.click(within(parent!).getByRole("button", { name: "Collapse" }));
    expect(screen.getAllByRole("row").slice(1)).toHaveLength(1);
  });

  test("keeps rows expanded when live data replaces the rows", async () => {
    const version = (restarts: number): Row[] => [{ id: "p", name: "parent", restarts: 0, children: [{ id: "k", name: "kid", restarts }] }];
    const { rerender } = render(<Harness rows={version(1)} onOpen={() => undefined} nested />);
    rerender(<Harness rows={version(2)} onOpen={() => undefined} nested />);
    // Table resets run after a microtask; give them the chance to.
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    const [parent, kid] = screen.getAllByRole("row").slice(1);
    expect(parent!.getAttribute("aria-expanded")).toBe("true");
    expect(kid!.textContent).toContain("2");
  });
});
