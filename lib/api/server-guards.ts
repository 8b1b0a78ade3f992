import "server-only";
// Next's route handlers never see the TCP peer, and Next fills X-Forwarded-For only when the client
// did not send one — so without this, a client picks its own address for per-address limits. In a
// long-running server (`next start`), every incoming request gets the socket's address in
// PEER_ADDRESS_HEADER, overwriting anything a client sent under that name. Called once at start-up.
import http from "node:http";
import { PEER_ADDRESS_HEADER } from "@/lib/api/client-address";

const g = globalThis as typeof globalThis & { __vocelioPeerStamp?: boolean };

export function stampPeerAddresses(): void {
  if (g.__vocelioPeerStamp) return;
  g.__vocelioPeerStamp = true;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "unknown";
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}
