"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { MAX_IMPORT_BYTES } from "@/lib/leads/schemas";
import { ApiClientError, errorMessage } from "@/lib/client/api-client";
import { CsvPreviewError, readCsvPreview, type CsvPreview } from "@/lib/client/csv-preview";
import { formatBytes, formatNumber } from "@/lib/client/format";
import { useLeadImport } from "@/components/campaigns/hooks/use-lead-import";
import { useUploadLeads } from "@/components/campaigns/hooks/use-upload-leads";
import { guessMapping } from "@/lib/client/lead-fields";
import { campaignKeys } from "@/components/campaigns/query-keys";
import type { UploadProgress } from "@/lib/client/upload";
import type { DuplicatePolicy, LeadField, LeadImport } from "@/lib/client/types";
import { cn } from "@/lib/client/cn";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckIcon, FileIcon, UploadIcon } from "@/components/ui/icons";
import { ProgressBar } from "@/components/ui/progress";
import { Spinner } from "@/components/ui/spinner";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { ColumnMapping, mappingProblems } from "@/components/campaigns/lead-import-mapping";


type Step = "file" | "preview" | "mapping" | "upload" | "import";
const STEP_LABELS = ["Choose file", "Preview", "Map columns", "Upload", "Process", "Summary"] as const;

