import "server-only";
// The AMD result: recorded on the call; a machine (after its greeting's beep, DetectMessageEnd) has the
// call redirected to the voicemail drop, which leaves the agent's message and hangs up.
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { telephony } from "@/lib/telephony/telephony";
import { hookUrl } from "@/lib/calls/hook-url";
import { now } from "@/lib/calls/clock";

export async function answeringMachineDetected(callId: string, sid: string, answeredBy: string): Promise<void> {
  const prisma = await db();
  const call = await prisma.call.findUnique({ where: { id: callId }, select: { id: true, twilioCallSid: true, endedAt: true, answeredBy: true } });
  if (!call || (call.twilioCallSid && call.twilioCallSid !== sid) || call.endedAt || call.answeredBy) return;
  await prisma.$transaction([
    prisma.call.update({ where: { id: callId }, data: { answeredBy } }),
    prisma.callEvent.create({ data: { id: newId("callEvent"), callId, status: "in_progress", at: now(), detail: { answered_by: answeredBy } } }),
  ]);
  // The call may have ended a moment ago (Twilio: 21220, not in progress): then there is nothing to drop.
  if (answeredBy.startsWith("machine")) await telephony().redirect(sid, hookUrl("voicemail", callId)).catch(() => undefined);
}
