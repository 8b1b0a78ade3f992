"use client";

import type { CsvPreview } from "@/lib/client/csv-preview";
import { LEAD_FIELD_OPTIONS } from "@/lib/client/lead-fields";
import type { DuplicatePolicy, LeadField } from "@/lib/client/types";
import { Alert } from "@/components/ui/alert";
import { Field, Label, Select } from "@/components/ui/field";

const FIELD_LABELS = Object.fromEntries(LEAD_FIELD_OPTIONS.map((f) => [f.value, f.label])) as Record<LeadField, string>;

/** Countries offered for numbers written without a country code; the organization's own comes first. */
const COUNTRY_CODES = ["US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "ES", "IT", "NL", "BE", "CH", "AT", "SE", "NO", "DK", "FI", "PL", "PT", "IN", "SG", "JP", "MX", "BR", "AR", "ZA"];
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

function countryOptions(current: string): { code: string; name: string }[] {
  const codes = COUNTRY_CODES.includes(current) ? COUNTRY_CODES : [current, ...COUNTRY_CODES];
  return codes.map((code) => ({ code, name: regionNames.of(code) ?? code }));
}

export type MappingProblem = { header: string | null; message: string };

/** What stops the upload: no phone column, or one lead field chosen for several columns. */
export function mappingProblems(headers: readonly string[], mapping: Record<string, LeadField>): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const columnsByField = new Map<LeadField, string[]>();
  for (const header of headers) {
    const field = mapping[header];
    if (field) columnsByField.set(field, [...(columnsByField.get(field) ?? []), header]);
  }
  if (!columnsByField.has("phone_number")) {
    problems.push({ header: null, message: "Choose the column that holds phone numbers: map it to “Phone number”." });
  }
  for (const [field, columns] of columnsByField) {
    if (columns.length < 2) continue;
    for (const header of columns) {
      const others = columns.filter((c) => c !== header).join(", ");
      problems.push({ header, message: `${FIELD_LABELS[field]} is also chosen for ${others}; pick it for one column only.` });
    }
  }
  return problems;
}

export function ColumnMapping({
  preview,
  mapping,
  onMappingChange,
  duplicatePolicy,
  onDuplicatePolicyChange,
  country,
  onCountryChange,
  showProblems,
}: {
  preview: CsvPreview;
  mapping: Record<string, LeadField>;
  onMappingChange: (mapping: Record<string, LeadField>) => void;
  duplicatePolicy: DuplicatePolicy;
  onDuplicatePolicyChange: (policy: DuplicatePolicy) => void;
  country: string;
  onCountryChange: (country: string) => void;
  /** Set after an attempt to continue: the problems are then shown, and kept live as they are fixed. */
  showProblems: boolean;
}) {
  const problems = mappingProblems(preview.headers, mapping);
  const general = problems.filter((p) => p.header === null);
  const sample = preview.rows[0] ?? [];

  function setField(header: string, value: string) {
    const next = { ...mapping };
    if (value === "") delete next[header];
    else next[header] = value as LeadField;
    onMappingChange(next);
  }

  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        Choose which lead field each column fills. Columns kept as custom fields are stored with the lead as they are.
      </p>
      {showProblems && general.length > 0 ? (
        <Alert tone="error" data-testid="mapping-error">
          {general.map((p) => p.message).join(" ")}
        </Alert>
      ) : null}

      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Column mapping">
        {preview.headers.map((header, index) => {
          const id = `map-column-${index}`;
          const named = header.trim() !== "";
          const problem = showProblems ? problems.find((p) => p.header === header) : undefined;
          return (
            <li key={`${index}-${header}`} className="grid gap-2 px-4 py-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_15rem] sm:items-center sm:gap-4">
              <div className="min-w-0">
                <p className="truncate text-sm font-medium text-slate-900">{named ? header : `Column ${index + 1} (no name)`}</p>
              </div>
              <p className="min-w-0 truncate text-sm text-slate-500" title={sample[index]}>
                {sample[index] ? (
                  <>
                    <span className="sr-only">Example: </span>
                    {sample[index]}
                  </>
                ) : (
                  <span className="italic">empty in the first row</span>
                )}
              </p>
              <div className="space-y-1">
                <Label htmlFor={id} className="sr-only">
                  {`Map column ${named ? header : index + 1}`}
                </Label>
                <Select
                  id={id}
                  value={mapping[header] ?? ""}
                  disabled={!named}
                  invalid={Boolean(problem)}
                  aria-describedby={problem ? `${id}-error` : undefined}
                  onChange={(event) => setField(header, event.target.value)}
                >
                  <option value="">Keep as custom field</option>
                  {LEAD_FIELD_OPTIONS.map((field) => (
                    <option key={field.value} value={field.value}>
                      {field.label}
                    </option>
                  ))}
                </Select>
                {problem ? (
                  <p id={`${id}-error`} className="text-xs font-medium text-red-600">
                    {problem.message}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>

      <div className="grid gap-6 sm:grid-cols-2">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">When a phone number is already in this campaign</legend>
          {(
            [
              { value: "skip", label: "Skip the row", hint: "Keep the existing lead as it is." },
              { value: "update", label: "Update the existing lead", hint: "Fill its fields from the file." },
            ] as const
          ).map((option) => (
            <label key={option.value} className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 px-3 py-2.5 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50/50">
              <input
                type="radio"
                name="duplicate-policy"
                value={option.value}
                checked={duplicatePolicy === option.value}
                onChange={() => onDuplicatePolicyChange(option.value)}
                className="mt-0.5 size-4 accent-brand-600"
              />
              <span>
                <span className="block text-sm font-medium text-slate-900">{option.label}</span>
                <span className="block text-xs text-slate-500">{option.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <Field id="import-country" label="Default country" hint="For phone numbers written without a country code.">
          <Select id="import-country" aria-describedby="import-country-hint" value={country} onChange={(event) => onCountryChange(event.target.value)}>
            {countryOptions(country).map(({ code, name }) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </div>
  );
}
