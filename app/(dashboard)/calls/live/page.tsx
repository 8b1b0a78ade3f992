import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { LiveCalls } from "@/components/calls/live-calls";

export const metadata: Metadata = { title: "Live calls" };

export default async function LiveCallsPage() {
  const { permissions } = await requirePagePermission("calls.view");
  return <LiveCalls canUpdate={permissions.has("calls.update")} canPlaceCalls={permissions.has("calls.create")} />;
}
