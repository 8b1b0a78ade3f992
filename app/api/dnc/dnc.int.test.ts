import { beforeAll, describe, expect, it } from "vitest";
import * as dncRoute from "@/app/api/dnc/route";
import * as dncItemRoute from "@/app/api/dnc/[dnc_id]/route";
import * as checkRoute from "@/app/api/dnc/check/route";
import * as importRoute from "@/app/api/dnc/import/route";
import { call, errorFields, expectError } from "@/lib/testing/api";
import { createOrg } from "@/lib/testing/factories";

let a: Awaited<ReturnType<typeof createOrg>>;
let b: Awaited<ReturnType<typeof createOrg>>;
beforeAll(async () => {
  a = await createOrg();
  b = await createOrg();
});

const add = (body: unknown, token = a.admin.token) => call(dncRoute.POST, { method: "POST", path: "/api/dnc", token, body });
const list = (query: Record<string, string> = {}, token = a.admin.token) => call(dncRoute.GET, { path: "/api/dnc", token, query });
const check = (phone_numbers: string[], token = a.admin.token) =>
  call(checkRoute.POST, { method: "POST", path: "/api/dnc/check", token, body: { phone_numbers } });

describe("do-not-call list", () => {
  it("adds a number in E.164, refuses it twice, lists, searches and removes it", async () => {
    const created = await add({ phone_number: "(212) 555-0300", reason: "Asked not to be called" });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({ dnc_id: expect.stringMatching(/^dnc_/), phone_number: "+12125550300", source: "api", reason: "Asked not to be called", expires_at: null });
    const again = await add({ phone_number: "+1 212 555 0300" });
    expectError(again, 409, "RESOURCE_002");
    expect(errorFields(again)).toEqual({ phone_number: "RESOURCE_002" });
    expect((await list({ search: "555-0300" })).json.data.map((e: { phone_number: string }) => e.phone_number)).toEqual(["+12125550300"]);
    expect((await list({ search: "asked not" })).json.data).toHaveLength(1);
    expect((await list({}, b.admin.token)).json.data).toEqual([]);
    const id = created.json.data.dnc_id;
    expectError(await call(dncItemRoute.DELETE, { method: "DELETE", path: `/api/dnc/${id}`, params: { dnc_id: id }, token: b.admin.token }), 404, "RESOURCE_001");
    const removed = await call(dncItemRoute.DELETE, { method: "DELETE", path: `/api/dnc/${id}`, params: { dnc_id: id }, token: a.admin.token });
    expect(removed.json.data.dnc_id).toBe(id);
    expect((await list({ search: "0300" })).json.data).toEqual([]);
  });

  it("lists an expired number again instead of calling it a duplicate", async () => {
    await add({ phone_number: "2125550340", expires_at: "2020-01-01T00:00:00Z" });
    const again = await add({ phone_number: "2125550340", reason: "opted out again" });
    expect(again.status).toBe(201);
    expect(again.json.data).toMatchObject({ expires_at: null, reason: "opted out again" });
    expect((await check(["2125550340"])).json.data.results[0].can_call).toBe(false);
    await add({ phone_number: "2125550341", expires_at: "2020-01-01T00:00:00Z" });
    const file = new Blob(["phone\n2125550341\n"]);
    const imported = await call(importRoute.POST, { method: "POST", path: "/api/dnc/import", token: a.admin.token, form: { file } });
    expect(imported.json.data).toMatchObject({ imported: 1, duplicates: 0 });
    expect((await check(["2125550341"])).json.data.results[0].can_call).toBe(false);
  });

  it("validates numbers, dates and permissions", async () => {
    expectError(await add({ phone_number: "2125550342", expires_at: "0000-01-01T00:00:00Z" }), 400, "VALIDATION_003");
    const bad = await add({ phone_number: "12345" });
    expectError(bad, 400, "VALIDATION_002");
    expect(errorFields(bad)).toEqual({ phone_number: "VALIDATION_002" });
    expectError(await add({ phone_number: "2125550301", expires_at: "next week" }), 400, "VALIDATION_002");
    expectError(await add({}), 400, "VALIDATION_001");
    expectError(await add({ phone_number: "2125550301" }, a.agent.token), 403, "AUTH_003");
    expectError(await list({ source: "robot" }), 400, "VALIDATION_002");
  });

  it("checks numbers: invalid, listed, expired and callable", async () => {
    await add({ phone_number: "2125550310" });
    await add({ phone_number: "2125550311", expires_at: "2020-01-01T00:00:00Z" });
    const reply = await check(["212-555-0310", "2125550311", "2125550312", "not a number"]);
    expect(reply.json.data.results).toEqual([
      expect.objectContaining({ phone_number: "212-555-0310", e164: "+12125550310", can_call: false, reason: "do_not_call" }),
      { phone_number: "2125550311", e164: "+12125550311", can_call: true, reason: null },
      { phone_number: "2125550312", e164: "+12125550312", can_call: true, reason: null },
      { phone_number: "not a number", e164: null, can_call: false, reason: "invalid_number" },
    ]);
    // Another organization's list does not apply.
    expect((await check(["2125550310"], b.admin.token)).json.data.results[0].can_call).toBe(true);
    expectError(await check([]), 400, "VALIDATION_003");
  });

  it("imports a CSV of numbers with reasons, reporting duplicates and bad rows", async () => {
    const file = new Blob(["Phone,Reason\n2125550320,complaint\n(212) 555-0320,again\n2125550321,\nnope,\n"], { type: "text/csv" });
    const reply = await call(importRoute.POST, { method: "POST", path: "/api/dnc/import", token: a.admin.token, form: { file } });
    expect(reply.status).toBe(200);
    expect(reply.json.data).toEqual({ imported: 2, duplicates: 1, invalid: 1, errors: [{ row: 5, value: "nope", reason: "Not a valid phone number" }] });
    const listed = await list({ source: "import", search: "555032" });
    expect(listed.json.data.map((e: { phone_number: string; reason: string | null }) => [e.phone_number, e.reason]).sort()).toEqual([
      ["+12125550320", "complaint"],
      ["+12125550321", null],
    ]);
    const broken = await call(importRoute.POST, { method: "POST", path: "/api/dnc/import", token: a.admin.token, form: { file: new Blob(['phone\n2125550330\n"2125550331,unclosed\n']) } });
    expect(broken.status).toBe(200);
    expect(broken.json.data.imported).toBe(1);
    const noPhone = await call(importRoute.POST, { method: "POST", path: "/api/dnc/import", token: a.admin.token, form: { file: new Blob(["name\nx\n"]) } });
    expectError(noPhone, 400, "VALIDATION_001");
  });
});
