"use client";

import { Input, Label } from "@/components/ui/field";
import { SearchIcon } from "@/components/ui/icons";

/** A labelled search box (label for screen readers, magnifier icon) used above list tables. */
export function SearchField({
  id,
  label,
  placeholder,
  value,
  onChange,
  maxLength,
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
}) {
  return (
    <div>
      <Label htmlFor={id} className="sr-only">
        {label}
      </Label>
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
        <Input
          id={id}
          type="search"
          placeholder={placeholder}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className="pl-9"
          maxLength={maxLength}
        />
      </div>
    </div>
  );
}
