import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { SystemPanel } from "@/components/system/system-panel";

export const metadata: Metadata = { title: "System" };

export default async function SystemPage() {
  const { permissions } = await requirePagePermission("jobs.view");
  return <SystemPanel canRetry={permissions.has("jobs.manage")} />;
}
