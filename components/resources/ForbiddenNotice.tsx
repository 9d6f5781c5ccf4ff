"use client";
import { Alert, Code, CopyButton, Button, Group, Stack, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { describeRefusal, grantAdvice, parseRefusal, type Refusal } from "@/lib/k8s/grantAdvice";
import type { MeAnswer } from "@/lib/wire/me";
import { useMe } from "@/components/auth/useMe";

export interface ForbiddenNoticeProps {
  /** What the stream or the apiserver said, one sentence per refused request, or the refusals themselves. */
  refusals: readonly (string | Refusal)[];
}

/** Says that the cluster refused, who Orrery asked as, what was refused and the kubectl that would grant a read-only view. */
export function ForbiddenNotice({ refusals }: ForbiddenNoticeProps) {
  const me = useMe();
  const parsed = refusals.map((given) => (typeof given === "string" ? { text: given, refusal: parseRefusal(given) } : { text: describeRefusal(given), refusal: given }));
  const understood = parsed.flatMap((entry) => (entry.refusal ? [entry.refusal] : []));
  return (
    <Alert color="red" variant="light" title="Not allowed" role="alert" icon={<IconLock size={18} />} mb="sm">
      <Stack gap={6}>
        <Text size="sm">
          The cluster refused to let you{" "}
          {parsed.map((entry, i) => (
            <span key={entry.text}>
              {i > 0 && ", "}
              <strong>{entry.refusal ? describeRefusal(entry.refusal) : entry.text}</strong>
            </span>
          ))}
          .
        </Text>
        {me.data ? <AskedAs me={me.data} /> : me.isError ? null : <Text size="sm" c="dimmed">Asking the cluster who you are…</Text>}
        {me.data && understood.length > 0 && <GrantCommands refusals={understood} me={me.data} />}
      </Stack>
    </Alert>
  );
}

function AskedAs({ me }: { me: MeAnswer }) {
  const groups = me.groups.length > 0 ? me.groups.join(", ") : "none";
  if (me.user === null) return <Text size="sm">Orrery asked with its own kubeconfig identity (login is off); <Code>kubectl auth whoami</Code> names that user.</Text>;
  return (
    <Text size="sm" data-testid="asked-as">
      Orrery asked as user <Code>{me.user}</Code> with groups <Code>{groups}</Code>
      {me.login ? " (your login)" : " (its own kubeconfig identity; login is off)"}.
    </Text>
  );
}

function CommandBlock({ label, commands }: { label: string; commands: readonly string[] }) {
  const text = commands.join("\n");
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Code block aria-label={label} style={{ flex: 1, whiteSpace: "pre-wrap", wordBreak: "break-all" }}>{text}</Code>
      <CopyButton value={text}>{({ copied, copy }) => <Button size="compact-xs" variant="default" onClick={copy}>{copied ? "Copied" : "Copy"}</Button>}</CopyButton>
    </Group>
  );
}

function GrantCommands({ refusals, me }: { refusals: readonly Refusal[]; me: MeAnswer }) {
  const advice = refusals.map((refusal) => grantAdvice(refusal, me));
  const unique = (lists: readonly (readonly string[])[]) => [...new Set(lists.flat())];
  const forUser = unique(advice.map((a) => a.commands));
  const group = advice[0]?.forGroup?.group;
  const forGroup = group ? unique(advice.map((a) => a.forGroup?.commands ?? [])) : [];
  return (
    <>
      <Text size="sm">A cluster admin grants a read-only view with:</Text>
      <CommandBlock label="Command to grant a read-only view" commands={forUser} />
      {group && (
        <>
          <Text size="sm">or, for everyone in group {group}:</Text>
          <CommandBlock label={`Command to grant group ${group} a read-only view`} commands={forGroup} />
        </>
      )}
    </>
  );
}
