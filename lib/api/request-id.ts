import { newId } from "@/lib/ids";

// A client-sent X-Request-Id is echoed when it is short and printable, so callers can correlate logs.
const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(headers: Headers): string {
  const sent = headers.get("x-request-id");
  return sent && SANE.test(sent) ? sent : newId("request");
}
