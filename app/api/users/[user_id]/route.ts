import { methods, route } from "@/lib/api/handler";
import { updateUserSchema, userIdParams } from "@/lib/users/schemas";
import { getUserOrThrow } from "@/lib/users/get-user-or-throw";
import { serializeUser } from "@/lib/users/serialize-user";
import { updateUser } from "@/lib/users/update-user";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "users.view", params: userIdParams }, async ({ ctx, params }) =>
    serializeUser(await getUserOrThrow(ctx, params.user_id)),
  ),
  PUT: route({ permission: "users.manage", params: userIdParams, body: updateUserSchema }, ({ ctx, params, body }) =>
    updateUser(ctx, params.user_id, body),
  ),
});
