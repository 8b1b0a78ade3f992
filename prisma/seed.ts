// Demo data for the embedded default: seeded automatically only into an empty embedded database
// (scripts/db.ts prepare); into an external DATABASE_URL only on request with `npm run db:seed`.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/passwords";
import { newId } from "@/lib/ids";

export const DEMO_PASSWORD = "vocelio-demo";
export const DEMO_USERS = [
  { email: "admin@example.com", name: "Avery Admin", role: "admin" },
  { email: "manager@example.com", name: "Morgan Manager", role: "manager" },
  { email: "agent@example.com", name: "Alex Agent", role: "agent" },
] as const;

export async function seedDemo(prisma: PrismaClient): Promise<"seeded" | "exists"> {
  const existing = await prisma.user.findUnique({ where: { email: DEMO_USERS[0].email } });
  if (existing) return "exists";
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.organization.create({
    data: {
      id: newId("organization"),
      name: "Demo Org",
      plan: "standard",
      timezone: "America/New_York",
      defaultCountry: "US",
      users: {
        create: DEMO_USERS.map((u) => ({
          id: newId("user"),
          email: u.email,
          name: u.name,
          role: u.role,
          passwordHash,
          preferences: { timezone: "America/New_York", notifications: true },
        })),
      },
    },
  });
  return "seeded";
}
