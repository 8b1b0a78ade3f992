// Wire shapes the dashboard reads, derived from the server's serializers so the two cannot drift.
import type { Role } from "@/lib/auth/permissions";
import type { UserResponse } from "@/lib/users/serialize-user";
import type { ApiKeyResponse } from "@/lib/api-keys/serialize-api-key";

export type { Role };
export type UserStatus = "active" | "inactive";

export type UserPreferences = { timezone?: string; notifications?: boolean } & Record<string, unknown>;

export type User = Omit<UserResponse, "preferences" | "role" | "status"> & {
  role: Role;
  status: UserStatus;
  preferences: UserPreferences | null;
};

export type ApiKey = ApiKeyResponse;
/** Only the create response carries `key`, the secret; it is never returned again. */
export type CreatedApiKey = ApiKeyResponse & { key: string };

export type UserListFilters = {
  search?: string;
  role?: Role;
  status?: UserStatus;
  page: number;
  limit: number;
};

export type ApiKeyListFilters = {
  status?: "active" | "revoked";
  page: number;
  limit: number;
};

export type CreateUserBody = { email: string; name: string; role: Role; password: string };
export type UpdateUserBody = { name?: string; role?: Role; status?: UserStatus };
export type UpdateMeBody = { name?: string; preferences?: { timezone?: string; notifications?: boolean } };
export type CreateApiKeyBody = { name: string };
