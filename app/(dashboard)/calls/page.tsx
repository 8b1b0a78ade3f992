import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { CallsList } from "@/components/calls/calls-list";

export const metadata: Metadata = { title: "Calls" };

export default async function CallsPage() {
  const { permissions } = await requirePagePermission("calls.view");
  return <CallsList canPlaceCalls={permissions.has("calls.create")} />;
}
