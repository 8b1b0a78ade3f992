"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { updateVoiceSchema } from "@/lib/voice/schemas";
import { applyApiErrors } from "@/lib/client/form-errors";
import { formErrorMessages } from "@/lib/client/zod-form-messages";
import { useUpdateVoice } from "@/components/voices/hooks/use-update-voice";
import type { UpdateVoiceBody, Voice } from "@/components/voices/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Textarea, fieldAria } from "@/components/ui/field";

/** The API's own schema for the two fields this form edits (both trimmed; an empty description clears it). */
const renameSchema = updateVoiceSchema.pick({ name: true, description: true });

/** Renames one of the organization's own clones (PUT /api/voice/voices/{id}). */
export function RenameVoiceDialog({ voice, onClose, onSaved }: { voice: Voice | null; onClose: () => void; onSaved: (voice: Voice) => void }) {
  return (
    <Dialog open={voice !== null} onClose={onClose} title="Rename voice" description="The new name shows wherever the voice is chosen.">
      {voice ? <RenameVoiceForm key={voice.id} voice={voice} onCancel={onClose} onSaved={onSaved} /> : null}
    </Dialog>
  );
}

function RenameVoiceForm({ voice, onCancel, onSaved }: { voice: Voice; onCancel: () => void; onSaved: (voice: Voice) => void }) {
  const update = useUpdateVoice();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof renameSchema>, unknown, z.output<typeof renameSchema>>({
    resolver: zodResolver(renameSchema, { error: formErrorMessages }),
    defaultValues: { name: voice.name, description: voice.description ?? "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const body: UpdateVoiceBody = { name: values.name, description: values.description || null };
      const saved = await update.mutateAsync({ voiceId: voice.id, body });
      onSaved(saved);
    } catch (error) {
      setFormError(applyApiErrors(error, setError, { name: "name", description: "description" }));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="rename-voice-form">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id="rename-voice-name" label="Name" error={errors.name?.message}>
        <Input data-autofocus autoComplete="off" maxLength={80} {...fieldAria("rename-voice-name", errors.name?.message)} {...register("name")} />
      </Field>
      <Field id="rename-voice-description" label="Description (optional)" error={errors.description?.message}>
        <Textarea rows={3} maxLength={500} {...fieldAria("rename-voice-description", errors.description?.message)} {...register("description")} />
      </Field>
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" pending={isSubmitting}>
          Save
        </Button>
      </div>
    </form>
  );
}
