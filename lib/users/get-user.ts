import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { getUserOrThrow } from "@/lib/users/get-user-or-throw";
import { serializeUser } from "@/lib/users/serialize-user";

export async function getUser(ctx: Pick<AuthContext, "organization">, userId: string) {
  return serializeUser(await getUserOrThrow(ctx, userId));
}
