import type { InputHTMLAttributes } from "react";

/** A checkbox (or switch) with its label and hint beside it, and an error below. */
export function CheckboxField({
  id,
  label,
  hint,
  error,
  switchRole = false,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id"> & {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  /** An on/off setting that takes effect as a state rather than a one-off choice. */
  switchRole?: boolean;
  ref?: React.Ref<HTMLInputElement>;
}) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1.5">
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          role={switchRole ? "switch" : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-brand-600"
          {...props}
        />
        <div>
          <label htmlFor={id} className="text-sm font-medium text-slate-700">
            {label}
          </label>
          {hint ? (
            <p id={`${id}-hint`} className="text-xs text-slate-500">
              {hint}
            </p>
          ) : null}
        </div>
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
