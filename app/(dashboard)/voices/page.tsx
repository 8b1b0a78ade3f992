import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { VoiceLibrary } from "@/components/voices/voice-library";

export const metadata: Metadata = { title: "Voices" };

export default async function VoicesPage() {
  const { permissions } = await requirePagePermission("voices.view");
  return <VoiceLibrary canManage={permissions.has("voices.manage")} />;
}
