"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconCode } from "@tabler/icons-react";
import { scopeOfPage } from "./embedClient";
import { EmbedDialog } from "./EmbedDialog";
import { usePageViewer } from "@/components/auth/PageViewer";

const embeddableViews = new Set(["/topology", "/pods", "/workloads", "/nodes", "/services"]);

/**
 * "Embed" in the header, for people allowed to manage embed tokens on a view that can be embedded. The server says who
 * with the page itself: asking /api/embed instead left a 403 in the console of everyone else, on every page.
 */
export function EmbedButton() {
  const pathname = usePathname();
  const search = useSearchParams();
  const [opened, { open, close }] = useDisclosure();
  const allowed = usePageViewer().mayManageEmbedTokens;
  if (!allowed || !embeddableViews.has(pathname)) return null;
  return (
    <>
      <Button variant="default" leftSection={<IconCode size={18} />} onClick={open}>
        Embed
      </Button>
      {/* Mounted on open, so the view field starts from the page as it is then. */}
      {opened && <EmbedDialog opened onClose={close} initialScope={scopeOfPage(pathname, search.toString())} />}
    </>
  );
}
