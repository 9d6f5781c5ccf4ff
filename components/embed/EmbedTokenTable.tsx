"use client";
import { Badge, Button, Table, Text } from "@mantine/core";
import type { EmbedTokenInfo } from "@/lib/wire/embed";
import { useRevokeEmbedToken } from "./useEmbedTokens";

const stateColors: Record<EmbedTokenInfo["state"], string> = { active: "green", expired: "gray", revoked: "red" };

/** Every token issued, newest first, with a Revoke button on the active ones. */
export function EmbedTokenTable({ tokens }: { tokens: readonly EmbedTokenInfo[] }) {
  const revoke = useRevokeEmbedToken();
  if (tokens.length === 0) return <Text size="sm" c="dimmed">No embed tokens have been issued.</Text>;
  const sorted = [...tokens].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      {revoke.error && <Text size="sm" c="red" role="alert">Revoking failed: {revoke.error.message}</Text>}
      <Table fz="xs" aria-label="Embed tokens">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>View</Table.Th>
            <Table.Th>Made by</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td ff="monospace">{token.scope}</Table.Td>
              <Table.Td>{token.createdBy}</Table.Td>
              <Table.Td>{new Date(token.expiresAt).toLocaleString()}</Table.Td>
              <Table.Td>
                <Badge color={stateColors[token.state]} variant="light" size="sm">{token.state}</Badge>
              </Table.Td>
              <Table.Td>
                {token.state === "active" && (
                  <Button size="compact-xs" color="red" variant="light" loading={revoke.isPending && revoke.variables === token.id} onClick={() => revoke.mutate(token.id)} aria-label={`Revoke the embed token for ${token.scope}`}>
                    Revoke
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