export function LeadImportWizard({
  campaignId,
  campaignHref,
  defaultCountry,
}: {
  campaignId: string;
  campaignHref: string;
  defaultCountry: string;
}) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>("file");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [mapping, setMapping] = useState<Record<string, LeadField>>({});
  const [duplicatePolicy, setDuplicatePolicy] = useState<DuplicatePolicy>("skip");
  const [country, setCountry] = useState(defaultCountry);
  const [showProblems, setShowProblems] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const readToken = useRef(0);
  const abortRef = useRef<AbortController | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const upload = useUploadLeads(campaignId, setProgress);
  const leadImport = useLeadImport(campaignId, importId);
  const finished = leadImport.data !== undefined && leadImport.data.status !== "processing";

  useEffect(() => {
    // The campaign's counts, leads and history changed with the import.
    if (finished) void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) });
  }, [finished, queryClient, campaignId]);

  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // Each step replaces the last: move focus to its heading so keyboard and screen reader users follow.
    headingRef.current?.focus();
  }, [step, finished]);

  useEffect(() => () => abortRef.current?.abort(), []);

  const stepIndex =
    step === "file" ? 0 : step === "preview" ? 1 : step === "mapping" ? 2 : step === "upload" ? 3 : finished ? 5 : 4;

  function chooseFile(next: File | null) {
    const token = ++readToken.current;
    setFile(next);
    setPreview(null);
    setMapping({});
    setShowProblems(false);
    setUploadError(null);
    setFileError(null);
    if (!next) return;
    if (!/\.csv$/i.test(next.name) && next.type !== "text/csv") {
      setFileError("Choose a .csv file (comma, semicolon or tab separated, with a header line).");
      return;
    }
    if (next.size > MAX_IMPORT_BYTES) {
      setFileError(`The file is ${formatBytes(next.size)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}. Split it into smaller files.`);
      return;
    }
    if (next.size === 0) {
      setFileError("The file is empty.");
      return;
    }
    setReading(true);
    readCsvPreview(next)
      .then((result) => {
        if (token !== readToken.current) return;
        setPreview(result);
        setMapping(guessMapping(result.headers));
      })
      .catch((error: unknown) => {
        if (token !== readToken.current) return;
        setFileError(error instanceof CsvPreviewError ? error.message : "The file could not be read.");
      })
      .finally(() => {
        if (token === readToken.current) setReading(false);
      });
  }

  function startUpload() {
    if (!file || !preview) return;
    if (mappingProblems(preview.headers, mapping).length > 0) {
      setShowProblems(true);
      return;
    }
    const controller = new AbortController();
    abortRef.current = controller;
    setUploadError(null);
    setProgress({ loaded: 0, total: file.size });
    setStep("upload");
    upload.mutate(
      { file, mapping, duplicatePolicy, defaultCountry: country, signal: controller.signal },
      {
        onSuccess: (started) => {
          setImportId(started.import_id);
          setStep("import");
        },
        onError: (error) => {
          setUploadError(error instanceof DOMException && error.name === "AbortError" ? null : error);
          setStep("mapping");
        },
      },
    );
  }

  function restart() {
    readToken.current++;
    setStep("file");
    setFile(null);
    setPreview(null);
    setMapping({});
    setShowProblems(false);
    setUploadError(null);
    setFileError(null);
    setProgress(null);
    setImportId(null);
    setInputKey((key) => key + 1);
    upload.reset();
  }

  const headings = [
    "Choose a CSV file",
    "Check the file",
    "Match columns to lead fields",
    "Uploading",
    "Processing the leads",
    leadImport.data?.status === "failed" ? "Import failed" : "Import finished",
  ];

  return (
    <div className="space-y-6">
      <ol className="flex flex-wrap gap-x-4 gap-y-2 text-sm" aria-label="Import steps">
        {STEP_LABELS.map((label, index) => (
          <li
            key={label}
            aria-current={index === stepIndex ? "step" : undefined}
            className={cn(
              "flex items-center gap-2",
              index === stepIndex ? "font-semibold text-brand-700" : index < stepIndex ? "text-slate-700" : "text-slate-400",
            )}
          >
            <span
              aria-hidden="true"
              className={cn(
                "flex size-6 items-center justify-center rounded-full text-xs",
                index === stepIndex ? "bg-brand-600 text-white" : index < stepIndex ? "bg-brand-100 text-brand-700" : "bg-slate-100",
              )}
            >
              {index < stepIndex ? <CheckIcon className="size-3.5" /> : index + 1}
            </span>
            <span className={index === stepIndex ? undefined : "sr-only sm:not-sr-only"}>{label}</span>
          </li>
        ))}
      </ol>

      <Card>
        <h2 ref={headingRef} tabIndex={-1} className="mb-4 text-lg font-semibold text-slate-900 focus:outline-none">
          {headings[stepIndex]}
        </h2>

        {step === "file" ? (
          <FileStep
            inputKey={inputKey}
            file={file}
            reading={reading}
            error={fileError}
            onFile={chooseFile}
            canContinue={preview !== null && !reading}
            onNext={() => setStep("preview")}
          />
        ) : null}

        {step === "preview" && preview && file ? (
          <PreviewStep file={file} preview={preview} onBack={() => setStep("file")} onNext={() => setStep("mapping")} />
        ) : null}

        {step === "mapping" && preview ? (
          <div className="space-y-6">
            {uploadError ? <UploadErrorAlert error={uploadError} /> : null}
            <ColumnMapping
              preview={preview}
              mapping={mapping}
              onMappingChange={setMapping}
              duplicatePolicy={duplicatePolicy}
              onDuplicatePolicyChange={setDuplicatePolicy}
              country={country}
              onCountryChange={setCountry}
              showProblems={showProblems}
            />
            <div className="flex flex-col-reverse gap-2 border-t border-slate-100 pt-5 sm:flex-row sm:justify-between">
              <Button variant="secondary" onClick={() => setStep("preview")}>
                Back
              </Button>
              <Button onClick={startUpload}>
                <UploadIcon className="size-4" />
                Upload
              </Button>
            </div>
          </div>
        ) : null}

        {step === "upload" && file ? (
          <div className="space-y-4">
            <ProgressBar
              value={progress && progress.total > 0 ? (progress.loaded / progress.total) * 100 : 0}
              label="Upload progress"
              valueText={progress ? `${formatBytes(progress.loaded)} of ${formatBytes(progress.total)}` : undefined}
              data-testid="upload-progress"
            />
            <p className="text-sm text-slate-600" aria-live="polite">
              {progress && progress.loaded >= progress.total
                ? "Uploaded. Waiting for the server to accept the file…"
                : `Sending ${file.name}: ${formatBytes(progress?.loaded ?? 0)} of ${formatBytes(file.size)}`}
            </p>
            <Button variant="secondary" onClick={() => abortRef.current?.abort()}>
              Cancel upload
            </Button>
          </div>
        ) : null}

        {step === "import" ? (
          leadImport.isError ? (
            <Alert tone="error" title="The import's progress could not be loaded">
              <p>{errorMessage(leadImport.error)}</p>
              <Button variant="secondary" size="sm" className="mt-3" onClick={() => leadImport.refetch()}>
                Try again
              </Button>
            </Alert>
          ) : finished && leadImport.data ? (
            <ImportSummary item={leadImport.data} campaignHref={campaignHref} onRestart={restart} />
          ) : (
            <div className="space-y-3">
              <ProgressBar
                value={leadImport.data?.percent_complete ?? 0}
                label="Import progress"
                valueText={
                  leadImport.data
                    ? `${formatNumber(leadImport.data.processed_rows)} of ${formatNumber(leadImport.data.total_rows)} rows`
                    : undefined
                }
                data-testid="import-progress"
              />
              <p className="flex items-center gap-2 text-sm text-slate-600" aria-live="polite">
                <Spinner />
                {leadImport.data
                  ? `${formatNumber(leadImport.data.processed_rows)} of ${formatNumber(leadImport.data.total_rows)} rows checked (${Math.round(leadImport.data.percent_complete)}%)`
                  : "Starting…"}
              </p>
              <p className="text-sm text-slate-500">
                You can leave this page: the import carries on and appears in the campaign&apos;s import history.
              </p>
            </div>
          )
        ) : null}
      </Card>
    </div>
  );
}

