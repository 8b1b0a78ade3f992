"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ROLES, permissionsForRole, type Permission, type Role } from "@/lib/auth/permissions";
import { Alert } from "@/components/ui/alert";

// What each refused permission guards, in words a user knows (never the permission string itself).
const AREA: Record<Permission, string> = {
  "analytics.view": "Analytics",
  "api_keys.manage": "API keys",
  "calls.view": "Calls",
  "calls.create": "Placing calls",
  "calls.update": "Updating calls",
  "campaigns.view": "Campaigns",
  "campaigns.create": "Creating campaigns",
  "campaigns.update": "Editing campaigns",
  "dnc.manage": "The do-not-call list",
  "jobs.view": "System jobs",
  "jobs.manage": "System jobs",
  "leads.import": "Importing leads",
  "users.view": "The team page",
  "users.manage": "Managing users",
  "voices.view": "Voices",
  "voices.manage": "Managing voices",
  "webhooks.manage": "Webhooks",
};

const ROLE_PLURAL: Record<Role, string> = { admin: "admins", manager: "managers", agent: "agents" };

/** "admins and managers", from the one permissions table, so the sentence cannot go stale. */
function rolesWith(permission: Permission): string {
  const names = ROLES.filter((role) => permissionsForRole(role).includes(permission)).map((role) => ROLE_PLURAL[role]);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "no role");
}

export function DeniedNotice({ permission }: { permission: Permission }) {
  const router = useRouter();
  const [visible, setVisible] = useState(true);
  if (!visible) return null;
  return (
    <Alert
      tone="warning"
      className="mb-6"
      data-testid="denied-notice"
      title="That page isn't available to your role"
      onDismiss={() => {
        setVisible(false);
        // Drop ?denied= so a reload does not bring the notice back.
        router.replace("/", { scroll: false });
      }}
    >
      {AREA[permission]} is open to {rolesWith(permission)} only. Ask an admin in your organization if you need access.
    </Alert>
  );
}
