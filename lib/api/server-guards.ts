import "server-only";
// Guards at the HTTP server itself, before Next sees a request, for what Next cannot express:
// - Next's route handlers never see the TCP peer, and Next fills X-Forwarded-For only when the client
//   did not send one — so a client could pick its own address for per-address limits. Every request
//   gets the socket's address in PEER_ADDRESS_HEADER, overwriting anything a client sent under it.
// - TRACE, TRACK and CONNECT cannot become a fetch Request at all (the Fetch standard forbids them),
//   so Next answers them with a bare 500 before any route or proxy.ts runs: answered here with the
//   API's envelope (405) instead.
// Installed once at start-up in long-running servers (instrumentation.ts); on Vercel the platform
// sets the client address and refuses those methods itself.
import http from "node:http";
import { PEER_ADDRESS_HEADER } from "@/lib/api/client-address";
import { ApiError } from "@/lib/api/errors";
import { errorBody } from "@/lib/api/envelope";
import { requestIdFrom } from "@/lib/api/request-id";
import { log } from "@/lib/api/log";

const FORBIDDEN_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);
const ALLOWED = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
const g = globalThis as typeof globalThis & { __vocelioServerGuards?: boolean };

function refuseMethod(req: http.IncomingMessage, res: http.ServerResponse): void {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const requestId = requestIdFrom(headers);
  const error = new ApiError("REQUEST_001", `${req.method} is not supported`, { allowed: ALLOWED.split(", ") });
  log("info", "request", { request_id: requestId, org: null, method: req.method, route: (req.url ?? "").slice(0, 512), status: 405, duration_ms: 0 });
  res.writeHead(405, { "Content-Type": "application/json; charset=utf-8", "X-Request-Id": requestId, Allow: ALLOWED, "Cache-Control": "no-store" });
  res.end(JSON.stringify(errorBody(requestId, error)));
}

export function installServerGuards(): void {
  if (g.__vocelioServerGuards) return;
  g.__vocelioServerGuards = true;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      if (FORBIDDEN_METHODS.has(req.method ?? "")) {
        refuseMethod(req, args[1] as http.ServerResponse);
        return true;
      }
      req.headers[PEER_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "unknown";
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}
