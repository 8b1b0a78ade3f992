import { created, methods, route } from "@/lib/api/handler";
import { createUserSchema, listUsersQuery } from "@/lib/users/schemas";
import { listUsers } from "@/lib/users/list-users";
import { createUser } from "@/lib/users/create-user";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: route({ permission: "users.view", query: listUsersQuery }, ({ ctx, query }) => listUsers(ctx, query)),
  POST: route({ permission: "users.manage", body: createUserSchema }, async ({ ctx, body }) =>
    created(await createUser(ctx, body)),
  ),
});