function FileStep({
  inputKey,
  file,
  reading,
  error,
  onFile,
  canContinue,
  onNext,
}: {
  inputKey: number;
  file: File | null;
  reading: boolean;
  error: string | null;
  onFile: (file: File | null) => void;
  canContinue: boolean;
  onNext: () => void;
}) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  return (
    <div className="space-y-4">
      <div>
        <input
          key={inputKey}
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          aria-label="CSV file"
          aria-describedby={`${inputId}-hint`}
          className="peer sr-only"
          onChange={(event) => onFile(event.target.files?.[0] ?? null)}
        />
        <label
          htmlFor={inputId}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            onFile(event.dataTransfer.files[0] ?? null);
          }}
          className={cn(
            "flex cursor-pointer flex-col items-center rounded-xl border-2 border-dashed px-6 py-10 text-center transition-colors peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-500",
            dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-slate-50 hover:border-brand-500/60 hover:bg-brand-50/40",
          )}
        >
          <span className="mb-3 flex size-12 items-center justify-center rounded-full bg-white text-brand-600 shadow-sm">
            <UploadIcon className="size-6" />
          </span>
          <span className="font-medium text-slate-900">
            Drop a CSV file here, or <span className="text-brand-700 underline">browse</span>
          </span>
          <span id={`${inputId}-hint`} className="mt-1 text-sm text-slate-600">
            Up to 100 MB. The first line must name the columns; one column must hold phone numbers.
          </span>
        </label>
      </div>

      {file ? (
        <div className="flex items-center gap-3 rounded-lg border border-slate-200 px-4 py-3 text-sm" data-testid="chosen-file">
          <FileIcon className="size-5 shrink-0 text-slate-400" />
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium text-slate-900">{file.name}</p>
            <p className="text-slate-500">{formatBytes(file.size)}</p>
          </div>
          {reading ? (
            <span className="flex items-center gap-2 text-slate-500" role="status">
              <Spinner /> Reading…
            </span>
          ) : null}
        </div>
      ) : null}

      {error ? (
        <Alert tone="error" title="This file cannot be imported" data-testid="file-error">
          {error}
        </Alert>
      ) : null}

      <div className="flex justify-end border-t border-slate-100 pt-5">
        <Button onClick={onNext} disabled={!canContinue}>
          Next
        </Button>
      </div>
    </div>
  );
}

const DELIMITER_NAMES = { ",": "Comma", ";": "Semicolon", "\t": "Tab" } as const;

function PreviewStep({ file, preview, onBack, onNext }: { file: File; preview: CsvPreview; onBack: () => void; onNext: () => void }) {
  const duplicates = preview.headers.filter((header, index) => header.trim() !== "" && preview.headers.indexOf(header) !== index);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        <span className="font-medium text-slate-900">{file.name}</span> · {formatBytes(file.size)} · {DELIMITER_NAMES[preview.delimiter]}
        -separated · {preview.headers.length} columns. The first {preview.rows.length} {preview.rows.length === 1 ? "row" : "rows"}
        {preview.partial ? " of the file" : ""}:
      </p>
      <Table label="File preview">
        <THead>
          <tr>
            {preview.headers.map((header, index) => (
              <Th key={index}>
                {/* As written in the file: the mapping refers to columns by these names. */}
                <span className="normal-case">{header.trim() || `Column ${index + 1}`}</span>
              </Th>
            ))}
          </tr>
        </THead>
        <TBody>
          {preview.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, cellIndex) => (
                <Td key={cellIndex} className="max-w-56 truncate whitespace-nowrap" title={cell}>
                  {cell}
                </Td>
              ))}
            </tr>
          ))}
        </TBody>
      </Table>
      {duplicates.length > 0 ? (
        <Alert tone="error" title="Column names must be unique">
          {`These names appear more than once: ${[...new Set(duplicates)].join(", ")}. Rename them in the file and choose it again.`}
        </Alert>
      ) : null}
      <div className="flex flex-col-reverse gap-2 border-t border-slate-100 pt-5 sm:flex-row sm:justify-between">
        <Button variant="secondary" onClick={onBack}>
          Back
        </Button>
        <Button onClick={onNext} disabled={duplicates.length > 0}>
          Next
        </Button>
      </div>
    </div>
  );
}

