import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { UsersPanel } from "@/components/users/users-panel";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const { user, permissions } = await requirePagePermission("users.view");
  return <UsersPanel canManage={permissions.has("users.manage")} currentUserId={user.id} currentUserRole={user.role} />;
}
