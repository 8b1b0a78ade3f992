import { methods, route } from "@/lib/api/handler";
import { browserLegInputSchema, callIdParams, legQuery } from "@/lib/calls/schemas";
import { legEvents, speakOnLeg } from "@/lib/calls/browser-call";

// Your browser leg on a call: what you hear (a long poll for the events after `after`), and what you say.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "calls.view", params: callIdParams, query: legQuery }, ({ ctx, params, query, request }) => legEvents(ctx, params.call_id, query.after, request.signal)),
  POST: route({ permission: "calls.view", params: callIdParams, body: browserLegInputSchema }, ({ ctx, params, body }) => speakOnLeg(ctx, params.call_id, body)),
});
