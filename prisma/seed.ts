// Demo data for the embedded default: seeded automatically only into an empty embedded database
// (scripts/db.ts prepare); into an external DATABASE_URL only on request with `npm run db:seed`.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/passwords";
import { newId } from "@/lib/ids";
import { seededRandom } from "@/lib/seeded-random";
import type { CampaignSettings } from "@/lib/campaigns/schemas";
import { APPOINTMENT_AGENT, RENEWALS_AGENT } from "@/prisma/demo-agents";
import { withKnowledgeIds } from "@/lib/agents/validate-agent";
import { addDays, clockMinutes, hoursZone, localTime, mayCallAt, zonedInstant } from "@/lib/campaigns/calling-window";

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
  // VOCELIO_SEED_NOW pins the demo history to a moment (the e2e server does, so a test can rebuild the
  // same rows with buildDemoData and check the dashboard's figures against them).
  const pinned = process.env.VOCELIO_SEED_NOW ? new Date(process.env.VOCELIO_SEED_NOW) : null;
  const agentIds = await seedDemoAgents(prisma, org.id, admin.id);
  await seedDemoCampaigns(prisma, org.id, admin.id, pinned && !Number.isNaN(pinned.getTime()) ? pinned : new Date(), agentIds);
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
  fileName: string;
  settings: Pick<CampaignSettings, "calling_hours" | "timezone" | "respect_lead_timezone">;
  /** Extra CSV columns, kept as the leads' custom fields. */
  customFields: (next: () => number) => Record<string, string>;
};

const PLANS = ["Starter", "Team", "Business"];
const MONTHS = ["March", "April", "May"];

// Two different schedules, so the demo shows both ways calling hours work: in each lead's own zone,
// and in the campaign's zone with the legal window (08:00–21:00 lead time) cutting in at the edges.
const DEMO_CAMPAIGNS: DemoCampaign[] = [
  {
    name: "Spring Renewals Outreach", description: "Remind customers whose plans renew this quarter and offer the annual upgrade.",
    type: "customer_service", status: "active", leads: 420, callsPerDay: [18, 34], answerRate: 0.62, conversionRate: 0.24, conversionValue: 180,
    fileName: "spring-renewals.csv",
    settings: { calling_hours: { start: "09:00", end: "18:00", days: ["mon", "tue", "wed", "thu", "fri"] }, timezone: "America/New_York", respect_lead_timezone: true },
    customFields: (next) => ({ plan: PLANS[Math.floor(next() * PLANS.length)]!, renewal_month: MONTHS[Math.floor(next() * MONTHS.length)]! }),
  },
  {
    name: "Q4 Product Launch", description: "Introduce the new analytics add-on to trial accounts.",
    type: "outbound_sales", status: "paused", leads: 260, callsPerDay: [8, 20], answerRate: 0.48, conversionRate: 0.14, conversionValue: 420,
    fileName: "q4-trial-accounts.csv",
    settings: { calling_hours: { start: "08:00", end: "20:00", days: ["mon", "tue", "wed", "thu", "fri", "sat"] }, timezone: "America/Chicago", respect_lead_timezone: false },
    customFields: (next) => ({ seats: String(2 + Math.floor(next() * 40)), trial_source: next() < 0.5 ? "webinar" : "website" }),
  },
];

const MAX_ATTEMPTS = 3;
const RETRY_DELAY_MINUTES = 240;
/** Statuses after which a lead is not called again. */
const FINAL: ReadonlySet<string> = new Set(["converted", "not_interested", "do_not_call"]);

export type DemoData = {
  campaigns: Prisma.CampaignCreateManyInput[];
  leads: Prisma.LeadCreateManyInput[];
  calls: Prisma.CallCreateManyInput[];
  imports: Prisma.LeadImportCreateManyInput[];
};

/**
 * The demo campaigns, their leads, their import and 30 days of call history, as rows. Pure given
 * `now` (seeded random numbers), so prisma/seed.test.ts can check every call against its campaign's
 * calling window and the legal window. Calls never start in the future, before the campaign started
 * or after it was paused, call a lead at most MAX_ATTEMPTS times, RETRY_DELAY apart, and never after
 * a final outcome.
 */
