import "server-only";
// What each generated audio file says, as the app made it, for the carrier simulator's callee: a
// person hears the words; the simulated one reads them here (in this process; after a restart a line
// it cannot find is heard as words it does not understand, and it answers in general terms).
// On globalThis: route bundles may each load this module, and the simulator must read what any route wrote.
const store = globalThis as unknown as { vocelioSpokenLines?: Map<string, string> };
const LINES = (store.vocelioSpokenLines ??= new Map<string, string>());
const MAX_LINES = 5_000;

/** Audio is addressed by its object key (signed URLs differ per request, the key does not). */
function keyOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url;
  }
}

export function rememberLine(audioUrl: string, text: string): void {
  if (LINES.size >= MAX_LINES) LINES.delete(LINES.keys().next().value!);
  LINES.set(keyOf(audioUrl), text);
}

export function lineFor(audioUrl: string): string | null {
  return LINES.get(keyOf(audioUrl)) ?? null;
}
