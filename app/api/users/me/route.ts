import { methods, route } from "@/lib/api/handler";
import { updateMeSchema } from "@/lib/users/schemas";
import { getUserOrThrow } from "@/lib/users/get-user-or-throw";
import { serializeUser } from "@/lib/users/serialize-user";
import { updateMe } from "@/lib/users/update-me";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({}, async ({ ctx }) => serializeUser(await getUserOrThrow(ctx, ctx.user.id))),
  PUT: route({ body: updateMeSchema }, ({ ctx, body }) => updateMe(ctx, body)),
});
