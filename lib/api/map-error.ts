import "server-only";
// Anything thrown → an ApiError. Prisma's codes are matched by code, never by message text.
import { ApiError } from "@/lib/api/errors";
import { log } from "@/lib/api/log";
import { z } from "zod";
import { validationError } from "@/lib/api/validation";

const DB_UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "57P01", "57P03"]);

export function toApiError(error: unknown, requestId: string): ApiError {
  if (error instanceof ApiError) return error;
  // A schema a service applies itself (e.g. to a merged update) reports like the wrapper's own.
  if (error instanceof z.core.$ZodError) return validationError(error as z.ZodError, "body");
  const code = (error as { code?: unknown } | null)?.code;
  const name = (error as { name?: unknown } | null)?.name;
  if (code === "P2025") return new ApiError("RESOURCE_001");
  if (code === "P2002") return new ApiError("RESOURCE_002");
  if ((typeof code === "string" && DB_UNAVAILABLE_CODES.has(code)) || name === "PrismaClientInitializationError") {
    log("error", "database_unavailable", { request_id: requestId, error: String(error) });
    return new ApiError("SYSTEM_002");
  }
  log("error", "unhandled_error", {
    request_id: requestId,
    error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
  });
  return new ApiError("SYSTEM_001", "Internal server error; quote the request id when reporting it");
}
