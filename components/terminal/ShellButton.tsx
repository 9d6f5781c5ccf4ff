"use client";
import { useEffect, useState } from "react";
import { Button, Modal, Tooltip } from "@mantine/core";
import { IconTerminal2 } from "@tabler/icons-react";
import type { KubeObject } from "@/lib/k8s/types";
import { markShellOpen } from "./openShells";
import { PodShell } from "./PodShell";
import { shellUnavailableReason } from "./shellContainers";

/** "Shell": opens a terminal in the pod in a dialog; closing the dialog ends the shell. */
export function ShellButton({ pod }: { pod: KubeObject }) {
  const [opened, setOpened] = useState(false);
  const unavailable = shellUnavailableReason(pod);
  useEffect(() => (opened ? markShellOpen() : undefined), [opened]);
  return (
    <>
      {/* data-disabled rather than disabled, so the tooltip saying why still shows on hover and focus. */}
      <Tooltip label={unavailable} disabled={!unavailable} withArrow>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconTerminal2 size={16} />}
          data-disabled={unavailable ? true : undefined}
          aria-disabled={unavailable ? true : undefined}
          onClick={(event) => (unavailable ? event.preventDefault() : setOpened(true))}
        >
          Shell
        </Button>
      </Tooltip>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`Shell in pod ${pod.metadata.name}`} size="min(1100px, 95vw)">
        <PodShell pod={pod} />
      </Modal>
    </>
  );
}
