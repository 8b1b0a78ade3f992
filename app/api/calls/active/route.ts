import { methods, route } from "@/lib/api/handler";
import { listActiveCalls } from "@/lib/calls/list-active-calls";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "calls.view" }, ({ ctx }) => listActiveCalls(ctx)),
});
