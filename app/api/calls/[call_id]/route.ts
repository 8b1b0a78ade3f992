import { methods, route } from "@/lib/api/handler";
import { callIdParams, updateCallSchema } from "@/lib/calls/schemas";
import { getCall } from "@/lib/calls/get-call";
import { updateCall } from "@/lib/calls/update-call";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "calls.view", params: callIdParams }, ({ ctx, params }) => getCall(ctx, params.call_id)),
  PUT: route({ permission: "calls.update", params: callIdParams, body: updateCallSchema }, ({ ctx, params, body }) => updateCall(ctx, params.call_id, body)),
});
