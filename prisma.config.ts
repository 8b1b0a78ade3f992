import { defineConfig } from "prisma/config";

// Only the CLI reads this. The app picks its driver in lib/db/client.ts; migrations run through
// scripts/db.ts (the wasm schema engine), so no native engine download is ever needed.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
