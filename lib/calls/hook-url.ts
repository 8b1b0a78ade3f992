import "server-only";
// The provider's webhook URLs for one call: every callback names the call it is about (our id), and is
// signed over this public URL, so the URL is built in one place.
import { publicUrlFor } from "@/lib/api/public-url";

export type Hook = "voice" | "gather" | "status" | "amd" | "voicemail" | "recording" | "transfer" | "whisper" | "dial";

export const hookUrl = (name: Hook, callId: string) => publicUrlFor(`/api/telephony/twilio/${name}?call=${encodeURIComponent(callId)}`);
