// What the person taking a transfer hears before they are connected: who is on the line, for which
// campaign, how far the agent got, and the last thing the caller said. Short: it plays while the
// caller waits.
import type { TranscriptSegment } from "@/lib/calls/call-turn";

export function whisperSummary(input: { leadName: string | null; phone: string; campaignName: string | null; disposition: string | null; transcript: TranscriptSegment[] }): string {
  const who = input.leadName || input.phone.replace(/^client:.*/, "a caller");
  const parts = [`Transferring ${who}${input.campaignName ? `, from the ${input.campaignName} campaign` : ""}.`];
  if (input.disposition) parts.push(`So far: ${input.disposition.replace(/_/g, " ")}.`);
  const last = [...input.transcript].reverse().find((s) => s.speaker === "lead" && s.text.trim());
  if (last) parts.push(`They last said: ${last.text.trim().split(/\s+/).slice(0, 25).join(" ")}.`);
  return parts.join(" ");
}
