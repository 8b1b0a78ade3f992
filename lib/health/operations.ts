// Health, the scheduler's tick and this document, as the OpenAPI document describes them.
import { z } from "zod";
import { defineOperations } from "@/lib/api/openapi/operation";

export const SYSTEM_OPERATIONS = defineOperations([
  {
    method: "GET",
    path: "/api/health",
    operationId: "health",
    summary: "Is the service up and its database reachable?",
    tag: "System",
    auth: "public",
    response: {
      kind: "json",
      status: 200,
      schema: z.object({ status: z.literal("ok"), version: z.string(), database: z.object({ status: z.literal("reachable"), driver: z.enum(["postgres", "pglite"]), latency_ms: z.number().int() }) }),
    },
  },
  ...(["GET", "POST"] as const).map((method) => ({
    method,
    path: "/api/cron/tick",
    operationId: method === "GET" ? "cronTick" : "cronTickPost",
    summary: "Run due background work (Vercel Cron or QStash)",
    description: "Stops before its budget and leaves the rest to the next tick. Needs `Authorization: Bearer $CRON_SECRET` or a QStash signature.",
    tag: "System",
    auth: "cron" as const,
    response: {
      kind: "json" as const,
      status: 200 as const,
      schema: z.object({ budget_ms: z.number().int(), claimed: z.number().int(), done: z.number().int(), retried: z.number().int(), dead: z.number().int() }),
    },
  })),
  {
    method: "GET",
    path: "/api/openapi.json",
    operationId: "openApiDocument",
    summary: "This OpenAPI 3.1 document (import it into Postman)",
    tag: "System",
    auth: "public",
    response: { kind: "raw", status: 200, contentType: "application/json", description: "The OpenAPI document itself (not enveloped)" },
  },
]);
