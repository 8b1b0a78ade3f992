import type { Metadata } from "next";
import { requirePageIdentity } from "@/lib/auth/current-user";
import { ProfileForm } from "@/components/settings/profile-form";
import { supportedTimeZones } from "@/lib/client/time-zones";

export const metadata: Metadata = { title: "Profile" };


export default async function ProfilePage() {
  const { organization } = await requirePageIdentity();
  return <ProfileForm timeZones={supportedTimeZones()} organizationTimeZone={organization.timezone} />;
}
