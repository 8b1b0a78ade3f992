import type { DncSource } from "@/components/dnc/types";
import { Badge, type BadgeTone } from "@/components/ui/badge";

export const DNC_SOURCE_LABELS: Record<DncSource, string> = {
  manual: "Manual",
  import: "Import",
  opt_out: "Opt-out",
  api: "API",
};

const TONES: Record<DncSource, BadgeTone> = { manual: "neutral", import: "brand", opt_out: "warning", api: "neutral" };

export function DncSourceBadge({ source }: { source: DncSource }) {
  return <Badge tone={TONES[source]}>{DNC_SOURCE_LABELS[source] ?? source}</Badge>;
}
