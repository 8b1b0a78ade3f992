import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePagePermission("api_keys.manage");
  return <ApiKeysPanel />;
}
