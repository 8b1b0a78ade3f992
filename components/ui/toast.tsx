"use client";

// Short confirmations ("Agent saved") in the corner, gone after a few seconds. The queue lives in the
// module, not in a provider, so a toast raised just before a client-side navigation shows on the next
// page; the dashboard layout renders the one <Toaster />.
import { useEffect, useSyncExternalStore } from "react";
import { cn } from "@/lib/client/cn";
import { AlertIcon, CheckIcon, CloseIcon } from "@/components/ui/icons";

type ToastTone = "success" | "error";
type ToastItem = { id: number; tone: ToastTone; text: string };

const SHOW_MS = 5_000;
let items: readonly ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(next: readonly ToastItem[]) {
  items = next;
  for (const listener of listeners) listener();
}

export function toast(text: string, tone: ToastTone = "success") {
  emit([...items, { id: nextId++, tone, text }]);
}

function dismiss(id: number) {
  emit(items.filter((item) => item.id !== id));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const EMPTY: readonly ToastItem[] = [];

export function Toaster() {
  const shown = useSyncExternalStore(
    subscribe,
    () => items,
    () => EMPTY,
  );
  return (
    <div aria-live="polite" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-[calc(100%-2rem)] max-w-sm flex-col gap-2">
      {shown.map((item) => (
        <ToastCard key={item.id} item={item} />
      ))}
    </div>
  );
}

function ToastCard({ item }: { item: ToastItem }) {
  useEffect(() => {
    const timer = setTimeout(() => dismiss(item.id), SHOW_MS);
    return () => clearTimeout(timer);
  }, [item.id]);
  const Icon = item.tone === "success" ? CheckIcon : AlertIcon;
  return (
    <div
      role={item.tone === "error" ? "alert" : "status"}
      data-testid="toast"
      className={cn(
        "pointer-events-auto flex items-start gap-3 rounded-lg border bg-white px-4 py-3 text-sm shadow-lg",
        item.tone === "success" ? "border-emerald-200 text-emerald-800" : "border-red-200 text-red-800",
      )}
    >
      <Icon className="mt-0.5 size-4 shrink-0" />
      <p className="min-w-0 flex-1 break-words">{item.text}</p>
      <button type="button" onClick={() => dismiss(item.id)} aria-label="Dismiss" className="-my-1 -mr-2 rounded-md p-1 opacity-70 hover:bg-black/5 hover:opacity-100">
        <CloseIcon className="size-4" />
      </button>
    </div>
  );
}
