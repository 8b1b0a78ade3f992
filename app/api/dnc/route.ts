import { created, methods, route } from "@/lib/api/handler";
import { createDncSchema, listDncQuery } from "@/lib/dnc/schemas";
import { createDncEntry } from "@/lib/dnc/create-dnc-entry";
import { listDncEntries } from "@/lib/dnc/list-dnc-entries";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "dnc.manage", query: listDncQuery }, ({ ctx, query }) => listDncEntries(ctx, query)),
  POST: route({ permission: "dnc.manage", body: createDncSchema }, async ({ ctx, body }) => created(await createDncEntry(ctx, body))),
});
