import { created, methods, route } from "@/lib/api/handler";
import { browserCallSchema } from "@/lib/calls/schemas";
import { callMeInTheBrowser } from "@/lib/calls/browser-call";

// "Call me in the browser": the agent calls your own tab through the carrier simulator.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ permission: "calls.create", body: browserCallSchema }, async ({ ctx, body }) => created(await callMeInTheBrowser(ctx, body))),
});
