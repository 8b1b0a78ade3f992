"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ROLES, permissionsForRole, type Permission, type Role } from "@/lib/auth/permissions";
import { Alert } from "@/components/ui/alert";

// What each refused permission guards, in words a user knows (never the permission string itself).
const AREA: Record<Permission, string> = {
  "agents.view": "the Agents page",
  "agents.manage": "managing agents",
  "analytics.view": "the Analytics page",
  "api_keys.manage": "the API keys page",
  "calls.view": "the calls pages",
  "calls.create": "placing calls",
  "calls.update": "updating calls",
  "campaigns.view": "the Campaigns page",
  "campaigns.create": "creating campaigns",
  "campaigns.update": "editing campaigns",
  "dnc.manage": "the do-not-call list",
  "jobs.view": "the System page",
  "jobs.manage": "the System page",
  "leads.import": "importing leads",
  "users.view": "the Users page",
  "users.manage": "managing users",
  "voices.view": "the Voices page",
  "voices.manage": "managing voices",
  "webhooks.manage": "webhooks",
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
      Only {rolesWith(permission)} can use {AREA[permission]}. Ask an admin in your organization if you need access.
    </Alert>
  );
}
