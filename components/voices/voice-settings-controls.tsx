"use client";

import { useId } from "react";
import { formatPercent } from "@/lib/client/format";
import type { SettingKey, VoiceProvider, VoiceSettings } from "@/components/voices/types";
import { initialValue, settingSpecs, type SliderSpec } from "@/components/voices/voice-settings";
import { CheckboxField } from "@/components/ui/checkbox-field";

/** Sliders (and the speaker-boost switch) for the settings the voice's provider honours. */
export function VoiceSettingsControls({
  provider,
  defaults,
  overrides,
  onChange,
  disabled,
}: {
  provider: VoiceProvider;
  /** The voice's own defaults: what an untouched control shows. */
  defaults: VoiceSettings;
  /** Only what the user changed; that is all the request sends. */
  overrides: VoiceSettings;
  onChange: (next: VoiceSettings) => void;
  disabled?: boolean;
}) {
  const baseId = useId();
  const specs = settingSpecs(provider);
  const set = (key: SettingKey, value: number | boolean) => onChange({ ...overrides, [key]: value });
  return (
    <div className="space-y-4" data-testid="voice-settings">
      {specs.map((spec) => {
        const id = `${baseId}-${spec.key}`;
        if (spec.kind === "toggle") {
          const checked = overrides.use_speaker_boost ?? initialValue("use_speaker_boost", defaults);
          return (
            <CheckboxField
              key={spec.key}
              id={id}
              switchRole
              label={spec.label}
              hint={spec.hint}
              checked={checked}
              disabled={disabled}
              onChange={(event) => set(spec.key, event.target.checked)}
            />
          );
        }
        const value = overrides[spec.key] ?? initialValue(spec.key, defaults, spec);
        return <SettingSlider key={spec.key} id={id} spec={spec} value={value} disabled={disabled} onChange={(next) => set(spec.key, next)} />;
      })}
    </div>
  );
}

/** 0.75 → "75%": every setting is a fraction or a multiplier of the voice's own. */
function asPercent(value: number): string {
  return formatPercent(Math.round(value * 100));
}

function SettingSlider({
  id,
  spec,
  value,
  onChange,
  disabled,
}: {
  id: string;
  spec: SliderSpec;
  value: number;
  onChange: (value: number) => void;
  disabled?: boolean;
}) {
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {spec.label}
        </label>
        <output htmlFor={id} className="text-sm font-medium text-slate-900 tabular-nums" data-testid={`setting-${spec.key}-value`}>
          {asPercent(value)}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={spec.min}
        max={spec.max}
        step={spec.step}
        value={value}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        aria-valuetext={asPercent(value)}
        onChange={(event) => onChange(Math.round(Number(event.target.value) * 100) / 100)}
        className="h-2 w-full cursor-pointer accent-brand-600 disabled:cursor-not-allowed"
      />
      <p id={`${id}-hint`} className="flex justify-between gap-3 text-xs text-slate-500">
        <span>{spec.hint}</span>
        <span className="shrink-0 tabular-nums">
          {asPercent(spec.min)}–{asPercent(spec.max)}
        </span>
      </p>
    </div>
  );
}
