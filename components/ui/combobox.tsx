"use client";

// A searchable single-choice picker following the WAI-ARIA 1.2 "select-only combobox with listbox
// popup" pattern, editable for type-to-filter: focus stays in the text box, the highlighted option is
// announced through aria-activedescendant. Keys: ↓/↑ move (↓ opens), Home/End jump, Enter picks,
// Escape closes (a second Escape clears the search), Tab leaves without changing the value.
import { useId, useMemo, useRef, useState } from "react";
import { cn } from "@/lib/client/cn";
import { ChevronDownIcon } from "@/components/ui/icons";
import { controlClasses } from "@/components/ui/field";

export type ComboboxOption = {
  value: string;
  label: string;
  /** Secondary text on the right (e.g. a UTC offset); also searched. */
  detail?: string;
  /** Options with the same group are listed under one heading, in the order given. */
  group?: string;
};

export function Combobox<T extends ComboboxOption>({
  id,
  value,
  onChange,
  options,
  matches,
  invalid,
  disabled,
  placeholder = "Type to search",
  emptyText = "Nothing matches",
  listLabel = "Options",
  onBlur,
  name,
  className,
  "aria-describedby": describedBy,
  ref,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly T[];
  /** Whether an option fits what was typed; default: every word appears in label, value or detail. */
  matches?: (option: T, query: string) => boolean;
  invalid?: boolean;
  disabled?: boolean;
  placeholder?: string;
  emptyText?: string;
  /** Accessible name of the popup list. */
  listLabel?: string;
  onBlur?: () => void;
  name?: string;
  className?: string;
  "aria-describedby"?: string;
  ref?: React.Ref<HTMLInputElement>;
}) {
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  // null while not searching: the box then shows the chosen option's label.
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const selected = options.find((o) => o.value === value);

  const filtered = useMemo(() => {
    if (!query) return options;
    return options.filter((o) => (matches ? matches(o, query) : defaultMatches(o, query)));
  }, [options, query, matches]);

  function optionId(index: number) {
    return `${listId}-option-${index}`;
  }

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(filtered.length - 1, index));
    setActive(next);
    // Keep the highlighted option visible; focus stays in the text box.
    requestAnimationFrame(() => document.getElementById(optionId(next))?.scrollIntoView({ block: "nearest" }));
  }

  function openList() {
    setOpen(true);
    const current = filtered.findIndex((o) => o.value === value);
    moveTo(current >= 0 ? current : 0);
  }

  function pick(option: T) {
    onChange(option.value);
    setQuery(null);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) openList();
        else moveTo(active + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (!open) openList();
        else moveTo(active - 1);
        break;
      case "Home":
        if (open) {
          event.preventDefault();
          moveTo(0);
        }
        break;
      case "End":
        if (open) {
          event.preventDefault();
          moveTo(filtered.length - 1);
        }
        break;
      case "Enter":
        if (open && filtered[active]) {
          // Picking must not submit the surrounding form.
          event.preventDefault();
          pick(filtered[active]);
        }
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          // Inside a dialog, the first Escape only closes the list.
          event.stopPropagation();
          setOpen(false);
        } else if (query !== null) {
          event.preventDefault();
          setQuery(null);
        }
        break;
    }
  }

  // Headings only where the group changes, so the flat index stays the option's position.
  let lastGroup: string | undefined;

  return (
    <div className={cn("relative", className)}>
      <input
        ref={ref}
        id={id}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 && filtered[active] ? optionId(active) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        disabled={disabled}
        placeholder={placeholder}
        value={query ?? (selected ? selected.label : value)}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={(event) => event.target.select()}
        onClick={() => (open ? setOpen(false) : openList())}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setQuery(null);
          onBlur?.();
        }}
        className={cn(controlClasses(invalid), "h-10 pr-9 pl-3")}
      />
      <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-slate-500" />
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={listLabel}
        hidden={!open}
        className="absolute z-40 mt-1 max-h-72 w-full overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg"
        // Clicking an option must not blur the box first (that would close the list before the click).
        onMouseDown={(event) => event.preventDefault()}
      >
        {filtered.length === 0 ? (
          <li role="presentation" className="px-3 py-2 text-slate-500">
            {emptyText}
          </li>
        ) : (
          filtered.map((option, index) => {
            const heading = option.group !== undefined && option.group !== lastGroup ? option.group : null;
            lastGroup = option.group;
            return (
              <li key={option.value} role="presentation">
                {heading ? (
                  <div role="presentation" className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                    {heading}
                  </div>
                ) : null}
                <div
                  id={optionId(index)}
                  role="option"
                  aria-selected={option.value === value}
                  onClick={() => pick(option)}
                  onMouseMove={() => active !== index && setActive(index)}
                  className={cn(
                    "flex cursor-pointer items-center justify-between gap-3 px-3 py-1.5",
                    index === active ? "bg-brand-50 text-brand-700" : "text-slate-800",
                    option.value === value && "font-semibold",
                  )}
                >
                  <span className="truncate">{option.label}</span>
                  {option.detail ? <span className="shrink-0 text-xs text-slate-500 tabular-nums">{option.detail}</span> : null}
                </div>
              </li>
            );
          })
        )}
      </ul>
    </div>
  );
}

function defaultMatches(option: ComboboxOption, query: string): boolean {
  const haystack = `${option.label} ${option.value} ${option.detail ?? ""}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
