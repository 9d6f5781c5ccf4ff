import { Alert, Code, List, Text } from "@mantine/core";

/** How a --frame-ancestors entry reads for a person: 'self' is this Orrery's own origin. */
export function describeFrameAncestor(entry: string, ownOrigin: string): string {
  return entry === "'self'" ? `${ownOrigin} (Orrery itself)` : entry;
}

/** Which sites may show an embedded view in an iframe now, or, when none may, the setting that allows one. */
export function FrameAncestorsNotice({ frameAncestors, ownOrigin }: { frameAncestors: readonly string[]; ownOrigin: string }) {
  if (frameAncestors.length === 0) {
    return (
      <Alert color="yellow" title="No site may show Orrery in an iframe yet" role="status">
        <Text size="sm">
          <Code>--frame-ancestors</Code> is empty, so every browser refuses to show Orrery inside another page. Restart Orrery with the sites that may embed
          it, for example <Code>--frame-ancestors https://portal.example.com</Code> or <Code>ORRERY_FRAME_ANCESTORS=https://portal.example.com</Code>{" "}
          (comma-separated origins), then make the link here.
        </Text>
      </Alert>
    );
  }
  return (
    <Alert color="blue" variant="light" title="Sites that may show Orrery in an iframe" role="status">
      <List size="sm">
        {frameAncestors.map((entry) => (
          <List.Item key={entry}>
            <Code>{describeFrameAncestor(entry, ownOrigin)}</Code>
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed" mt={4}>
        Set by <Code>--frame-ancestors</Code> (<Code>ORRERY_FRAME_ANCESTORS</Code>); the iframe code works only on these sites.
      </Text>
    </Alert>
  );
}
