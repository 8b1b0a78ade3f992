import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "@/lib/client/cn";
import { ChevronDownIcon } from "@/components/ui/icons";

// The focus ring is an outline on :focus-visible (text boxes match it on every focus, buttons and
// selects only from the keyboard). No `focus:outline-none` here: in Tailwind 4 it sets
// --tw-outline-style to none, which also erased the focus-visible outline (controls showed no focus).
const CONTROL =
  "block w-full rounded-lg border bg-white text-sm text-slate-900 shadow-sm transition-colors placeholder:text-slate-400 focus-visible:border-brand-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-solid focus-visible:outline-brand-500 disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500";

function borderFor(invalid?: boolean) {
  return invalid ? "border-red-400 focus-visible:border-red-500 focus-visible:outline-red-500" : "border-slate-300";
}

/** The text-box look, for controls built on <input> elsewhere (e.g. the combobox). */
export function controlClasses(invalid?: boolean) {
  return cn(CONTROL, borderFor(invalid));
}

export function Label({ className, ...props }: React.LabelHTMLAttributes<HTMLLabelElement>) {
  return <label className={cn("block text-sm font-medium text-slate-700", className)} {...props} />;
}

export type InputProps = InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean; ref?: React.Ref<HTMLInputElement> };

export function Input({ className, invalid, ...props }: InputProps) {
  return (
    <input
      aria-invalid={invalid || undefined}
      className={cn(CONTROL, "h-10 px-3 read-only:bg-slate-50", borderFor(invalid), className)}
      {...props}
    />
  );
}

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  invalid?: boolean;
  ref?: React.Ref<HTMLTextAreaElement>;
};

export function Textarea({ className, invalid, ...props }: TextareaProps) {
  return (
    <textarea
      aria-invalid={invalid || undefined}
      className={cn(CONTROL, "min-h-20 px-3 py-2", borderFor(invalid), className)}
      {...props}
    />
  );
}

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean; ref?: React.Ref<HTMLSelectElement> };

export function Select({ className, invalid, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative", className)}>
      <select
        aria-invalid={invalid || undefined}
        className={cn(CONTROL, "h-10 appearance-none pr-9 pl-3", borderFor(invalid))}
        {...props}
      >
        {children}
      </select>
      <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-slate-500" />
    </div>
  );
}

/** id / aria-invalid / aria-describedby for a control inside <Field>. */
export function fieldAria(id: string, error?: string, hint?: string) {
  // Field shows the hint only while there is no error, so describe by whichever is on screen.
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return { id, invalid: Boolean(error), "aria-describedby": describedBy };
}

/** Label, control, hint and error message, wired together by ids (see fieldAria). */
export function Field({
  id,
  label,
  error,
  hint,
  className,
  children,
}: {
  id: string;
  label: React.ReactNode;
  error?: string;
  hint?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={cn("space-y-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
