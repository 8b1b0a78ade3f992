// The lead import pipeline through its real routes: streamed multipart upload → file checks → 202 →
// durable job (run here with runAllDueWork) → status, counts, row errors, CSV error report, leads list and the outbox event.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as leadsRoute from "@/app/api/campaigns/[campaign_id]/leads/route";
import * as importRoute from "@/app/api/campaigns/[campaign_id]/leads/imports/[import_id]/route";
import * as importsRoute from "@/app/api/campaigns/[campaign_id]/leads/imports/route";
import * as errorsRoute from "@/app/api/campaigns/[campaign_id]/leads/imports/[import_id]/errors.csv/route";
import * as campaignsRoute from "@/app/api/campaigns/route";
import { call, errorFields, expectError } from "@/lib/testing/api";
import { createOrg } from "@/lib/testing/factories";
import { runAllDueWork } from "@/lib/testing/jobs";
import { db } from "@/lib/db/client";
import { runLeadImport } from "@/lib/leads/run-lead-import";
import { importObjectKey } from "@/lib/leads/import-object";
import { objectStore, setObjectStore } from "@/lib/storage/provider";
import { localStore } from "@/lib/storage/local-store";

let a: Awaited<ReturnType<typeof createOrg>>;
let b: Awaited<ReturnType<typeof createOrg>>;
let objectsDir: string;
beforeAll(async () => {
  // This file's own object store, so its orphan clean-up sees only its own files.
  objectsDir = await mkdtemp(path.join(tmpdir(), "vocelio-leads-objects-"));
  setObjectStore(localStore(objectsDir));
  a = await createOrg();
  b = await createOrg();
});

async function newCampaign(token = a.admin.token) {
  const reply = await call(campaignsRoute.POST, { method: "POST", path: "/api/campaigns", token, body: { name: "Import test", campaign_type: "outbound_sales" } });
  return reply.json.data.campaign_id as string;
}

afterAll(async () => {
  await runAllDueWork();
  setObjectStore(undefined);
  await rm(objectsDir, { recursive: true, force: true });
});

async function storeImportFile(importId: string, text: string) {
  await (await objectStore()).put(importObjectKey(importId), new TextEncoder().encode(text), { contentType: "text/csv" });
}

const csv = (text: string) => new Blob([text], { type: "text/csv" });

async function upload(campaignId: string, file: Blob | null, fields: Record<string, string> = {}, token = a.admin.token) {
  const form: Record<string, string | Blob> = { ...fields };
  if (file) form.file = file;
  return call(leadsRoute.POST, { method: "POST", path: `/api/campaigns/${campaignId}/leads`, params: { campaign_id: campaignId }, token, form });
}

async function importStatus(campaignId: string, importId: string, token = a.admin.token) {
  return call(importRoute.GET, { path: `/api/campaigns/${campaignId}/leads/imports/${importId}`, params: { campaign_id: campaignId, import_id: importId }, token });
}

async function uploadAndWait(campaignId: string, file: Blob, fields: Record<string, string> = {}) {
  const started = await upload(campaignId, file, fields);
  expect(started.status).toBe(202);
  await runAllDueWork();
  return (await importStatus(campaignId, started.json.data.import_id)).json.data;
}

async function leadsOf(campaignId: string, query: Record<string, string> = {}) {
  const reply = await call(leadsRoute.GET, { path: `/api/campaigns/${campaignId}/leads`, params: { campaign_id: campaignId }, token: a.admin.token, query: { limit: "100", sort: "phone_number", order: "asc", ...query } });
  return reply.json.data as { phone_number: string; first_name: string | null; last_name: string | null; email: string | null; timezone: string; custom_fields: Record<string, string>; status: string }[];
}

