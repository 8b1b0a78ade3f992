import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { CallDetail } from "@/components/calls/call-detail";

export const metadata: Metadata = { title: "Call" };

export default async function CallDetailPage({ params }: { params: Promise<{ call_id: string }> }) {
  const { permissions } = await requirePagePermission("calls.view");
  const { call_id } = await params;
  return <CallDetail callId={call_id} canUpdate={permissions.has("calls.update")} />;
}
