"use client";
import { useState } from "react";
import { Button, Modal } from "@mantine/core";
import { IconTerminal2 } from "@tabler/icons-react";
import type { KubeObject } from "@/lib/k8s/types";
import { PodShell } from "./PodShell";

/** "Shell": opens a terminal in the pod in a dialog; closing the dialog ends the shell. */
export function ShellButton({ pod }: { pod: KubeObject }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant="light" leftSection={<IconTerminal2 size={16} />} onClick={() => setOpened(true)}>
        Shell
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`Shell in pod ${pod.metadata.name}`} size="min(1100px, 95vw)">
        <PodShell pod={pod} />
      </Modal>
    </>
  );
}