describe("POST /api/campaigns/{id}/leads", () => {
  it("imports valid rows: E.164, names, custom fields, time zones, counts and the lead.imported event", async () => {
    const id = await newCampaign();
    const file = csv("phone,first_name,last_name,email,notes\n(212) 555-0100,Ada,Lovelace,ADA@Example.com,vip\n+1 310 555 0101,Alan,Turing,,\n312.555.0102,Grace,Hopper,grace@example.com,call after 3\n");
    const started = await upload(id, file);
    expect(started.status).toBe(202);
    expect(started.json.data).toEqual({ import_id: expect.stringMatching(/^import_/), status: "processing", total_rows: 3 });
    await runAllDueWork();
    const done = (await importStatus(id, started.json.data.import_id)).json.data;
    expect(done).toMatchObject({ status: "completed", total_rows: 3, processed_rows: 3, percent_complete: 100, imported: 3, duplicates: 0, invalid: 0, suppressed: 0, error_count: 0, errors: [] });
    expect(done.mapping).toEqual({ phone: "phone_number", first_name: "first_name", last_name: "last_name", email: "email" });
    const leads = await leadsOf(id);
    expect(leads.map((l) => [l.phone_number, l.timezone])).toEqual([
      ["+12125550100", "America/New_York"],
      ["+13105550101", "America/Los_Angeles"],
      ["+13125550102", "America/Chicago"],
    ]);
    expect(leads[0]).toMatchObject({ first_name: "Ada", last_name: "Lovelace", email: "ada@example.com", custom_fields: { notes: "vip" }, status: "pending" });
    const prisma = await db();
    const event = await prisma.event.findFirst({ where: { organizationId: a.org.id, type: "lead.imported" }, orderBy: { createdAt: "desc" } });
    expect(event?.payload).toMatchObject({ import_id: started.json.data.import_id, imported: 3 });
  });

  it("reads the spec's mapping direction (CSV column → lead field) and splits full names", async () => {
    const id = await newCampaign();
    const done = await uploadAndWait(id, csv("phone,name,zone\n2125550110,Mary Ann Smith,America/Denver\n"), {
      mapping: JSON.stringify({ phone: "phone_number", name: "full_name", zone: "timezone" }),
    });
    expect(done.imported).toBe(1);
    const [lead] = await leadsOf(id);
    expect(lead).toMatchObject({ phone_number: "+12125550110", first_name: "Mary", last_name: "Ann Smith", timezone: "America/Denver" });
  });

  it("counts and lists row errors without stopping, and serves them all as CSV", async () => {
    const id = await newCampaign();
    const done = await uploadAndWait(id, csv("phone,email,timezone\n12,a@b.co,\n2125550120,not-an-email,\n,x@y.co,\n2125550121,,Mars/Base\n2125550122,ok@example.com,\n"));
    expect(done).toMatchObject({ status: "completed", total_rows: 5, imported: 1, invalid: 4, error_count: 4 });
    const invalid = { kind: "invalid", name: null };
    expect(done.errors).toEqual([
      { row: 2, column: "phone", value: "12", reason: "Not a valid phone number", ...invalid, email: "a@b.co" },
      { row: 3, column: "email", value: "not-an-email", reason: "Not a valid email address", ...invalid, email: "not-an-email" },
      { row: 4, column: "phone", value: "", reason: "Phone number is missing", ...invalid, email: "x@y.co" },
      { row: 5, column: "timezone", value: "Mars/Base", reason: "Not an IANA time zone (e.g. America/Chicago)", ...invalid, email: null },
    ]);
    const report = await call(errorsRoute.GET, { path: done.errors_url, params: { campaign_id: id, import_id: done.import_id }, token: a.admin.token });
    expect(report.status).toBe(200);
    expect(report.headers.get("content-type")).toMatch(/text\/csv/);
    expect(report.headers.get("x-request-id")).toBeTruthy();
    expect(report.text.split("\r\n")).toEqual([
      "row,kind,column,value,reason,name,email",
      "2,invalid,phone,12,Not a valid phone number,,a@b.co",
      "3,invalid,email,not-an-email,Not a valid email address,,not-an-email",
      "4,invalid,phone,,Phone number is missing,,x@y.co",
      "5,invalid,timezone,Mars/Base,Not an IANA time zone (e.g. America/Chicago),,",
      "",
    ]);
  });

  it("skips duplicates in the file and in the campaign; re-uploading with skip imports nothing twice", async () => {
    const id = await newCampaign();
    const file = "phone,first_name\n2125550130,One\n(212) 555-0130,Again\n2125550131,Two\n";
    const first = await uploadAndWait(id, csv(file));
    expect(first).toMatchObject({ imported: 2, duplicates: 1, error_count: 1 });
    const dup = { kind: "duplicate", column: "phone", email: null };
    expect(first.errors).toEqual([{ row: 3, value: "+12125550130", reason: "Duplicate: the same number as an earlier row of this file", name: "Again", ...dup }]);
    const again = await uploadAndWait(id, csv(file));
    expect(again).toMatchObject({ imported: 0, duplicates: 3, updated: 0, error_count: 3 });
    // Re-uploaded: every row is reported, the first and third as already in the campaign.
    expect(again.errors.map((e: { row: number; reason: string; name: string }) => [e.row, e.name, e.reason])).toEqual([
      [2, "One", "Duplicate: already in this campaign"],
      [3, "Again", "Duplicate: the same number as an earlier row of this file"],
      [4, "Two", "Duplicate: already in this campaign"],
    ]);
    expect((await leadsOf(id)).map((l) => l.first_name)).toEqual(["One", "Two"]);
  });

  it("updates existing leads under the update policy", async () => {
    const id = await newCampaign();
    await uploadAndWait(id, csv("phone,first_name,company\n2125550140,Old,Acme\n"));
    const done = await uploadAndWait(id, csv("phone,first_name,tier\n2125550140,New,gold\n2125550141,Fresh,\n"), { duplicate_policy: "update" });
    expect(done).toMatchObject({ imported: 1, duplicates: 1, updated: 1 });
    expect(done.errors).toEqual([
      { row: 2, kind: "duplicate", column: "phone", value: "+12125550140", reason: "Duplicate: already in this campaign; its lead was updated from this row", name: "New", email: null },
    ]);
    const leads = await leadsOf(id);
    expect(leads[0]).toMatchObject({ first_name: "New", custom_fields: { tier: "gold" } });
  });

  it("reads a row holding a NUL character as unreadable (not a 500), and keeps a UTF-8 file name intact", async () => {
    const id = await newCampaign();
    const form = { file: { blob: csv("phone,first_name\n2125550170,Zoë\n2125550171,Bad\u0000Byte\n"), filename: "Ünïcödé leads – März.csv" } };
    const started = await call(leadsRoute.POST, { method: "POST", path: `/api/campaigns/${id}/leads`, params: { campaign_id: id }, token: a.admin.token, form });
    expect(started.status).toBe(202);
    await runAllDueWork();
    const done = (await importStatus(id, started.json.data.import_id)).json.data;
    expect(done).toMatchObject({ status: "completed", imported: 1, invalid: 1, file_name: "Ünïcödé leads – März.csv" });
    expect(done.errors).toEqual([{ row: 3, kind: "invalid", column: "first_name", value: "Bad\\0Byte", reason: "Unreadable CSV row: contains a NUL character", name: null, email: null }]);
    expect((await leadsOf(id)).map((l) => l.first_name)).toEqual(["Zoë"]);
  });

  it("suppresses numbers on the organization's do-not-call list", async () => {
    const id = await newCampaign();
    const prisma = await db();
    await prisma.dncEntry.create({ data: { id: "dnc_import_test", organizationId: a.org.id, phone: "+12125550150", source: "manual" } });
    await prisma.dncEntry.create({ data: { id: "dnc_expired_test", organizationId: a.org.id, phone: "+12125550152", source: "manual", expiresAt: new Date(Date.now() - 1000) } });
    const done = await uploadAndWait(id, csv("phone\n2125550150\n2125550151\n2125550152\n"));
    expect(done).toMatchObject({ imported: 2, suppressed: 1 });
    expect(done.errors).toEqual([{ row: 2, kind: "suppressed", column: "phone", value: "+12125550150", reason: "On the do-not-call list", name: null, email: null }]);
    expect((await leadsOf(id)).map((l) => l.phone_number)).toEqual(["+12125550151", "+12125550152"]);
  });

  it("reads real-world CSVs: BOM, semicolons, quoted delimiters and newlines, CRLF, blank lines, extra columns", async () => {
    const id = await newCampaign();
    const text = '\uFEFFPhone;Name;Notes\r\n2125550160;"Smith; John";"line one\r\nline two"\r\n\r\n;;\r\n2125550161;Solo;plain;surplus\r\n';
    const done = await uploadAndWait(id, csv(text));
    expect(done).toMatchObject({ total_rows: 2, imported: 2, invalid: 0 });
    const leads = await leadsOf(id);
    expect(leads[0]).toMatchObject({ first_name: "Smith;", last_name: "John", custom_fields: { Notes: "line one\r\nline two" } });
    expect(leads[1]!.custom_fields).toEqual({ Notes: "plain", column_4: "surplus" });
  });

  it("refuses file-level problems before anything is written", async () => {
    const id = await newCampaign();
    const headerOnly = await upload(id, csv("phone,name\n"));
    expectError(headerOnly, 400, "VALIDATION_003");
    expect(errorFields(headerOnly)).toEqual({ file: "VALIDATION_003" });
    expectError(await upload(id, csv("")), 400, "VALIDATION_002");
    const missingColumn = await upload(id, csv("phone\n2125550170\n"), { mapping: JSON.stringify({ mobile: "phone_number" }) });
    expectError(missingColumn, 400, "VALIDATION_002");
    expect(errorFields(missingColumn)).toEqual({ "mapping.mobile": "VALIDATION_002" });
    const noPhone = await upload(id, csv("name,email\nA,a@b.co\n"));
    expectError(noPhone, 400, "VALIDATION_001");
    expect(errorFields(noPhone)).toEqual({ "mapping.phone_number": "VALIDATION_001" });
    expectError(await upload(id, csv("phone\n1\n"), { mapping: "{not json" }), 400, "VALIDATION_002");
    expectError(await upload(id, csv("phone\n1\n"), { mapping: JSON.stringify({ phone: "shoe_size" }) }), 400, "VALIDATION_002");
    expectError(await upload(id, null), 400, "VALIDATION_001");
    expectError(await upload(id, csv("phone\n1\n"), { duplicate_policy: "merge" }), 400, "VALIDATION_002");
    const notMultipart = await call(leadsRoute.POST, { method: "POST", path: `/api/campaigns/${id}/leads`, params: { campaign_id: id }, token: a.admin.token, body: { file: "x" } });
    expectError(notMultipart, 415, "REQUEST_003");
    const prisma = await db();
    expect(await prisma.leadImport.count({ where: { campaignId: id } })).toBe(0);
  });

  it("refuses files over 100 MB with 413 while streaming", async () => {
    const id = await newCampaign();
    const boundary = "----vocelio-test-boundary";
    const chunk = new Uint8Array(1024 * 1024).fill(0x31);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const enc = new TextEncoder();
        if (sent === 0) controller.enqueue(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\nphone\n`));
        if (sent < 101) {
          controller.enqueue(chunk);
          sent += 1;
        } else {
          controller.enqueue(enc.encode(`\r\n--${boundary}--\r\n`));
          controller.close();
        }
      },
    });
    const reply = await call(leadsRoute.POST, {
      method: "POST",
      path: `/api/campaigns/${id}/leads`,
      params: { campaign_id: id },
      token: a.admin.token,
      rawBody: stream,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    expectError(reply, 413, "REQUEST_002");
  });

  it("lists the campaign's import history, newest first, with error counts", async () => {
    const id = await newCampaign();
    await uploadAndWait(id, csv("phone\n2125550190\n"));
    await uploadAndWait(id, csv("phone\n2125550191\nnope\n"));
    const reply = await call(importsRoute.GET, { path: `/api/campaigns/${id}/leads/imports`, params: { campaign_id: id }, token: a.agent.token });
    expect(reply.status).toBe(200);
    expect(reply.json.pagination).toMatchObject({ total: 2, page: 1 });
    expect(reply.json.data.map((i: { imported: number; invalid: number; error_count: number; status: string }) => [i.status, i.imported, i.invalid, i.error_count])).toEqual([
      ["completed", 1, 1, 1],
      ["completed", 1, 0, 0],
    ]);
    expect(reply.json.data[0]).not.toHaveProperty("errors");
  });

  it("is refused to agents, and another organization's campaign is not found", async () => {
    const id = await newCampaign();
    expectError(await upload(id, csv("phone\n2125550180\n"), {}, a.agent.token), 403, "AUTH_003");
    expectError(await upload(id, csv("phone\n2125550180\n"), {}, b.admin.token), 404, "RESOURCE_001");
    const list = await call(importsRoute.GET, { path: `/api/campaigns/${id}/leads/imports`, params: { campaign_id: id }, token: b.admin.token });
    expectError(list, 404, "RESOURCE_001");
  });
});

describe("awkward files and requests", () => {
  it("reads stray quotes inside fields and old Mac (CR-only) line endings", async () => {
    const id = await newCampaign();
    const quotes = await uploadAndWait(id, csv('phone,name,height\n2125550200,Bob O"Neil,5\'11"\n2125550201,Ann,6\'0"\n'));
    expect(quotes).toMatchObject({ status: "completed", imported: 2, invalid: 0 });
    const cr = await uploadAndWait(id, csv("phone,name\r2125550202,Cy\r2125550203,Di\r"));
    expect(cr).toMatchObject({ status: "completed", total_rows: 2, imported: 2 });
  });

  it("refuses an unsupported default_country and uploads to a cancelled campaign", async () => {
    const id = await newCampaign();
    const uk = await upload(id, csv("phone\n2071234567\n"), { default_country: "UK" });
    expectError(uk, 400, "VALIDATION_002");
    expect(errorFields(uk)).toEqual({ default_country: "VALIDATION_002" });
    const gb = await uploadAndWait(id, csv("phone\n020 7123 4567\n"), { default_country: "GB" });
    expect(gb).toMatchObject({ imported: 1 });
    const prisma = await db();
    await prisma.campaign.update({ where: { id }, data: { status: "cancelled" } });
    expectError(await upload(id, csv("phone\n2125550210\n")), 409, "RESOURCE_003");
  });

  it("counts numbers repeated across batches as duplicates, however far apart", async () => {
    const id = await newCampaign();
    const phones = Array.from({ length: 12_000 }, (_, i) => `+1646${String(5_000_000 + i)}`);
    // The first 300 numbers again at the end, two batches later.
    const file = csv(`phone,first_name\n${phones.map((p) => `${p},First`).join("\n")}\n${phones.slice(0, 300).map((p) => `${p},Again`).join("\n")}\n`);
    const done = await uploadAndWait(id, file);
    expect(done).toMatchObject({ status: "completed", processed_rows: 12_300, imported: 12_000, duplicates: 300, invalid: 0 });
    const prisma = await db();
    expect(await prisma.lead.count({ where: { campaignId: id } })).toBe(12_000);
    expect(await prisma.lead.count({ where: { campaignId: id, firstName: "Again" } })).toBe(0);
  });

  it("lets only one of two jobs racing on the same import count its rows", async () => {
    const id = await newCampaign();
    const phones = Array.from({ length: 7000 }, (_, i) => `+1415${String(5550000 + i)}`);
    const started = await upload(id, csv(`phone\n${phones.join("\n")}\n`));
    const importId = started.json.data.import_id as string;
    await runAllDueWork();
    const prisma = await db();
    // Back to "nothing done yet", then two workers start it at once (e.g. two servers resuming it).
    await prisma.lead.deleteMany({ where: { campaignId: id } });
    await prisma.event.deleteMany({ where: { type: "lead.imported", payload: { path: ["import_id"], equals: importId } } });
    await prisma.leadImport.update({
      where: { id: importId },
      data: { status: "processing", processedRows: 0, imported: 0, duplicates: 0, completedAt: null, heartbeatAt: new Date() },
    });
    await storeImportFile(importId, `phone\n${phones.join("\n")}\n`);
    await Promise.all([runLeadImport(importId), runLeadImport(importId)]);
    const done = (await importStatus(id, importId)).json.data;
    expect(done).toMatchObject({ status: "completed", processed_rows: 7000, imported: 7000, duplicates: 0 });
    expect(await prisma.lead.count({ where: { campaignId: id } })).toBe(7000);
    expect(await prisma.event.count({ where: { type: "lead.imported", payload: { path: ["import_id"], equals: importId } } })).toBe(1);
  });
});

describe("leads without foreign keys", () => {
  it("go with their campaign, and with their organization's campaigns", async () => {
    const id = await newCampaign();
    const other = await newCampaign();
    await uploadAndWait(id, csv("phone\n2125550230\n2125550231\n"));
    await uploadAndWait(other, csv("phone\n2125550232\n"));
    const prisma = await db();
    await prisma.campaign.delete({ where: { id } });
    expect(await prisma.lead.count({ where: { campaignId: id } })).toBe(0);
    expect(await prisma.lead.count({ where: { campaignId: other } })).toBe(1);
    const doomed = await createOrg();
    const theirs = await newCampaign(doomed.admin.token);
    expect((await upload(theirs, csv("phone\n2125550233\n"), {}, doomed.admin.token)).status).toBe(202);
    await runAllDueWork();
    expect(await prisma.lead.count({ where: { campaignId: theirs } })).toBe(1);
    await prisma.organization.delete({ where: { id: doomed.org.id } });
    expect(await prisma.lead.count({ where: { campaignId: theirs } })).toBe(0);
  });
});

describe("orphaned files", () => {
  it("are removed once old: leftover temp uploads and stored files of imports that ended, not of running ones", async () => {
    const { removeOrphanedImportFiles, ORPHAN_AGE_MS } = await import("@/lib/leads/remove-orphaned-import-files");
    const { uploadsDir } = await import("@/lib/api/multipart");
    const { mkdir, writeFile, access } = await import("node:fs/promises");
    const path = await import("node:path");
    await mkdir(uploadsDir(), { recursive: true });
    const leftover = path.join(uploadsDir(), `crashed-upload-${Date.now()}`);
    await writeFile(leftover, "phone\n");
    await storeImportFile("import_ended_long_ago", "phone\n");
    const id = await newCampaign();
    const prisma = await db();
    const running = await prisma.leadImport.create({
      data: { id: "import_still_running", organizationId: a.org.id, campaignId: id, fileName: "x.csv", mapping: {}, defaultCountry: "US" },
    });
    await storeImportFile(running.id, "phone\n");
    const store = await objectStore();
    // Nothing is old yet.
    expect(await removeOrphanedImportFiles()).toBe(0);
    const later = new Date(Date.now() + ORPHAN_AGE_MS + 60_000);
    expect(await removeOrphanedImportFiles(later)).toBeGreaterThanOrEqual(2);
    await expect(access(leftover)).rejects.toThrow();
    expect(await store.head(importObjectKey("import_ended_long_ago"))).toBeNull();
    expect(await store.head(importObjectKey(running.id))).not.toBeNull();
  });
});

describe("interrupted imports", () => {
  it("stop at a batch boundary on shutdown, and resume on another instance once the job's lease expires", async () => {
    const id = await newCampaign();
    const phones = Array.from({ length: 5000 }, (_, i) => `+1332${String(5550000 + i)}`);
    const started = await upload(id, csv(`phone\n${phones.join("\n")}\n`));
    const importId = started.json.data.import_id as string;
    await runAllDueWork();
    const prisma = await db();
    const job = await prisma.job.findFirstOrThrow({ where: { kind: "lead_import", payload: { path: ["import_id"], equals: importId } } });
    expect(job).toMatchObject({ state: "done", attempts: 1, organizationId: a.org.id });
    expect(await (await objectStore()).head(importObjectKey(importId))).toBeNull(); // removed when the import ended
    // Rewind to "an instance crashed after the first batch": 2000 leads committed, counters at 2000,
    // the job still "running" under a lease that has run out.
    await prisma.lead.deleteMany({ where: { campaignId: id, phone: { in: phones.slice(2000) } } });
    await prisma.leadImport.update({
      where: { id: importId },
      data: { status: "processing", processedRows: 2000, imported: 2000, completedAt: null, heartbeatAt: new Date(Date.now() - 5 * 60_000) },
    });
    await storeImportFile(importId, `phone\n${phones.join("\n")}\n`);
    await prisma.job.update({
      where: { id: job.id },
      data: { state: "running", lockedBy: "crashed-instance", lockedUntil: new Date(Date.now() - 1000), finishedAt: null },
    });
    const aborted = new AbortController();
    aborted.abort();
    await runLeadImport(importId, aborted.signal); // a shutting-down process writes nothing
    expect((await prisma.leadImport.findUniqueOrThrow({ where: { id: importId } })).processedRows).toBe(2000);
    const result = await runAllDueWork({ workerId: "other-instance" });
    expect(result).toMatchObject({ done: expect.any(Number) });
    const done = (await importStatus(id, importId)).json.data;
    expect(done).toMatchObject({ status: "completed", processed_rows: 5000, imported: 5000, duplicates: 0 });
    expect(await prisma.lead.count({ where: { campaignId: id } })).toBe(5000);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ state: "done", attempts: 2, lockedBy: null });
  });
});

describe("batches", () => {
  it("count duplicates across batch boundaries, including numbers already in the campaign mid-file", async () => {
    const previous = process.env.LEAD_IMPORT_BATCH_ROWS;
    process.env.LEAD_IMPORT_BATCH_ROWS = "1000";
    try {
      const id = await newCampaign();
      const existing = Array.from({ length: 10 }, (_, i) => `+1718${String(5550000 + i)}`);
      expect(await uploadAndWait(id, csv(`phone\n${existing.join("\n")}\n`))).toMatchObject({ imported: 10 });
      const fresh = Array.from({ length: 3000 }, (_, i) => `+1917${String(5000000 + i)}`);
      // Batch 1: fresh[0..999]; batch 2 meets the campaign's numbers (COPY gives way to upserts);
      // the last batch repeats 300 numbers of batch 1.
      const rows = [
        ...fresh.slice(0, 1500).map((p) => `${p},First`),
        ...existing.map((p) => `${p},Existing`),
        ...fresh.slice(1500).map((p) => `${p},First`),
        ...fresh.slice(0, 300).map((p) => `${p},Again`),
      ];
      const done = await uploadAndWait(id, csv(`phone,first_name\n${rows.join("\n")}\n`));
      expect(done).toMatchObject({ status: "completed", processed_rows: 3310, imported: 3000, duplicates: 310, invalid: 0, error_count: 310 });
      const prismaReport = await db();
      const reported = await prismaReport.leadImportError.findMany({ where: { importId: done.import_id }, orderBy: { rowNumber: "asc" } });
      // The 10 numbers already in the campaign (rows 1502–1511) and the 300 repeats (the last 300 rows).
      expect(reported.filter((r) => r.reason === "Duplicate: already in this campaign").map((r) => r.rowNumber)).toEqual(
        Array.from({ length: 10 }, (_, i) => 1502 + i),
      );
      const repeats = reported.filter((r) => r.reason === "Duplicate: the same number as an earlier row of this file");
      expect(repeats.map((r) => r.rowNumber)).toEqual(Array.from({ length: 300 }, (_, i) => 3012 + i));
      expect(new Set(repeats.map((r) => r.name))).toEqual(new Set(["Again"]));
      const prisma = await db();
      expect(await prisma.lead.count({ where: { campaignId: id } })).toBe(3010);
      expect(await prisma.lead.count({ where: { campaignId: id, firstName: { in: ["Again", "Existing"] } } })).toBe(0);
    } finally {
      if (previous === undefined) delete process.env.LEAD_IMPORT_BATCH_ROWS;
      else process.env.LEAD_IMPORT_BATCH_ROWS = previous;
    }
  });
});
