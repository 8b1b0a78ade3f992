import "server-only";
// The events outbox: written inside the transaction of the change that causes the event, so an event
// exists exactly when its change committed. Webhook delivery (a later issue) reads undelivered rows.
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";

export const EVENT_TYPES = [
  "call.initiated",
  "call.answered",
  "call.completed",
  "call.failed",
  "campaign.started",
  "campaign.paused",
  "campaign.completed",
  "lead.imported",
  "recording.ready",
  "transcription.complete",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

type Tx = Pick<Prisma.TransactionClient, "event">;

export async function recordEvent(tx: Tx, organizationId: string, type: EventType, data: Prisma.InputJsonObject): Promise<void> {
  await tx.event.create({ data: { id: newId("event"), organizationId, type, payload: data } });
}
