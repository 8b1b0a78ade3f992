import type { Metadata } from "next";
import { requirePageIdentity } from "@/lib/auth/current-user";
import { ProfileForm } from "@/components/settings/profile-form";

export const metadata: Metadata = { title: "Profile" };

/** The zones this server accepts (it validates with the same Intl data), plus UTC, which the list omits. */
function timeZones(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
}

export default async function ProfilePage() {
  const { organization } = await requirePageIdentity();
  return <ProfileForm timeZones={timeZones()} organizationTimeZone={organization.timezone} />;
}
