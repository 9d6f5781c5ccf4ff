import { expect, test } from "vitest";
import { mebibytes, millicores } from "./quantity";

test("millicores reads cores and m", () => {
  expect([millicores("8"), millicores("250m"), millicores("0.5"), millicores("x")]).toEqual([8000, 250, 500, NaN]);
});

test("mebibytes reads Ki, Mi and Gi", () => {
  expect([mebibytes("32Gi"), mebibytes("2048Ki"), mebibytes("5Mi"), mebibytes("100")]).toEqual([32768, 2, 5, NaN]);
});
