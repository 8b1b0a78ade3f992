import { methods, route } from "@/lib/api/handler";
import { callIdParams } from "@/lib/calls/schemas";
import { getCall } from "@/lib/calls/get-call";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "calls.view", params: callIdParams }, ({ ctx, params }) => getCall(ctx, params.call_id)),
});
