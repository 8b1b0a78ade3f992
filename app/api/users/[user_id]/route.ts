import { methods, route } from "@/lib/api/handler";
import { updateUserSchema, userIdParams } from "@/lib/users/schemas";
import { getUser } from "@/lib/users/get-user";
import { updateUser } from "@/lib/users/update-user";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "users.view", params: userIdParams }, ({ ctx, params }) => getUser(ctx, params.user_id)),
  PUT: route({ permission: "users.manage", params: userIdParams, body: updateUserSchema }, ({ ctx, params, body }) =>
    updateUser(ctx, params.user_id, body),
  ),
});
