// The legal calling window in the called party's own zone (08:00–21:00, the US TCPA rule applied as
// the floor everywhere): whether a call may start now, and if not, when it may.
import { addDays, isInsideLegalWindow, LEGAL_WINDOW, localTime, clockMinutes, zonedInstant } from "@/lib/campaigns/calling-window";

export function legalWindowCheck(at: Date, timeZone: string): { allowed: true } | { allowed: false; nextAllowedAt: Date } {
  if (isInsideLegalWindow(at, timeZone)) return { allowed: true };
  const local = localTime(at, timeZone);
  const opens = clockMinutes(LEGAL_WINDOW.start);
  const day = local.minuteOfDay < opens ? local.date : addDays(local.date, 1);
  return { allowed: false, nextAllowedAt: zonedInstant(day, opens, timeZone) };
}
