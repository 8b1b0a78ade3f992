// Non-JSON replies through the wrapper: XML, CSV and files with Range, and idempotent replay of them.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { route } from "@/lib/api/handler";
import { csv, file, parseRange, xml } from "@/lib/api/replies";
import { call } from "@/lib/testing/api";
import { createOrg } from "@/lib/testing/factories";

const bytes = new TextEncoder().encode("0123456789");
const audio = route({ auth: "public" }, async () =>
  file({
    contentType: "audio/wav",
    size: bytes.length,
    open: (range) => new Blob([range ? bytes.slice(range.start, range.end + 1) : bytes]).stream(),
  }),
);

describe("parseRange", () => {
  it("reads single ranges, suffixes and open ends; refuses what is past the end", () => {
    expect(parseRange("bytes=0-3", 10)).toEqual({ start: 0, end: 3 });
    expect(parseRange("bytes=5-", 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange("bytes=-4", 10)).toEqual({ start: 6, end: 9 });
    expect(parseRange("bytes=8-100", 10)).toEqual({ start: 8, end: 9 });
    expect(parseRange("bytes=10-12", 10)).toBe("unsatisfiable");
    expect(parseRange("bytes=0-1,4-5", 10)).toBeNull();
    expect(parseRange(null, 10)).toBeNull();
  });
});

describe("file replies", () => {
  it("answer whole, partial (206 with Content-Range) and unsatisfiable (416) requests", async () => {
    const whole = await call(audio, { path: "/api/audio" });
    expect([whole.status, whole.text, whole.headers.get("accept-ranges"), whole.headers.get("content-length")]).toEqual([200, "0123456789", "bytes", "10"]);
    const part = await call(audio, { path: "/api/audio", headers: { range: "bytes=2-5" } });
    expect([part.status, part.text, part.headers.get("content-range")]).toEqual([206, "2345", "bytes 2-5/10"]);
    const past = await call(audio, { path: "/api/audio", headers: { range: "bytes=20-" } });
    expect([past.status, past.headers.get("content-range")]).toEqual([416, "bytes */10"]);
  });
});

describe("CSV replies", () => {
  it("stream their chunks as an attachment with a safe, UTF-8 file name", async () => {
    const download = route({ auth: "public" }, async () =>
      csv("Ünïcode \"list\".csv", async function* () {
        yield "a,b\r\n";
        yield "1,2\r\n";
      }),
    );
    const reply = await call(download, { path: "/api/export" });
    expect(reply.text).toBe("a,b\r\n1,2\r\n");
    expect(reply.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(reply.headers.get("content-disposition")).toBe(`attachment; filename="_n_code _list_.csv"; filename*=UTF-8''%C3%9Cn%C3%AFcode%20%22list%22.csv`);
  });
});

describe("Idempotency-Key with a non-JSON reply", () => {
  it("replays the XML with its content type", async () => {
    const org = await createOrg();
    let n = 0;
    const twiml = route({ body: z.object({ to: z.string() }) }, async ({ body }) => xml(`<Response><Say>${body.to} ${++n}</Say></Response>`));
    const send = () => call(twiml, { method: "POST", path: "/api/twiml", token: org.admin.token, body: { to: "x" }, headers: { "idempotency-key": "xml-1" } });
    const first = await send();
    const again = await send();
    expect(first.text).toBe("<Response><Say>x 1</Say></Response>");
    expect(again.text).toBe(first.text);
    expect(again.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });
});
