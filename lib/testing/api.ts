// Calls a route handler in-process, exactly as Next would, and decodes the envelope.
import { expect } from "vitest";
import { assertMatchesDocument } from "@/lib/testing/openapi-validator";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
// `never` accepts any route's own params type; call() supplies the params the test gives.
type Handler = (request: Request, context: never) => Promise<Response>;

export type CallOptions = {
  method?: string;
  path: string;
  query?: Record<string, string>;
  params?: Record<string, string | string[]>;
  body?: unknown;
  /** Raw body, sent as-is (malformed JSON, size tests, streamed uploads). */
  rawBody?: string | ReadableStream<Uint8Array>;
  /** multipart/form-data fields; Blob values are sent as files. */
  form?: Record<string, string | Blob | { blob: Blob; filename: string }>;
  headers?: Record<string, string>;
  token?: string;
  apiKey?: string;
};

export type ApiReply = {
  status: number;
  headers: Headers;
  /** The raw body (for non-JSON replies such as CSV downloads). */
  text: string;
  json: {
    success: boolean;
    data?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary shapes
    pagination?: { page: number; limit: number; total: number; pages: number; has_next: boolean; has_prev: boolean };
    error?: { code: string; message: string; details: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    meta: { timestamp: string; request_id: string; version?: string };
  };
};

export const BASE_URL = "http://localhost:3000";

export async function call(handler: Handler, options: CallOptions): Promise<ApiReply> {
  const url = new URL(options.path, BASE_URL);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.apiKey) headers.set("x-api-key", options.apiKey);
  let body: string | ReadableStream<Uint8Array> | FormData | undefined = options.rawBody;
  if (options.form) {
    const form = new FormData();
    for (const [name, value] of Object.entries(options.form)) {
      if (typeof value === "string") form.set(name, value);
      else if (value instanceof Blob) form.set(name, value, "leads.csv");
      else form.set(name, value.blob, value.filename);
    }
    body = form;
  }
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const init: RequestInit & { duplex?: "half" } = { method: options.method ?? "GET", headers, body };
  if (body instanceof ReadableStream) init.duplex = "half";
  const request = new Request(url, init);
  const context: RouteContext = { params: Promise.resolve(options.params ?? {}) };
  const response = await (handler as (request: Request, context: RouteContext) => Promise<Response>)(request, context);
  const text = await response.text();
  assertMatchesDocument(request.method, url.pathname, response.status, response.headers.get("content-type"), text);
  const json = (response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : { success: true, data: text, meta: {} }) as ApiReply["json"];
  return { status: response.status, headers: response.headers, json, text };
}

/** Asserts the error envelope and returns its error. */
export function expectError(reply: ApiReply, status: number, code: string) {
  expect({ status: reply.status, code: reply.json.error?.code, success: reply.json.success }).toEqual({
    status,
    code,
    success: false,
  });
  expect(reply.json.meta.request_id).toBe(reply.headers.get("x-request-id"));
  expect(reply.json).not.toHaveProperty("data");
  return reply.json.error!;
}

/** The fields named in a validation error's details. */
export function errorFields(reply: ApiReply): Record<string, string> {
  const fields = (reply.json.error?.details.fields ?? []) as { field: string; code: string }[];
  return Object.fromEntries(fields.map((f) => [f.field, f.code]));
}
