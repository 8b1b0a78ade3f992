import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { databaseConfig } from "@/lib/db/config";
import pkg from "@/package.json" with { type: "json" };

export async function checkHealth() {
  const started = performance.now();
  try {
    const prisma = await db();
    await prisma.$queryRaw`SELECT 1`;
  } catch {
    throw new ApiError("SYSTEM_002", "Database is not reachable", { database: "unreachable" });
  }
  return {
    status: "ok",
    version: pkg.version,
    database: { status: "reachable", driver: databaseConfig().kind, latency_ms: Math.round(performance.now() - started) },
  };
}
