import type { Role } from "@/lib/auth/permissions";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<Role, BadgeTone> = { admin: "brand", manager: "success", agent: "neutral" };
export const ROLE_LABELS: Record<Role, string> = { admin: "Admin", manager: "Manager", agent: "Agent" };

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={TONES[role]}>{ROLE_LABELS[role]}</Badge>;
}
