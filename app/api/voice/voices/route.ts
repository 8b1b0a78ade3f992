import { methods, route } from "@/lib/api/handler";
import { listVoicesQuery } from "@/lib/voice/schemas";
import { listVoices } from "@/lib/voice/list-voices";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "voices.view", query: listVoicesQuery }, ({ ctx, query }) => listVoices(ctx, query)),
});
