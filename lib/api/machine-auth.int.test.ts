// Machine callers through the route wrapper: a telephony provider's signed callbacks and the
// scheduler's secret or QStash signature. Requests are signed exactly as Twilio and QStash sign them.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createHash } from "node:crypto";
import twilio from "twilio";
import { SignJWT } from "jose";
import { z } from "zod";
import { route } from "@/lib/api/handler";
import { xml } from "@/lib/api/replies";
import { call, errorFields, expectError } from "@/lib/testing/api";
import { twilioAuthToken } from "@/lib/telephony/credentials";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const PUBLIC = "https://calls.example.com";
const statusRoute = route(
  { auth: "twilio", form: z.object({ CallSid: z.string().startsWith("CA"), CallStatus: z.enum(["ringing", "completed"]) }) },
  async ({ form, raw, actor }) => xml(`<Response><Say>${form.CallStatus} ${raw.Extra ?? ""} ${actor.kind}:${actor.id}</Say></Response>`),
);

function signedForm(params: Record<string, string>, url = `${PUBLIC}/api/telephony/twilio/status`, token = twilioAuthToken()) {
  return {
    method: "POST",
    path: "/api/telephony/twilio/status",
    rawBody: new URLSearchParams(params).toString(),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature(token, url, params),
    },
  };
}

describe('auth: "twilio"', () => {
  it("accepts a request signed over the public URL and hands over the parsed form, the raw parameters and the provider actor", async () => {
    vi.stubEnv("PUBLIC_URL", PUBLIC);
    const reply = await call(statusRoute, signedForm({ CallSid: "CA123", CallStatus: "ringing", Extra: "x" }));
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    expect(reply.text).toBe("<Response><Say>ringing x system:twilio</Say></Response>");
  });

  it("uses TWILIO_AUTH_TOKEN when Twilio is configured", async () => {
    vi.stubEnv("PUBLIC_URL", PUBLIC);
    vi.stubEnv("TWILIO_AUTH_TOKEN", "twilio-account-token");
    expect((await call(statusRoute, signedForm({ CallSid: "CA1", CallStatus: "completed" }, undefined, "twilio-account-token"))).status).toBe(200);
    expectError(await call(statusRoute, signedForm({ CallSid: "CA1", CallStatus: "completed" }, undefined, "another-token")), 403, "AUTH_003");
  });

  it("refuses a missing, forged or wrong-URL signature with 403 and a warning log line", async () => {
    vi.stubEnv("PUBLIC_URL", PUBLIC);
    vi.stubEnv("LOG_LEVEL", "info");
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    const params = { CallSid: "CA123", CallStatus: "ringing" };
    const good = signedForm(params);
    expectError(await call(statusRoute, { ...good, headers: { "content-type": good.headers["content-type"] } }), 403, "AUTH_003");
    // Signed over the request's own host instead of the public URL (what a proxy would see).
    expectError(await call(statusRoute, signedForm(params, "http://localhost:3000/api/telephony/twilio/status")), 403, "AUTH_003");
    // A parameter changed after signing.
    expectError(await call(statusRoute, { ...good, rawBody: new URLSearchParams({ ...params, CallStatus: "completed" }).toString() }), 403, "AUTH_003");
    expect(lines.filter((l) => JSON.parse(l).event === "twilio_signature_invalid" && JSON.parse(l).level === "warn")).toHaveLength(3);
  });

  it("validates the signed form with its schema and refuses other content types", async () => {
    vi.stubEnv("PUBLIC_URL", PUBLIC);
    expect(errorFields(await call(statusRoute, signedForm({ CallSid: "XX1", CallStatus: "ringing" })))).toEqual({ CallSid: "VALIDATION_002" });
    expect(errorFields(await call(statusRoute, signedForm({ CallStatus: "ringing" })))).toEqual({ CallSid: "VALIDATION_001" });
    const json = signedForm({ CallSid: "CA1", CallStatus: "ringing" });
    expectError(await call(statusRoute, { ...json, headers: { ...json.headers, "content-type": "application/json" } }), 415, "REQUEST_003");
  });
});

const tickRoute = route({ auth: "cron" }, async ({ actor }) => ({ ran: true, actor }));

async function qstashSignature(key: string, url: string, body: string) {
  const hash = createHash("sha256").update(body).digest("base64url");
  return new SignJWT({ body: hash })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer("Upstash")
    .setSubject(url)
    .setIssuedAt()
    .setNotBefore(Math.floor(Date.now() / 1000) - 5)
    .setExpirationTime("5m")
    .setJti(`jwt_${Date.now()}`)
    .sign(new TextEncoder().encode(key));
}

describe('auth: "cron"', () => {
  it("runs with Vercel Cron's bearer secret and refuses without it or with another", async () => {
    vi.stubEnv("CRON_SECRET", "cron-secret-0123456789");
    const ok = await call(tickRoute, { path: "/api/test/cron", headers: { authorization: "Bearer cron-secret-0123456789" } });
    expect(ok.json.data).toEqual({ ran: true, actor: { kind: "system", id: "cron" } });
    expectError(await call(tickRoute, { path: "/api/test/cron" }), 401, "AUTH_001");
    expectError(await call(tickRoute, { path: "/api/test/cron", headers: { authorization: "Bearer cron-secret-0123456788" } }), 401, "AUTH_001");
  });

  it("accepts a QStash signature over the public URL when its signing keys are set", async () => {
    vi.stubEnv("PUBLIC_URL", PUBLIC);
    vi.stubEnv("QSTASH_CURRENT_SIGNING_KEY", "sig_current_key");
    vi.stubEnv("QSTASH_NEXT_SIGNING_KEY", "sig_next_key");
    const url = `${PUBLIC}/api/test/cron`;
    for (const key of ["sig_current_key", "sig_next_key"]) {
      const signature = await qstashSignature(key, url, "");
      expect((await call(tickRoute, { method: "GET", path: "/api/test/cron", headers: { "upstash-signature": signature } })).status).toBe(200);
    }
    const wrongUrl = await qstashSignature("sig_current_key", "https://elsewhere.example/api/test/cron", "");
    expectError(await call(tickRoute, { path: "/api/test/cron", headers: { "upstash-signature": wrongUrl } }), 401, "AUTH_001");
    const wrongKey = await qstashSignature("not-the-key", url, "");
    expectError(await call(tickRoute, { path: "/api/test/cron", headers: { "upstash-signature": wrongKey } }), 401, "AUTH_001");
  });

  it("with an external database and nothing configured, refuses with SERVICE_003 rather than run unauthenticated", async () => {
    vi.stubEnv("CRON_SECRET", "");
    vi.stubEnv("QSTASH_CURRENT_SIGNING_KEY", "");
    vi.stubEnv("VERCEL", "1");
    expectError(await call(tickRoute, { path: "/api/test/cron" }), 503, "SERVICE_003");
  });
});
