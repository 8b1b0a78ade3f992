"use client";

// Formatting bound to the signed-in user: dates in the zone their profile names (GET /api/users/me
// preferences.timezone, so a saved change applies at once), else the browser's; phone numbers
// national for the organization's country. One provider in the dashboard layout; components call
// useDisplayFormat() instead of building Intl formatters of their own.
import { createContext, useContext, useMemo } from "react";
import { useMe } from "@/lib/client/hooks/use-me";
import { isKnownTimeZone } from "@/lib/client/time-zones";
import {
  browserTimeZone,
  formatDate,
  formatDateTime,
  formatPhone,
  formatTime,
  timeZoneAbbreviation,
} from "@/lib/client/format";

type DisplaySettings = { userTimeZone: string | null; organizationCountry: string };

const DisplayContext = createContext<DisplaySettings>({ userTimeZone: null, organizationCountry: "US" });

export function DisplayFormatProvider({
  initialTimeZone,
  organizationCountry,
  children,
}: {
  /** The profile's zone as the server saw it, used until /api/users/me answers. */
  initialTimeZone: string | null;
  organizationCountry: string;
  children: React.ReactNode;
}) {
  const me = useMe();
  const saved = me.data ? (me.data.preferences?.timezone ?? null) : initialTimeZone;
  const value = useMemo(() => ({ userTimeZone: saved, organizationCountry }), [saved, organizationCountry]);
  return <DisplayContext.Provider value={value}>{children}</DisplayContext.Provider>;
}

export function useDisplayFormat() {
  const { userTimeZone, organizationCountry } = useContext(DisplayContext);
  return useMemo(() => {
    const timeZone = userTimeZone && isKnownTimeZone(userTimeZone) ? userTimeZone : browserTimeZone();
    return {
      timeZone,
      dateTime: (iso: string | null | undefined, fallback?: string) => formatDateTime(iso, timeZone, fallback),
      date: (iso: string | null | undefined, fallback?: string) => formatDate(iso, timeZone, fallback),
      time: (iso: string | null | undefined, fallback?: string) => formatTime(iso, timeZone, fallback),
      zoneAbbreviation: (at?: Date) => timeZoneAbbreviation(timeZone, at),
      phone: (e164: string | null | undefined, fallback?: string) => formatPhone(e164, organizationCountry, fallback),
    };
  }, [userTimeZone, organizationCountry]);
}

export type DisplayFormat = ReturnType<typeof useDisplayFormat>;
