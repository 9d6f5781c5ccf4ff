// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from "vitest";
import { act, cleanup, renderHook } from "@testing-library/react";
import { markShellOpen, useShellOpen } from "./openShells";

afterEach(cleanup);

describe("useShellOpen", () => {
  test("is true while any shell dialog is open", () => {
    const { result } = renderHook(() => useShellOpen());
    expect(result.current).toBe(false);
    let closeFirst = () => {};
    let closeSecond = () => {};
    act(() => {
      closeFirst = markShellOpen();
      closeSecond = markShellOpen();
    });
    expect(result.current).toBe(true);
    act(() => closeFirst());
    expect(result.current).toBe(true);
    act(() => closeSecond());
    expect(result.current).toBe(false);
  });

  test("closing the same dialog twice counts once", () => {
    const { result } = renderHook(() => useShellOpen());
    let close = () => {};
    act(() => {
      close = markShellOpen();
    });
    const other = markShellOpen();
    act(() => {
      close();
      close();
    });
    expect(result.current).toBe(true);
    act(() => other());
    expect(result.current).toBe(false);
  });
});
