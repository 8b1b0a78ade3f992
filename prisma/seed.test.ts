// The demo seed must not contradict itself: every call inside its campaign's calling hours and days
// (in the zone those apply in), inside the legal window (08:00–21:00 in the lead's zone), never in
// the future, and the leads arrive through a completed import. Checked with Intl directly, not with
// the seed's own helpers, for several "now"s (weekday, weekend, before opening, both DST changes).
import { describe, expect, it } from "vitest";
import { buildDemoData } from "@/prisma/seed";
import type { CampaignSettings } from "@/lib/campaigns/schemas";
import { APPOINTMENT_AGENT, RENEWALS_AGENT } from "@/prisma/demo-agents";
import { agentDefinitionSchema } from "@/lib/agents/schemas";
import { definitionProblems, withKnowledgeIds } from "@/lib/agents/validate-agent";
import { converse } from "@/lib/agents/engine/converse";
import { INITIAL_STATE, type RunContext } from "@/lib/agents/engine/types";

const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

function wallClock(instant: Date, timeZone: string): { weekday: string; hhmm: string } {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { weekday: get("weekday").slice(0, 3).toLowerCase(), hhmm: `${get("hour")}:${get("minute")}` };
}

const NOWS = [
  "2026-12-01T16:13:00Z", // a Tuesday, 11:13 in New York
  "2026-11-30T12:30:00Z", // a Monday, 07:30 in New York: nothing may have happened yet today
  "2026-11-29T18:00:00Z", // a Sunday
  "2026-03-09T15:00:00Z", // the Monday after clocks went forward in the US
  "2026-11-03T02:00:00Z", // Monday evening after clocks went back
];

describe("demo seed", () => {
  for (const iso of NOWS) {
    it(`places every call inside its campaign's window and the legal window (now = ${iso})`, () => {
      const now = new Date(iso);
      const data = buildDemoData("org_test", "user_test", now);
      const campaigns = new Map(data.campaigns.map((c) => [c.id, c]));
      const leads = new Map(data.leads.map((l) => [l.id, l]));
      expect(data.calls.length).toBeGreaterThan(300);

      for (const call of data.calls) {
        const campaign = campaigns.get(call.campaignId!)!;
        const settings = campaign.settings as CampaignSettings;
        const lead = leads.get(call.leadId!)!;
        const startedAt = call.startedAt as Date;
        const where = `${campaign.name} call at ${startedAt.toISOString()} to a lead in ${lead.timezone}`;

        expect(startedAt.getTime(), `${where}: in the future`).toBeLessThanOrEqual(now.getTime());
        expect(startedAt.getTime(), `${where}: before the campaign started`).toBeGreaterThanOrEqual((campaign.startedAt as Date).getTime());

        const hoursZone = settings.respect_lead_timezone ? lead.timezone : settings.timezone;
        const local = wallClock(startedAt, hoursZone);
        expect(settings.calling_hours.days, `${where}: not a calling day (${local.weekday})`).toContain(local.weekday);
        expect(local.hhmm >= settings.calling_hours.start && local.hhmm < settings.calling_hours.end, `${where}: outside ${settings.calling_hours.start}–${settings.calling_hours.end} (${local.hhmm} ${hoursZone})`).toBe(true);

        const legal = wallClock(startedAt, lead.timezone).hhmm;
        expect(legal >= "08:00" && legal < "21:00", `${where}: outside 08:00–21:00 lead time (${legal})`).toBe(true);
        expect(DAYS).toContain(local.weekday);
      }
    });
  }

  it("calls each lead at most max_attempts times, retry_delay apart, and never after a final outcome", () => {
    const data = buildDemoData("org_test", "user_test", new Date(NOWS[0]!));
    const campaigns = new Map(data.campaigns.map((c) => [c.id, c.settings as CampaignSettings]));
    const byLead = new Map<string, typeof data.calls>();
    for (const call of data.calls) byLead.set(call.leadId!, [...(byLead.get(call.leadId!) ?? []), call]);
    for (const [leadId, calls] of byLead) {
      const settings = campaigns.get(calls[0]!.campaignId!)!;
      expect(calls.length, leadId).toBeLessThanOrEqual(settings.max_attempts_per_prospect);
      const times = calls.map((c) => (c.startedAt as Date).getTime()).sort((x, y) => x - y);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(settings.retry_delay_minutes * 60_000);
      const last = calls.reduce((x, y) => ((x.startedAt as Date) > (y.startedAt as Date) ? x : y));
      for (const call of calls) if (call !== last) expect(call.converted).toBe(false);
    }
  });

  it("brings the leads in through one completed import per campaign, and is deterministic", () => {
    const now = new Date(NOWS[0]!);
    const data = buildDemoData("org_test", "user_test", now);
    for (const campaign of data.campaigns) {
      const leadCount = data.leads.filter((l) => l.campaignId === campaign.id).length;
      const imports = data.imports.filter((i) => i.campaignId === campaign.id);
      expect(imports).toHaveLength(1);
      expect(imports[0]).toMatchObject({ status: "completed", totalRows: leadCount, processedRows: leadCount, imported: leadCount });
      expect((imports[0]!.completedAt as Date).getTime()).toBeLessThanOrEqual((campaign.startedAt as Date).getTime());
    }
    const again = buildDemoData("org_test", "user_test", now);
    expect(again.calls.map((c) => (c.startedAt as Date).toISOString())).toEqual(data.calls.map((c) => (c.startedAt as Date).toISOString()));
  });
});

