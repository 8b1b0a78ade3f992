"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { Role } from "@/lib/auth/permissions";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { createUserSchema } from "@/lib/users/schemas";
import { applyApiErrors } from "@/lib/client/form-errors";
import { formErrorMessages } from "@/lib/client/zod-form-messages";
import { useCreateUser } from "@/components/users/hooks/use-create-user";
import type { User } from "@/lib/client/types";
import { Dialog } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import { ROLE_LABELS } from "@/components/users/role-badge";

export function AddUserDialog({
  open,
  onClose,
  assignableRoles,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  assignableRoles: Role[];
  onCreated: (user: User) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Add user" description="They can sign in right away with the temporary password you set.">
      <AddUserForm assignableRoles={assignableRoles} onCancel={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. Share it with them privately.`;

function AddUserForm({
  assignableRoles,
  onCancel,
  onCreated,
}: {
  assignableRoles: Role[];
  onCancel: () => void;
  onCreated: (user: User) => void;
}) {
  const createUser = useCreateUser();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof createUserSchema>, unknown, z.output<typeof createUserSchema>>({
    // The API's own schema, so the form enforces exactly what POST /api/users will.
    resolver: zodResolver(createUserSchema, { error: formErrorMessages }),
    defaultValues: { name: "", email: "", role: "agent", password: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const user = await createUser.mutateAsync(values);
      onCreated(user);
    } catch (error) {
      setFormError(applyApiErrors(error, setError, { name: "name", email: "email", role: "role", password: "password" }));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="add-user-form">
      {formError ? (
        <Alert tone="error" data-testid="add-user-error">
          {formError}
        </Alert>
      ) : null}
      <Field id="add-user-name" label="Name" error={errors.name?.message}>
        <Input data-autofocus autoComplete="off" {...fieldAria("add-user-name", errors.name?.message)} {...register("name")} />
      </Field>
      <Field id="add-user-email" label="Email" error={errors.email?.message}>
        <Input
          type="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...fieldAria("add-user-email", errors.email?.message)}
          {...register("email")}
        />
      </Field>
      <Field id="add-user-role" label="Role" error={errors.role?.message}>
        <Select {...fieldAria("add-user-role", errors.role?.message)} {...register("role")}>
          {assignableRoles.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="add-user-password" label="Temporary password" error={errors.password?.message} hint={PASSWORD_HINT}>
        <Input
          type="password"
          autoComplete="new-password"
          {...fieldAria("add-user-password", errors.password?.message, PASSWORD_HINT)}
          {...register("password")}
        />
      </Field>
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" pending={isSubmitting}>
          Create user
        </Button>
      </div>
    </form>
  );
}
