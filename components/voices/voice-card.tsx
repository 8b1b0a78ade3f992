"use client";

import { cn } from "@/lib/client/cn";
import type { Voice } from "@/components/voices/types";
import { CATEGORY_LABELS, GENDER_LABELS, PROVIDER_LABELS, languageName } from "@/components/voices/voice-labels";
import { AudioPlayer } from "@/components/voices/audio-player";
import { PencilIcon, SparkIcon, TrashIcon } from "@/components/ui/icons";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

export function VoiceCard({
  voice,
  canManage,
  highlighted = false,
  onTry,
  onEdit,
  onDelete,
}: {
  voice: Voice;
  canManage: boolean;
  /** The clone just started from this page. */
  highlighted?: boolean;
  onTry: (voice: Voice) => void;
  onEdit: (voice: Voice) => void;
  onDelete: (voice: Voice) => void;
}) {
  const headingId = `voice-${voice.id}-name`;
  const ready = voice.status === "ready";
  const manageOwn = canManage && voice.owned;
  return (
    <li
      aria-labelledby={headingId}
      data-testid="voice-card"
      data-voice-id={voice.id}
      data-status={voice.status}
      className={cn(
        "flex flex-col gap-3 rounded-xl border bg-white p-4 shadow-sm",
        highlighted ? "border-brand-500 ring-2 ring-brand-100" : "border-slate-200",
      )}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={headingId} className="truncate text-base font-semibold text-slate-900" title={voice.name}>
            {voice.name}
          </h3>
          <p className="text-sm text-slate-600">
            {languageName(voice.language)} <span className="font-mono text-xs text-slate-500">{voice.language}</span>
          </p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1">
          <Badge tone={voice.provider === "elevenlabs" ? "brand" : "neutral"}>{PROVIDER_LABELS[voice.provider]}</Badge>
          {voice.owned ? <Badge tone="brand">Your clone</Badge> : null}
        </div>
      </div>

      <ul className="flex flex-wrap gap-1.5" aria-label="Details">
        <li>
          <Badge>{GENDER_LABELS[voice.gender]}</Badge>
        </li>
        <li>
          <Badge>{CATEGORY_LABELS[voice.category]}</Badge>
        </li>
        {voice.in_use ? (
          <li>
            <Badge tone="success" data-testid="voice-in-use">
              <span title="A campaign of yours speaks with this voice">In use</span>
            </Badge>
          </li>
        ) : null}
        {voice.status === "training" ? (
          <li>
            <Badge tone="warning" data-testid="voice-status">
              <Spinner className="mr-1 size-3" />
              Training
            </Badge>
          </li>
        ) : voice.status === "failed" ? (
          <li>
            <Badge tone="danger" data-testid="voice-status">
              Failed
            </Badge>
          </li>
        ) : null}
      </ul>

      {voice.description ? <p className="line-clamp-2 text-sm text-slate-600">{voice.description}</p> : null}

      <div className="mt-auto space-y-3">
        {voice.status === "failed" ? (
          <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="voice-failure">
            {voice.failure_reason ?? "Training failed."}
          </p>
        ) : voice.status === "training" ? (
          <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Learning the voice from the recording. The sample appears here when it is ready.
          </p>
        ) : voice.sample_url ? (
          <AudioPlayer src={voice.sample_url} label={`${voice.name} sample`} audioTestId="voice-sample-audio" />
        ) : (
          <p className="text-sm text-slate-500">No sample for this voice.</p>
        )}

        {canManage && (ready || manageOwn) ? (
          <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-3">
            {ready ? (
              <Button variant="secondary" size="sm" onClick={() => onTry(voice)} aria-label={`Try ${voice.name}`}>
                <SparkIcon className="size-4" />
                Try
              </Button>
            ) : null}
            {manageOwn ? (
              <>
                <Button variant="ghost" size="sm" onClick={() => onEdit(voice)} aria-label={`Rename ${voice.name}`}>
                  <PencilIcon className="size-4" />
                  Rename
                </Button>
                <Button variant="ghost" size="sm" onClick={() => onDelete(voice)} aria-label={`Delete ${voice.name}`}>
                  <TrashIcon className="size-4" />
                  Delete
                </Button>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
    </li>
  );
}
