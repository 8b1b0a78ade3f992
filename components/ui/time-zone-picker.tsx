"use client";

import { useMemo } from "react";
import { matchesTimeZone, timeZoneOption, withZone, type TimeZoneOption } from "@/lib/client/time-zones";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";

type TzComboboxOption = ComboboxOption & { zone: TimeZoneOption };

/**
 * The one time-zone picker (profile and campaign forms): type a city, zone or offset to filter;
 * options are grouped by region and show their current UTC offset. `zones` comes from the server
 * (lib/client/time-zones.ts supportedTimeZones) so it matches what the API accepts.
 */
export function TimeZonePicker({
  id,
  value,
  onChange,
  zones,
  invalid,
  onBlur,
  name,
  className,
  "aria-describedby": describedBy,
  ref,
}: {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  zones: readonly string[];
  invalid?: boolean;
  onBlur?: () => void;
  name?: string;
  className?: string;
  "aria-describedby"?: string;
  ref?: React.Ref<HTMLInputElement>;
}) {
  const options = useMemo<TzComboboxOption[]>(() => {
    const now = new Date();
    // A saved zone stays selectable (and shown) even if this list no longer names it.
    return withZone(zones, value)
      .map((zone) => timeZoneOption(zone, now))
      .sort((a, b) => (a.region === "UTC" ? -1 : b.region === "UTC" ? 1 : a.region.localeCompare(b.region) || a.city.localeCompare(b.city)))
      .map((zone) => ({
        value: zone.value,
        label: zone.region === "UTC" ? "UTC" : `${zone.city} (${zone.value.replaceAll("_", " ")})`,
        detail: zone.offset,
        group: zone.region,
        zone,
      }));
  }, [zones, value]);

  return (
    <Combobox
      ref={ref}
      id={id}
      name={name}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      options={options}
      matches={(option, query) => matchesTimeZone(option.zone, query)}
      invalid={invalid}
      className={className}
      aria-describedby={describedBy}
      placeholder="Type a city or zone, e.g. Kolkata"
      emptyText="No time zone matches. Try a city name, e.g. Denver."
      listLabel="Time zones"
    />
  );
}
