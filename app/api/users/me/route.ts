import { methods, route } from "@/lib/api/handler";
import { updateMeSchema } from "@/lib/users/schemas";
import { getUser } from "@/lib/users/get-user";
import { updateMe } from "@/lib/users/update-me";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({}, ({ ctx }) => getUser(ctx, ctx.user.id)),
  PUT: route({ body: updateMeSchema }, ({ ctx, body }) => updateMe(ctx, body)),
});
