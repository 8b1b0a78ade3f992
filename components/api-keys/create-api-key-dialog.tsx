"use client";

import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { applyApiErrors } from "@/lib/client/form-errors";
import { useCreateApiKey } from "@/components/api-keys/hooks/use-create-api-key";
import type { CreatedApiKey } from "@/components/api-keys/types";
import { Dialog } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, fieldAria } from "@/components/ui/field";
import { CheckIcon, CopyIcon } from "@/components/ui/icons";

// Mirrors createApiKeySchema's name rule (lib/api-keys/schemas.ts imports server-only modules).
const createKeyFormSchema = z.object({
  name: z.string().trim().min(1, "Enter a name for the key").max(100, "Must be at most 100 characters"),
});
type CreateKeyFormInput = z.input<typeof createKeyFormSchema>;
type CreateKeyFormOutput = z.output<typeof createKeyFormSchema>;

export function CreateApiKeyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  function close() {
    // Forget the secret as soon as the dialog closes: it is never shown again.
    setCreated(null);
    onClose();
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      dismissible={created === null}
      title={created ? "Save your API key" : "Create API key"}
      description={
        created
          ? undefined
          : "The key can do what your role can do. Send it in the X-API-Key header."
      }
    >
      {created ? <ShowSecret created={created} onDone={close} /> : <CreateKeyForm onCancel={close} onCreated={setCreated} />}
    </Dialog>
  );
}

function CreateKeyForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (key: CreatedApiKey) => void }) {
  const createKey = useCreateApiKey();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateKeyFormInput, unknown, CreateKeyFormOutput>({
    resolver: zodResolver(createKeyFormSchema),
    defaultValues: { name: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      onCreated(await createKey.mutateAsync({ name: values.name }));
    } catch (error) {
      setFormError(applyApiErrors(error, setError, { name: "name" }));
    }
  });

  const hint = "Something that says where it is used, e.g. “CRM sync”.";
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="create-api-key-form">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id="api-key-name" label="Key name" error={errors.name?.message} hint={hint}>
        <Input data-autofocus autoComplete="off" maxLength={100} {...fieldAria("api-key-name", errors.name?.message, hint)} {...register("name")} />
      </Field>
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" pending={isSubmitting}>
          Create key
        </Button>
      </div>
    </form>
  );
}

function ShowSecret({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  async function copyKey() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopy("copied");
    } catch {
      // No clipboard access (e.g. plain http): select the text so the user can copy it by hand.
      inputRef.current?.select();
      setCopy("failed");
    }
  }

  return (
    <div className="space-y-4" data-testid="api-key-secret">
      <Alert tone="warning" title="Copy this key now">
        It won&apos;t be shown again. Store it somewhere safe, such as your secrets manager.
      </Alert>
      <Field id="new-api-key" label="New API key" hint={`Key “${created.name}”`}>
        <div className="flex gap-2">
          <Input
            ref={inputRef}
            readOnly
            value={created.key}
            onFocus={(event) => event.currentTarget.select()}
            className="font-mono text-xs"
            spellCheck={false}
            data-autofocus
            {...fieldAria("new-api-key", undefined, "hint")}
          />
          <Button variant="secondary" onClick={copyKey}>
            {copy === "copied" ? <CheckIcon className="size-4 text-emerald-600" /> : <CopyIcon className="size-4" />}
            Copy
          </Button>
        </div>
      </Field>
      <p role="status" className="min-h-5 text-sm font-medium">
        {copy === "copied" ? <span className="text-emerald-700">Copied to clipboard</span> : null}
        {copy === "failed" ? <span className="text-slate-700">Copy is blocked here: the key is selected, press Ctrl+C (⌘C on Mac).</span> : null}
      </p>
      <div className="flex justify-end border-t border-slate-100 pt-4">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