function UploadErrorAlert({ error }: { error: unknown }) {
  const fields = error instanceof ApiClientError ? error.fields : [];
  return (
    <Alert tone="error" title="The file was not accepted" data-testid="upload-error">
      <p>{errorMessage(error)}</p>
      {fields.length > 1 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {fields.map((field, index) => (
            <li key={`${field.field}-${index}`}>
              <span className="font-medium">{field.field}</span>: {field.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

const COUNTS: { key: "imported" | "updated" | "duplicates" | "invalid" | "suppressed"; label: string; hint: string }[] = [
  { key: "imported", label: "Imported", hint: "New leads added" },
  { key: "updated", label: "Updated", hint: "Existing leads refreshed" },
  { key: "duplicates", label: "Duplicates", hint: "Skipped: already in the campaign or the file" },
  { key: "invalid", label: "Invalid", hint: "Rows that could not be used" },
  { key: "suppressed", label: "Suppressed", hint: "On the do-not-call list" },
];

function ImportSummary({ item, campaignHref, onRestart }: { item: LeadImport; campaignHref: string; onRestart: () => void }) {
  const failed = item.status === "failed";
  return (
    <div className="space-y-5" data-testid="import-summary">
      {failed ? (
        <Alert tone="error" title="The import stopped before the end">
          {item.failure_reason ?? "The server could not finish processing the file."} Rows processed before it stopped are counted below.
        </Alert>
      ) : (
        <Alert tone="success">
          {`${item.file_name}: ${formatNumber(item.processed_rows)} of ${formatNumber(item.total_rows)} rows processed.`}
        </Alert>
      )}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {COUNTS.map(({ key, label, hint }) => (
          <div key={key} className="rounded-lg border border-slate-200 px-3 py-3">
            <dt className="text-sm font-medium text-slate-600">{label}</dt>
            <dd className="text-2xl font-semibold text-slate-900 tabular-nums" data-testid={`count-${key}`}>
              {formatNumber(item[key])}
            </dd>
            <dd className="text-xs text-slate-500">{hint}</dd>
          </div>
        ))}
      </dl>

      {item.errors.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">
            {item.error_count > item.errors.length
              ? `First ${item.errors.length} of ${formatNumber(item.error_count)} rows not imported`
              : `${formatNumber(item.error_count)} ${item.error_count === 1 ? "row" : "rows"} not imported`}
          </h3>
          <Table label="Rows not imported">
            <THead>
              <tr>
                <Th className="text-right">Row</Th>
                <Th>Name</Th>
                <Th>Column</Th>
                <Th>Value</Th>
                <Th>Reason</Th>
              </tr>
            </THead>
            <TBody>
              {item.errors.map((rowError, index) => (
                <tr key={`${rowError.row}-${index}`}>
                  <Td className="text-right tabular-nums">{rowError.row}</Td>
                  <Td>
                    <span className="block">{rowError.name || "—"}</span>
                    {rowError.email ? <span className="block text-xs text-slate-500">{rowError.email}</span> : null}
                  </Td>
                  <Td>{rowError.column || "—"}</Td>
                  <Td className="max-w-48 truncate font-mono text-xs" title={rowError.value || undefined}>
                    {rowError.value || "—"}
                  </Td>
                  <Td>{rowError.reason}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        </div>
      ) : null}

      <div className="flex flex-col gap-2 border-t border-slate-100 pt-5 sm:flex-row sm:flex-wrap sm:items-center">
        <Link href={campaignHref} className={buttonClasses()}>
          Back to campaign
        </Link>
        {item.error_count > 0 ? (
          <a href={item.errors_url} download className={buttonClasses({ variant: "secondary" })}>
            Download the report (CSV)
          </a>
        ) : null}
        <Button variant="ghost" onClick={onRestart}>
          Import another file
        </Button>
      </div>
    </div>
  );
}
