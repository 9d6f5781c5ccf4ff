import { describe, expect, test } from "vitest";
import { cellMismatches, parseTable, parseTables } from "./table";

const ingresses = `NAME   CLASS   HOSTS         ADDRESS      PORTS     AGE
web    nginx   web.kc.test                80        5s
shop   nginx   shop.local    10.0.0.200   80, 443   2m
`;

describe("parseTable", () => {
  test("keeps an empty cell in its column", () => {
    const table = parseTable(ingresses);
    expect(table.header).toEqual(["NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"]);
    expect(table.rows[0]).toEqual({ NAME: "web", CLASS: "nginx", HOSTS: "web.kc.test", ADDRESS: "", PORTS: "80", AGE: "5s" });
    expect(table.rows[1]).toEqual({ NAME: "shop", CLASS: "nginx", HOSTS: "shop.local", ADDRESS: "10.0.0.200", PORTS: "80, 443", AGE: "2m" });
  });

  test("headers with one inner space stay one column", () => {
    const table = parseTable("LAST SEEN   TYPE     REASON\n5s          Normal   Scheduled\n");
    expect(table.header).toEqual(["LAST SEEN", "TYPE", "REASON"]);
    expect(table.rows[0]!["LAST SEEN"]).toBe("5s");
  });

  test("splits get-all output into one table per block", () => {
    const tables = parseTables("NAME    READY\npod/a   1/1\n\nNAME            TYPE\nservice/b       ClusterIP\n");
    expect(tables.map((t) => t.rows[0]!.NAME)).toEqual(["pod/a", "service/b"]);
  });
});

describe("cellMismatches", () => {
  test("reports the cells that differ, and nothing when all match", () => {
    const row = { NAME: "web", READY: "1/1" };
    expect(cellMismatches(row, { NAME: "web", READY: /^\d\/\d$/ })).toEqual([]);
    expect(cellMismatches(row, { READY: "0/1", MISSING: /x/ })).toHaveLength(2);
  });
});
