import { methods, route } from "@/lib/api/handler";
import { objectKeyParams, signedObjectQuery } from "@/lib/storage/schemas";
import { getSignedObject } from "@/lib/storage/get-signed-object";

// Signed links carry their own authorization (lib/storage/signed-url.ts). HEAD is served by Next from GET.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ auth: "public", params: objectKeyParams, query: signedObjectQuery }, ({ params, query }) => getSignedObject(params.key, query)),
});