export function buildDemoData(organizationId: string, adminId: string, now: Date, agentIds: string[] = []): DemoData {
  const next = seededRandom(20261124);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const data: DemoData = { campaigns: [], leads: [], calls: [], imports: [] };
  let phoneSerial = 0;
  for (const [position, spec] of DEMO_CAMPAIGNS.entries()) {
    const campaignId = newId("campaign");
    const agentId = agentIds[position] ?? null;
    const start = new Date(now.getTime() - 30 * 86_400_000);
    const importedAt = new Date(start.getTime() - 3600_000);
    // The paused campaign stopped six days ago.
    const callsUntil = spec.status === "paused" ? new Date(now.getTime() - 6 * 86_400_000) : now;
    const settings: CampaignSettings = {
      max_calls_per_day: 500, max_attempts_per_prospect: MAX_ATTEMPTS, retry_delay_minutes: RETRY_DELAY_MINUTES, max_concurrent_calls: 5,
      ...spec.settings,
      recording: true, transcription: true, conversion_value: spec.conversionValue, agent_id: agentId, voice_id: null,
    };
    data.campaigns.push({
      id: campaignId, organizationId, name: spec.name, description: spec.description, campaignType: spec.type, status: spec.status,
      createdById: adminId, startedAt: start, createdAt: new Date(start.getTime() - 86_400_000),
      settings, schedule: { start_date: start.toISOString(), end_date: null },
    });

    type SeedLead = Prisma.LeadCreateManyInput & { timezone: string; phone: string; id: string };
    const leads: SeedLead[] = [];
    let csvBytes = "phone,first_name,last_name,email,company,timezone,".length + Object.keys(spec.customFields(() => 0)).join(",").length + 1;
    for (let i = 0; i < spec.leads; i++) {
      const [area, timezone] = AREAS[Math.floor(phoneSerial / 100) % AREAS.length]!;
      const line = 100 + (phoneSerial % 100);
      phoneSerial += 1;
      const first = pick(FIRST);
      const last = pick(LAST);
      const customFields = spec.customFields(next);
      const lead: SeedLead = {
        id: newId("lead"), organizationId, campaignId, phone: `+1${area}5550${line}`, firstName: first, lastName: last,
        email: `${first}.${last}${i}@example.com`.toLowerCase(), company: pick(COMPANIES), timezone, customFields,
        createdAt: importedAt,
      };
      leads.push(lead);
      csvBytes += [lead.phone, first, last, lead.email, lead.company, timezone, ...Object.values(customFields)].join(",").length + 1;
    }
    // The leads came in through one completed import, as they would in the app.
    data.imports.push({
      id: newId("leadImport"), organizationId, campaignId, fileName: spec.fileName, fileSize: csvBytes,
      mapping: { phone: "phone_number", first_name: "first_name", last_name: "last_name", email: "email", company: "company", timezone: "timezone" },
      duplicatePolicy: "skip", defaultCountry: "US", status: "completed",
      totalRows: spec.leads, processedRows: spec.leads, imported: spec.leads,
      createdById: adminId, createdAt: new Date(importedAt.getTime() - 60_000), heartbeatAt: importedAt, completedAt: importedAt,
    });

    // Day by day in the campaign's calendar, through the first two thirds of the leads (the rest are
    // still pending, as in a campaign under way); each lead's status follows its last call.
    const reached = leads.slice(0, Math.floor(leads.length * 0.65));
    let cursor = 0;
    const firstDay = localTime(start, settings.timezone).date;
    const lastDay = localTime(callsUntil, settings.timezone).date;
    for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
      if (!settings.calling_hours.days.includes(localTime(zonedInstant(day, 12 * 60, settings.timezone), settings.timezone).weekday)) continue;
      const count = spec.callsPerDay[0] + Math.floor(next() * (spec.callsPerDay[1] - spec.callsPerDay[0]));
      const dayCalls: { lead: SeedLead; startedAt: Date }[] = [];
      const busy = new Set<string>();
      for (let c = 0; c < count; c++) {
        // The next lead in turn that may still be called today.
        let lead: SeedLead | undefined;
        for (let tries = 0; tries < reached.length && !lead; tries++) {
          const candidate = reached[cursor % reached.length]!;
          cursor += 1;
          const last = candidate.lastAttemptAt instanceof Date ? candidate.lastAttemptAt : null;
          if (busy.has(candidate.id) || FINAL.has(candidate.status ?? "pending") || (candidate.attempts ?? 0) >= MAX_ATTEMPTS) continue;
          if (last && last.getTime() + RETRY_DELAY_MINUTES * 60_000 > zonedInstant(day, 0, settings.timezone).getTime()) continue;
          lead = candidate;
        }
        if (!lead) break;
        // A time inside this lead's window on this day: calling hours in the zone they apply in,
        // then checked against everything (legal window, not before the start, not in the future).
        const zone = hoursZone(settings, lead.timezone);
        const open = clockMinutes(settings.calling_hours.start);
        const close = clockMinutes(settings.calling_hours.end);
        let startedAt: Date | null = null;
        for (let attempt = 0; attempt < 6 && !startedAt; attempt++) {
          const minute = open + Math.floor(next() * (close - open));
          const candidate = new Date(zonedInstant(day, minute, zone).getTime() + Math.floor(next() * 60) * 1000);
          if (candidate >= start && candidate <= callsUntil && mayCallAt(candidate, settings, lead.timezone)) startedAt = candidate;
        }
        if (!startedAt) continue; // e.g. the rest of today is still ahead, or the lead's zone is closed
        busy.add(lead.id);
        dayCalls.push({ lead, startedAt });
      }
      dayCalls.sort((x, y) => x.startedAt.getTime() - y.startedAt.getTime());
      for (const { lead, startedAt } of dayCalls) {
        const answered = next() < spec.answerRate;
        const converted = answered && next() < spec.conversionRate;
        const duration = answered ? 45 + Math.floor(next() * 360) : 0;
        const ringing = 20 + Math.floor(next() * 15);
        // In the order the generator has always drawn them, so the demo data stays the same.
        const status = answered ? "completed" : next() < 0.7 ? "no_answer" : "busy";
        const sentiment = answered ? (converted ? "positive" : pick(["neutral", "neutral", "negative", "positive"])) : null;
        const qualityScore = answered ? Math.round((3.4 + next() * 1.5) * 100) / 100 : null;
        const disposition = converted ? "interested" : answered ? pick(["not_interested", "callback", "voicemail"]) : null;
        data.calls.push({
          id: newId("call"), organizationId, campaignId, leadId: lead.id, agentId, phone: lead.phone,
          status, endedReason: status !== "completed" ? status : disposition === "voicemail" ? "voicemail" : "agent_ended",
          // Telephony plus speech and language engines: about $0.12 a connected minute.
          durationSeconds: duration, cost: Math.round(((duration + ringing) / 60) * 0.12 * 10_000) / 10_000,
          revenue: converted ? spec.conversionValue : 0, converted,
          sentiment, qualityScore, disposition,
          startedAt, answeredAt: answered ? new Date(startedAt.getTime() + ringing * 1000) : null,
          endedAt: new Date(startedAt.getTime() + (ringing + duration) * 1000), createdAt: startedAt,
        });
        lead.status = converted ? "converted" : answered ? (next() < 0.5 ? "not_interested" : "callback") : "contacted";
        lead.attempts = (lead.attempts ?? 0) + 1;
        lead.lastAttemptAt = startedAt;
        lead.lastOutcome = answered ? "answered" : "no_answer";
      }
    }
    data.leads.push(...leads);
  }
  return data;
}

/** The demo agents (prisma/demo-agents.ts), one per demo campaign, in the campaigns' order. */
export async function seedDemoAgents(prisma: PrismaClient, organizationId: string, adminId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const definition of [RENEWALS_AGENT, APPOINTMENT_AGENT]) {
    const id = newId("agent");
    const stored = { ...definition, knowledge: withKnowledgeIds(definition.knowledge) };
    await prisma.agent.create({
      data: { id, organizationId, name: definition.name, description: definition.description, engine: definition.engine, voiceId: definition.voice_id, definition: stored, createdById: adminId },
    });
    ids.push(id);
  }
  return ids;
}

export async function seedDemoCampaigns(prisma: PrismaClient, organizationId: string, adminId: string, now: Date, agentIds: string[] = []) {
  const data = buildDemoData(organizationId, adminId, now, agentIds);
  await prisma.campaign.createMany({ data: data.campaigns });
  await prisma.leadImport.createMany({ data: data.imports });
  await prisma.lead.createMany({ data: data.leads });
  await prisma.call.createMany({ data: data.calls });
}
