import { Alert } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";

/** Says plainly that what is shown may be out of date, and why. */
export function LiveNotice({ stale, reason }: { stale: boolean; reason?: string }) {
  if (!stale) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Data may be out of date" role="alert" py="xs" mb="sm">
      {reason}
    </Alert>
  );
}
