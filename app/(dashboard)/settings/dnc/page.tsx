import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { DncPanel } from "@/components/dnc/dnc-panel";

export const metadata: Metadata = { title: "Do-not-call list" };

export default async function DncPage() {
  await requirePagePermission("dnc.manage");
  return <DncPanel />;
}
