import { methods, route } from "@/lib/api/handler";
import { dncIdParams } from "@/lib/dnc/schemas";
import { deleteDncEntry } from "@/lib/dnc/delete-dnc-entry";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  DELETE: route({ permission: "dnc.manage", params: dncIdParams }, ({ ctx, params }) => deleteDncEntry(ctx, params.dnc_id)),
});
