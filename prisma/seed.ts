// Demo data for the embedded default: seeded automatically only into an empty embedded database
// (scripts/db.ts prepare); into an external DATABASE_URL only on request with `npm run db:seed`.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/passwords";
import { newId } from "@/lib/ids";
import { seededRandom } from "@/lib/seeded-random";

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
  const org = await prisma.organization.create({
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
    include: { users: true },
  });
  const admin = org.users.find((u) => u.role === "admin")!;
  await seedDemoCampaigns(prisma, org.id, admin.id, new Date());
  return "seeded";
}


const FIRST = ["Ava", "Liam", "Maya", "Noah", "Zoe", "Ethan", "Lena", "Omar", "Iris", "Jude", "Nina", "Owen", "Rosa", "Theo", "Vera"];
const LAST = ["Nguyen", "Patel", "Garcia", "Kim", "Smith", "Okafor", "Rossi", "Cohen", "Silva", "Berg", "Khan", "Lopez"];
const COMPANIES = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Wingtip", "Litware", "Adatum", "Proseware"];
// Area codes with their zones; 555-0100…0199 are reserved fictional numbers, so the demo calls no one.
const AREAS: [string, string][] = [
  ["212", "America/New_York"], ["617", "America/New_York"], ["312", "America/Chicago"], ["214", "America/Chicago"],
  ["303", "America/Denver"], ["415", "America/Los_Angeles"], ["206", "America/Los_Angeles"], ["404", "America/New_York"],
];

type DemoCampaign = {
  name: string;
  description: string;
  type: "outbound_sales" | "customer_service";
  status: "active" | "paused";
  leads: number;
  callsPerDay: [number, number];
  answerRate: number;
  conversionRate: number;
  conversionValue: number;
};

const DEMO_CAMPAIGNS: DemoCampaign[] = [
  { name: "Spring Renewals Outreach", description: "Remind customers whose plans renew this quarter and offer the annual upgrade.", type: "customer_service", status: "active", leads: 420, callsPerDay: [18, 34], answerRate: 0.62, conversionRate: 0.24, conversionValue: 180 },
  { name: "Q4 Product Launch", description: "Introduce the new analytics add-on to trial accounts.", type: "outbound_sales", status: "paused", leads: 260, callsPerDay: [8, 20], answerRate: 0.48, conversionRate: 0.14, conversionValue: 420 },
];

export async function seedDemoCampaigns(prisma: PrismaClient, organizationId: string, adminId: string, now: Date) {
  const next = seededRandom(20261124);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  let phoneSerial = 0;
  for (const spec of DEMO_CAMPAIGNS) {
    const campaignId = newId("campaign");
    const start = new Date(now.getTime() - 30 * 86_400_000);
    await prisma.campaign.create({
      data: {
        id: campaignId,
        organizationId,
        name: spec.name,
        description: spec.description,
        campaignType: spec.type,
        status: spec.status,
        createdById: adminId,
        startedAt: start,
        createdAt: new Date(start.getTime() - 86_400_000),
        settings: {
          max_calls_per_day: 500, max_attempts_per_prospect: 3, retry_delay_minutes: 240, max_concurrent_calls: 5,
          calling_hours: { start: "09:00", end: "18:00", days: ["mon", "tue", "wed", "thu", "fri"] },
          timezone: "America/New_York", respect_lead_timezone: true, recording: true, transcription: true,
          conversion_value: spec.conversionValue, agent_id: null, voice_id: null,
        },
        schedule: { start_date: start.toISOString(), end_date: null },
      },
    });
    const leads: Prisma.LeadCreateManyInput[] = [];
    for (let i = 0; i < spec.leads; i++) {
      const [area, timezone] = AREAS[Math.floor(phoneSerial / 100) % AREAS.length]!;
      const line = 100 + (phoneSerial % 100);
      phoneSerial += 1;
      const first = pick(FIRST);
      const last = pick(LAST);
      leads.push({
        id: newId("lead"), organizationId, campaignId, phone: `+1${area}5550${line}`, firstName: first, lastName: last,
        email: `${first}.${last}${i}@example.com`.toLowerCase(), company: pick(COMPANIES), timezone,
        createdAt: new Date(start.getTime() - 3600_000),
      });
    }
    // 30 days of calls, each to the next lead in turn among the first two thirds (the rest are still
    // pending, as in a campaign under way); each lead's status follows its last call.
    const calls: Prisma.CallCreateManyInput[] = [];
    const reached = Math.floor(leads.length * 0.65);
    let cursor = 0;
    for (let day = 29; day >= 0; day--) {
      if (spec.status === "paused" && day < 6) break; // paused six days ago
      const dayStart = new Date(now.getTime() - day * 86_400_000);
      dayStart.setUTCHours(13, 0, 0, 0); // 09:00 in New York (EDT) / 08:00 (EST)
      const count = spec.callsPerDay[0] + Math.floor(next() * (spec.callsPerDay[1] - spec.callsPerDay[0]));
      for (let c = 0; c < count; c++) {
        const lead = leads[cursor % reached]!;
        cursor += 1;
        const startedAt = new Date(dayStart.getTime() + Math.floor(next() * 9 * 3600_000));
        if (startedAt > now) continue;
        const answered = next() < spec.answerRate;
        const converted = answered && next() < spec.conversionRate;
        const duration = answered ? 45 + Math.floor(next() * 360) : 0;
        const ringing = 20 + Math.floor(next() * 15);
        calls.push({
          id: newId("call"), organizationId, campaignId, leadId: lead.id, phone: lead.phone,
          status: answered ? "completed" : next() < 0.7 ? "no_answer" : "busy",
          // Telephony plus speech and language engines: about $0.12 a connected minute.
          durationSeconds: duration, cost: Math.round(((duration + ringing) / 60) * 0.12 * 10_000) / 10_000,
          revenue: converted ? spec.conversionValue : 0, converted,
          sentiment: answered ? (converted ? "positive" : pick(["neutral", "neutral", "negative", "positive"])) : null,
          qualityScore: answered ? Math.round((3.4 + next() * 1.5) * 100) / 100 : null,
          disposition: converted ? "interested" : answered ? pick(["not_interested", "callback", "voicemail"]) : null,
          startedAt, answeredAt: answered ? new Date(startedAt.getTime() + ringing * 1000) : null,
          endedAt: new Date(startedAt.getTime() + (ringing + duration) * 1000), createdAt: startedAt,
        });
        lead.status = converted ? "converted" : answered ? (next() < 0.5 ? "not_interested" : "callback") : "contacted";
        lead.attempts = (lead.attempts ?? 0) + 1;
        lead.lastAttemptAt = startedAt;
        lead.lastOutcome = answered ? "answered" : "no_answer";
      }
    }
    await prisma.lead.createMany({ data: leads });
    await prisma.call.createMany({ data: calls });
  }
}
