import { created, methods, route } from "@/lib/api/handler";
import { initiateCallSchema, listCallsQuery } from "@/lib/calls/schemas";
import { listCalls } from "@/lib/calls/list-calls";
import { initiateCall } from "@/lib/calls/initiate-call";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "calls.view", query: listCallsQuery }, ({ ctx, query }) => listCalls(ctx, query)),
  POST: route({ permission: "calls.create", body: initiateCallSchema }, async ({ ctx, body }) => created(await initiateCall(ctx, body))),
});
