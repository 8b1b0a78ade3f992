import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { ComingSoon } from "@/components/dashboard/coming-soon";
import { WaveformIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Voices" };

export default async function VoicesPage() {
  await requirePagePermission("voices.view");
  return (
    <ComingSoon
      title="Voices"
      summary="The voices your AI agent speaks with."
      icon={<WaveformIcon className="size-6" />}
      headline="The voice library arrives with the speech release"
      description="There are no voices to choose from yet. The speech release will let you:"
      features={[
        "browse the available voices by language and style",
        "preview a voice reading your own text",
        "choose the voice each campaign uses",
      ]}
    />
  );
}
