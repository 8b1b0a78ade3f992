import { methods, route } from "@/lib/api/handler";
import { callIdParams } from "@/lib/calls/schemas";
import { hangUpCall } from "@/lib/calls/hang-up-call";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ permission: "calls.update", params: callIdParams }, ({ ctx, params }) => hangUpCall(ctx, params.call_id)),
});
