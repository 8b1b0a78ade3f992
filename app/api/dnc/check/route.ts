import { methods, route } from "@/lib/api/handler";
import { checkDncSchema } from "@/lib/dnc/schemas";
import { checkDnc } from "@/lib/dnc/check-dnc";

// Checking is a read for anyone who can place calls or manage campaigns.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: route({ permission: "campaigns.view", body: checkDncSchema }, ({ ctx, body }) => checkDnc(ctx, body)),
});
