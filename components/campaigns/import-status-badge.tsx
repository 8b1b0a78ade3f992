import type { ImportStatus } from "@/lib/client/types";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<ImportStatus, BadgeTone> = { processing: "brand", completed: "success", failed: "danger" };
const LABELS: Record<ImportStatus, string> = { processing: "Processing", completed: "Completed", failed: "Failed" };

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  return <Badge tone={TONES[status]}>{LABELS[status]}</Badge>;
}
