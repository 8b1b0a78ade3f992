"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";

export function DeniedNotice({ permission }: { permission: string }) {
  const router = useRouter();
  const [visible, setVisible] = useState(true);
  if (!visible) return null;
  return (
    <Alert
      tone="warning"
      className="mb-6"
      data-testid="denied-notice"
      onDismiss={() => {
        setVisible(false);
        // Drop ?denied= so a reload does not bring the notice back.
        router.replace("/", { scroll: false });
      }}
    >
      You don&apos;t have access to that page (needs <code className="font-mono text-xs font-semibold">{permission}</code>)
    </Alert>
  );
}
