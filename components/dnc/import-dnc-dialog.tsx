"use client";

import { useId, useState } from "react";
import { ApiClientError, errorMessage } from "@/lib/client/api-client";
import { formatBytes, formatNumber } from "@/lib/client/format";
import { useImportDnc } from "@/components/dnc/hooks/use-import-dnc";
import type { DncImportResult } from "@/components/dnc/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Label } from "@/components/ui/field";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";

/** POST /api/dnc/import answers synchronously and accepts files up to 10 MB. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ERRORS_SHOWN = 10;

export function ImportDncDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const importDnc = useImportDnc();
  const close = () => {
    if (importDnc.isPending) return;
    importDnc.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title="Import numbers from CSV"
      description="A header line with a phone column, and optionally a reason column. Numbers already listed are skipped."
    >
      <ImportDncForm key={String(open)} importDnc={importDnc} onClose={close} />
    </Dialog>
  );
}

function ImportDncForm({ importDnc, onClose }: { importDnc: ReturnType<typeof useImportDnc>; onClose: () => void }) {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!file) {
      setFileError("Choose a CSV file.");
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      setFileError(`The file is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_FILE_BYTES)}.`);
      return;
    }
    importDnc.mutate(file);
  }

  if (importDnc.isSuccess) return <ImportResult result={importDnc.data} onClose={onClose} />;

  const serverFields = importDnc.error instanceof ApiClientError ? importDnc.error.fields : [];
  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="dnc-import-form">
      {importDnc.isError ? (
        <Alert tone="error" title="The file was not imported">
          <p>{errorMessage(importDnc.error)}</p>
          {serverFields.length > 1 ? (
            <ul className="mt-2 list-disc pl-5">
              {serverFields.map((f, i) => (
                <li key={`${f.field}-${i}`}>{`${f.field}: ${f.message}`}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <div className="space-y-1.5">
        <Label htmlFor={inputId}>CSV file</Label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          data-autofocus
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? `${inputId}-error` : undefined}
          onChange={(event) => {
            setFileError(null);
            importDnc.reset();
            setFile(event.target.files?.[0] ?? null);
          }}
          className="block w-full text-sm text-slate-700 file:mr-3 file:h-10 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
        />
        {file ? <p className="text-xs text-slate-500">{`${file.name} · ${formatBytes(file.size)}`}</p> : null}
        {fileError ? (
          <p id={`${inputId}-error`} className="text-xs font-medium text-red-600">
            {fileError}
          </p>
        ) : null}
      </div>
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose} disabled={importDnc.isPending}>
          Cancel
        </Button>
        <Button type="submit" pending={importDnc.isPending}>
          Import
        </Button>
      </div>
    </form>
  );
}

function ImportResult({ result, onClose }: { result: DncImportResult; onClose: () => void }) {
  const counts = [
    { key: "imported", label: "Added", value: result.imported },
    { key: "duplicates", label: "Already listed", value: result.duplicates },
    { key: "invalid", label: "Invalid", value: result.invalid },
  ] as const;
  const shown = result.errors.slice(0, ERRORS_SHOWN);
  return (
    <div className="space-y-4" data-testid="dnc-import-summary">
      <dl className="grid grid-cols-3 gap-3">
        {counts.map((count) => (
          <div key={count.key} className="rounded-lg border border-slate-200 px-3 py-2">
            <dt className="text-xs font-medium text-slate-600">{count.label}</dt>
            <dd className="text-xl font-semibold text-slate-900 tabular-nums" data-testid={`count-${count.key}`}>
              {formatNumber(count.value)}
            </dd>
          </div>
        ))}
      </dl>
      {shown.length > 0 ? (
        <div className="space-y-2">
          <p className="text-sm font-medium text-slate-900">
            {result.errors.length > shown.length ? `First ${shown.length} of ${formatNumber(result.errors.length)} problems` : "Problems"}
          </p>
          <Table label="Rows not imported">
            <THead>
              <tr>
                <Th className="text-right">Row</Th>
                <Th>Value</Th>
                <Th>Reason</Th>
              </tr>
            </THead>
            <TBody>
              {shown.map((error, index) => (
                <tr key={`${error.row}-${index}`}>
                  <Td className="text-right tabular-nums">{error.row}</Td>
                  <Td className="max-w-32 truncate font-mono text-xs">{error.value || "—"}</Td>
                  <Td>{error.reason}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        </div>
      ) : null}
      <div className="flex justify-end">
        <Button data-autofocus onClick={onClose}>
          Done
        </Button>
      </div>
    </div>
  );
}