describe("demo agents", () => {
  it("are valid definitions, as the API would check them", () => {
    for (const agent of [RENEWALS_AGENT, APPOINTMENT_AGENT]) {
      expect(agentDefinitionSchema.parse(agent)).toBeTruthy();
      expect(definitionProblems(agent), agent.name).toEqual([]);
    }
  });

  it("the Renewals agent answers a price question, books 'tomorrow at 3' and honours an opt-out", async () => {
    const run: RunContext = {
      agent: { ...RENEWALS_AGENT, id: "agent_demo", knowledge: withKnowledgeIds(RENEWALS_AGENT.knowledge) },
      lead: { first_name: "Maya", custom: { plan: "Team", renewal_month: "April" } },
      organizationName: "Demo Org",
      timeZone: "America/Chicago",
      recorded: true,
    };
    const at = (s: number) => new Date(Date.parse("2026-12-01T16:00:00Z") + s * 1000); // Tuesday 10:00 in Chicago
    const opening = await converse(run, INITIAL_STATE, { kind: "start", at: at(0) }, null);
    expect(opening.actions.flatMap((a) => (a.type === "say" ? [a.text] : []))).toContain("Hi Maya, your Team plan renews in April.");
    const price = await converse(run, opening.state, { kind: "utterance", text: "how much is it going to cost", confidence: 0.9, at: at(10) }, null);
    expect(price.understanding?.intent).toBe("price_question");
    expect(price.actions[0]).toEqual({ type: "say", text: "Your Team plan stays at your current rate when you renew, and annual billing gives you two months free." });
    const callback = await converse(run, price.state, { kind: "utterance", text: "call me back tomorrow at 3", confidence: 0.9, at: at(20) }, null);
    // Wednesday 15:00 in Chicago (CST, UTC−6).
    expect(callback.actions[0]).toEqual({ type: "schedule_callback", at: "2026-12-02T21:00:00.000Z" });
    expect(callback.state).toMatchObject({ ended: true, disposition: "callback" });

    const optOut = await converse(run, opening.state, { kind: "utterance", text: "stop calling me", confidence: 0.9, at: at(10) }, null);
    expect(optOut.actions.map((a) => a.type)).toEqual(["say", "opt_out", "end"]);
    expect(optOut.state.disposition).toBe("do_not_call");
  });

  it("attaches one agent to each demo campaign, and its calls", () => {
    const data = buildDemoData("org_test", "user_test", new Date(NOWS[0]!), ["agent_a", "agent_b"]);
    expect(data.campaigns.map((c) => (c.settings as CampaignSettings).agent_id)).toEqual(["agent_a", "agent_b"]);
    const byCampaign = new Map(data.campaigns.map((c) => [c.id, (c.settings as CampaignSettings).agent_id]));
    for (const call of data.calls) expect(call.agentId).toBe(byCampaign.get(call.campaignId!));
  });
});
