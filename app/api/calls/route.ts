import { created, methods, route } from "@/lib/api/handler";
import { initiateCallSchema } from "@/lib/calls/schemas";
import { initiateCall } from "@/lib/calls/initiate-call";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ permission: "calls.create", body: initiateCallSchema }, async ({ ctx, body }) => created(await initiateCall(ctx, body))),
});
