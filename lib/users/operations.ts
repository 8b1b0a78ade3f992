// The spec's User Service as the OpenAPI document describes it.
import { z } from "zod";
import { defineOperations } from "@/lib/api/openapi/operation";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { createUserSchema, listUsersQuery, roleSchema, updateMeSchema, updateUserSchema, userIdParams, userStatusSchema } from "@/lib/users/schemas";

export const userResponse = z
  .object({
    user_id: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    status: userStatusSchema,
    organization_id: z.string(),
    permissions: z.array(z.enum(PERMISSIONS)),
    preferences: z.record(z.string(), z.unknown()),
    last_login_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: "User" });

export const USER_OPERATIONS = defineOperations([
  { method: "GET", path: "/api/users/me", operationId: "getCurrentUser", summary: "The signed-in user", tag: "Users", auth: "user", response: { kind: "json", status: 200, schema: userResponse } },
  {
    method: "PUT",
    path: "/api/users/me",
    operationId: "updateCurrentUser",
    summary: "Update your name or preferences (JSON merge patch)",
    tag: "Users",
    auth: "user",
    body: updateMeSchema,
    example: { name: "Updated Name", preferences: { timezone: "America/New_York", notifications: true } },
    response: { kind: "json", status: 200, schema: userResponse },
  },
  { method: "GET", path: "/api/users", operationId: "listUsers", summary: "Users of your organization", tag: "Users", auth: "user", permission: "users.view", query: listUsersQuery, response: { kind: "json", status: 200, schema: userResponse, list: true } },
  { method: "POST", path: "/api/users", operationId: "createUser", summary: "Add a user", tag: "Users", auth: "user", permission: "users.manage", body: createUserSchema, response: { kind: "json", status: 201, schema: userResponse }, errors: ["RESOURCE_002"] },
  { method: "GET", path: "/api/users/{user_id}", operationId: "getUser", summary: "One user", tag: "Users", auth: "user", permission: "users.view", params: userIdParams, response: { kind: "json", status: 200, schema: userResponse } },
  {
    method: "PUT",
    path: "/api/users/{user_id}",
    operationId: "updateUser",
    summary: "Change a user's name, role or status",
    tag: "Users",
    auth: "user",
    permission: "users.manage",
    params: userIdParams,
    body: updateUserSchema,
    response: { kind: "json", status: 200, schema: userResponse },
    errors: ["RESOURCE_002", "RESOURCE_003"],
  },
]);
