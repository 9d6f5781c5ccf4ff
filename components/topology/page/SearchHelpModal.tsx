"use client";
import { Code, Group, Modal, Stack, Table, Text, Title, UnstyledButton } from "@mantine/core";
import { searchFieldHelp, searchMetricHelp, searchSyntaxHelp, type SearchHelpEntry } from "@/lib/search/help";

/** The `?` help: every field, metric and piece of syntax the search understands, with examples. */
export function SearchHelpModal({ opened, onClose, onTry }: { opened: boolean; onClose: () => void; onTry: (example: string) => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Searching the map" size="xl">
      <Stack gap="md">
        <Text size="sm">
          Typing highlights matches; Enter pins the search so only matching nodes stay on the map. Pinned searches combine with AND. Press <Code>/</Code> to
          jump to the search box.
        </Text>
        <HelpTable title="Fields" entries={searchFieldHelp} onTry={onTry} />
        <HelpTable title="Metrics" entries={searchMetricHelp} onTry={onTry} />
        <HelpTable title="Syntax" entries={searchSyntaxHelp} onTry={onTry} />
      </Stack>
    </Modal>
  );
}

function HelpTable({ title, entries, onTry }: { title: string; entries: readonly SearchHelpEntry[]; onTry: (example: string) => void }) {
  return (
    <Stack gap={4}>
      <Title order={5}>{title}</Title>
      <Table striped withTableBorder aria-label={`Search ${title.toLowerCase()}`}>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.name}>
              <Table.Td style={{ whiteSpace: "nowrap", verticalAlign: "top" }}>
                <Code>{entry.name}</Code>
                {entry.aliases.length > 0 && <Text size="xs" c="dimmed">also {entry.aliases.join(", ")}</Text>}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entry.description}</Text>
                <Group gap={6} mt={4}>
                  {entry.examples.map((example) => (
                    <UnstyledButton key={example} onClick={() => onTry(example)} aria-label={`Try ${example}`}>
                      <Code>{example}</Code>
                    </UnstyledButton>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
