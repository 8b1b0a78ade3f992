import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";

describe("proxy (before routing, /api only)", () => {
  it("answers a malformed %-escape with an enveloped 400 instead of Next's plain-text 500", async () => {
    const reply = proxy(new NextRequest("http://localhost:3000/api/campaigns/%zz"));
    expect(reply.status).toBe(400);
    const body = (await reply.json()) as { success: boolean; error: { code: string }; meta: { request_id: string } };
    expect(body.success).toBe(false);
    expect(body.error.code).toBe("VALIDATION_002");
    expect(reply.headers.get("x-request-id")).toBe(body.meta.request_id);
  });

  it("lets everything else through", () => {
    const reply = proxy(new NextRequest("http://localhost:3000/api/campaigns/camp_%41bc?x=%20"));
    expect(reply.headers.get("x-middleware-next")).toBe("1");
  });
});
