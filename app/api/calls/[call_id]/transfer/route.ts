import { methods, route } from "@/lib/api/handler";
import { callIdParams, transferCallSchema } from "@/lib/calls/schemas";
import { transferCall } from "@/lib/calls/transfer-call";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ permission: "calls.update", params: callIdParams, body: transferCallSchema }, ({ ctx, params, body }) => transferCall(ctx, params.call_id, body)),
});
