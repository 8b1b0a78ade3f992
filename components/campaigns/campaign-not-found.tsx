import Link from "next/link";
import { ApiClientError } from "@/lib/client/api-client";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";
import { MegaphoneIcon } from "@/components/ui/icons";

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiClientError && error.code === "RESOURCE_001";
}

export function CampaignNotFound() {
  return (
    <EmptyState
      icon={<MegaphoneIcon className="size-6" />}
      title="Campaign not found"
      description="It may have been deleted, or the link is wrong."
      action={
        <Link href="/campaigns" className={buttonClasses({ variant: "secondary" })}>
          All campaigns
        </Link>
      }
    />
  );
}
