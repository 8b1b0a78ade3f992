// Structured JSON logs, one line per event. LOG_LEVEL=silent turns them off (the test suite does).
type Level = "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { info: 0, warn: 1, error: 2, silent: 3 };

export function log(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  const threshold = (process.env.LOG_LEVEL as Level | "silent" | undefined) ?? "info";
  if (ORDER[level] < (ORDER[threshold] ?? 0)) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), event, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}
