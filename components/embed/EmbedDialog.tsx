"use client";
import { useState } from "react";
import { Alert, Button, Code, CopyButton, Group, Modal, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { EMBED_DEFAULT_TTL_SECONDS } from "@/lib/wire/embed";
import { iframeSnippet } from "./embedClient";
import { EmbedTokenTable } from "./EmbedTokenTable";
import { FrameAncestorsNotice } from "./FrameAncestorsNotice";
import { useCreateEmbedToken, useEmbedTokens } from "./useEmbedTokens";

const lifetimes = [
  { value: String(3600), label: "1 hour" },
  { value: String(24 * 3600), label: "1 day" },
  { value: String(EMBED_DEFAULT_TTL_SECONDS), label: "7 days" },
  { value: String(30 * 24 * 3600), label: "30 days" },
];

/**
 * Issues a read-only embed token for a view, shows its iframe once, and lists and revokes the others. It says which sites
 * may frame Orrery (--frame-ancestors); when none may, it gives the link alone (it opens in a browser tab), not iframe code every browser refuses.
 */
export function EmbedDialog({ opened, onClose, initialScope }: { opened: boolean; onClose: () => void; initialScope: string }) {
  const [scope, setScope] = useState(initialScope);
  const [ttl, setTtl] = useState(String(EMBED_DEFAULT_TTL_SECONDS));
  const tokens = useEmbedTokens(opened);
  const create = useCreateEmbedToken();
  const frameAncestors = tokens.data?.frameAncestors;
  const noneMayFrame = frameAncestors !== undefined && frameAncestors.length === 0;
  const link = create.data ? new URL(create.data.url, window.location.origin).toString() : undefined;
  const snippet = create.data && !noneMayFrame ? iframeSnippet(window.location.origin, create.data.url) : undefined;
  return (
    <Modal opened={opened} onClose={onClose} title="Embed this view" size="xl">
      <Stack gap="sm">
        <Text size="sm">
          An embed token opens one view, read-only, in an iframe on the sites allowed by <Code>--frame-ancestors</Code>. Anyone holding the link sees that view
          with your rights until it expires or is revoked.
        </Text>
        {frameAncestors && <FrameAncestorsNotice frameAncestors={frameAncestors} ownOrigin={window.location.origin} />}
        <Group align="end" wrap="nowrap">
          <TextInput label="View" value={scope} onChange={(event) => setScope(event.currentTarget.value)} ff="monospace" style={{ flex: 1 }} />
          <Select label="Expires after" data={lifetimes} value={ttl} onChange={(value) => value && setTtl(value)} allowDeselect={false} w={130} />
          <Button onClick={() => create.mutate({ scope, ttlSeconds: Number(ttl) })} loading={create.isPending}>
            Create link
          </Button>
        </Group>
        {create.error && <Alert color="red" title="No token was made" role="alert">{create.error.message}</Alert>}
        {snippet && (
          <Alert color="green" title="Copy it now: the token is not shown again">
            <Stack gap="xs">
              <Code block aria-label="Embed code">{snippet}</Code>
              <CopyButton value={snippet}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? "Copied" : "Copy the iframe code"}</Button>}</CopyButton>
            </Stack>
          </Alert>
        )}
        {link && !snippet && (
          <Alert color="green" title="Copy it now: the token is not shown again">
            <Stack gap="xs">
              <Text size="sm">This link opens the view in a browser tab. No iframe code is given until a site may frame Orrery.</Text>
              <Code block aria-label="Embed link">{link}</Code>
              <CopyButton value={link}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? "Copied" : "Copy the link"}</Button>}</CopyButton>
            </Stack>
          </Alert>
        )}
        <Title order={5}>Issued tokens</Title>
        {tokens.error ? <Text size="sm" c="red">{tokens.error.message}</Text> : <EmbedTokenTable tokens={tokens.data?.tokens ?? []} />}
      </Stack>
    </Modal>
  );
}
