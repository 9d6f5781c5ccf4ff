"use client";
import type { KeyboardEvent } from "react";
import { Table, Text, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp } from "@tabler/icons-react";
import type { TopologyNode } from "@/lib/wire/topology";
import { MATCH_COLOUR, STATUS_COLOURS } from "../render/style";
import { memberCountText, statusOf, TOPOLOGY_COLUMNS, type TopologyColumn } from "./topologyTableColumns";
import type { TopologyTableHeader } from "./useTopologyTableModel";

const columnsById = new Map(TOPOLOGY_COLUMNS.map((column) => [column.id, column]));
const cellStyle = { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" } as const;
/** A bar down the row's first cell marks a search match, still visible on the selected row. */
const matchMark = { ...cellStyle, boxShadow: `inset 4px 0 0 ${MATCH_COLOUR}` } as const;

export function TopologyTableHead({ headerGroups }: { headerGroups: ReadonlyArray<{ id: string; headers: readonly TopologyTableHeader[] }> }) {
  return (
    <Table.Thead>
      {headerGroups.map((group) => (
        <Table.Tr key={group.id} aria-rowindex={1}>
          {group.headers.map((header) => (
            <SortableHeader key={header.id} header={header} />
          ))}
        </Table.Tr>
      ))}
    </Table.Thead>
  );
}

function SortableHeader({ header }: { header: TopologyTableHeader }) {
  const column = columnsById.get(header.column.id as TopologyColumn["id"]);
  const sorted = header.column.getIsSorted();
  return (
    <Table.Th style={{ width: column?.width }} ta={column?.numeric ? "right" : undefined} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}>
      <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={600} fz="sm">
        {column?.header}
        {sorted === "asc" ? <IconArrowUp size={12} aria-hidden /> : sorted === "desc" ? <IconArrowDown size={12} aria-hidden /> : null}
      </UnstyledButton>
    </Table.Th>
  );
}

export const TOPOLOGY_ROW_HEIGHT = 37;

export interface TopologyTableRowProps {
  node: TopologyNode;
  /** Position in the sorted rows, for keyboard moves and aria-rowindex. */
  index: number;
  selected: boolean;
  matched: boolean;
  groupNoun?: string;
  onSelect: (id: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>, index: number) => void;
}

/** One node's row: selected on click; matched rows carry data-match and a highlight. */
export function TopologyTableRow({ node, index, selected, matched, groupNoun, onSelect, onKeyDown }: TopologyTableRowProps) {
  return (
    <Table.Tr
      data-index={index}
      data-node-id={node.id}
      data-match={matched || undefined}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={0}
      style={{ height: TOPOLOGY_ROW_HEIGHT, cursor: "pointer" }}
      bg={selected ? "var(--mantine-primary-color-light)" : matched ? "var(--mantine-color-yellow-light)" : undefined}
      onClick={() => onSelect(node.id)}
      onKeyDown={(event) => onKeyDown(event, index)}
    >
      <TopologyTableCells node={node} matched={matched} groupNoun={groupNoun} />
    </Table.Tr>
  );
}

function TopologyTableCells({ node, matched, groupNoun }: { node: TopologyNode; matched: boolean; groupNoun?: string }) {
  return TOPOLOGY_COLUMNS.map((column, index) => (
    <Table.Td key={column.id} style={index === 0 && matched ? matchMark : cellStyle} ta={column.numeric ? "right" : undefined}>
      <CellContent column={column} node={node} groupNoun={groupNoun} />
    </Table.Td>
  ));
}

function CellContent({ column, node, groupNoun }: { column: TopologyColumn; node: TopologyNode; groupNoun?: string }) {
  const text = column.text(node);
  if (column.id === "status") {
    return (
      <>
        <span aria-hidden style={{ display: "inline-block", width: 8, height: 8, borderRadius: 4, marginRight: 6, background: STATUS_COLOURS[statusOf(node)] }} />
        {text}
      </>
    );
  }
  if (column.id === "name") {
    const count = memberCountText(node, groupNoun);
    return (
      <span title={count ? `${text}, ${count}` : text}>
        {text}
        {count && (
          <Text span size="xs" c="dimmed" ml={6}>
            {count}
          </Text>
        )}
      </span>
    );
  }
  return text;
}
