// The demo organization's two agents: a renewals agent for "Spring Renewals Outreach" and an
// appointment setter for "Q4 Product Launch". Their templates read the custom CSV columns those
// campaigns' leads carry (plan, renewal_month; trial_source). Complete definitions, checked by
// prisma/seed.test.ts with the same validation the API applies.
import { AGENT_DEFAULTS, flowSchema, type AgentDefinition } from "@/lib/agents/schemas";
import { RENEWALS_KNOWLEDGE } from "@/lib/agents/understanding/corpus/renewals-knowledge";

export const RENEWALS_AGENT: AgentDefinition = {
  ...AGENT_DEFAULTS,
  name: "Renewals",
  description: "Reminds customers that their plan renews, offers annual billing, answers questions and takes callbacks.",
  voice_id: "voice_ava",
  disclosure: "Hi, this is Ava, an automated AI voice assistant calling on behalf of {{organization.name}} about your plan renewal.",
  first_message: "Hi {{lead.first_name|there}}, your {{lead.custom.plan|current}} plan renews in {{lead.custom.renewal_month|the coming weeks}}.",
  instructions:
    "You are Ava, a warm and concise renewals assistant. Goal: the customer renews, ideally on annual billing (two months free). Answer questions only from the knowledge. Never pressure; if they decline, ask once what isn't working and note it.",
  knowledge: [
    ...RENEWALS_KNOWLEDGE,
    {
      id: "kb_price",
      question: "How much does it cost? What is the price per month, are there discounts?",
      answer: "Your {{lead.custom.plan|current}} plan stays at your current rate when you renew, and annual billing gives you two months free.",
    },
  ],
  outcomes: ["converted", "interested", "not_interested", "callback", "do_not_call", "wrong_number", "no_response"],
  flow: flowSchema.parse({
    start: "renew",
    steps: [
      {
        id: "renew",
        kind: "ask",
        text: "Would you like to renew it for another year at your current rate?",
        branches: [
          { intents: ["affirm", "interested"], next: "annual" },
          { intents: ["deny", "not_interested"], next: "retain" },
          { intents: ["question", "price_question"], next: "answer" },
          { intents: ["callback_request"], next: "callback" },
        ],
        otherwise: "retain",
        hints: ["renew", "annual", "price", "call me back"],
      },
      { id: "answer", kind: "answer", fallback: "That's a good question; I'll have a specialist follow up with the details.", next: "renew" },
      {
        id: "annual",
        kind: "ask",
        text: "Great! Would you like annual billing? It gives you two months free.",
        branches: [
          { intents: ["affirm", "interested"], next: "confirm_annual" },
          { intents: ["deny", "not_interested"], next: "confirm_monthly" },
          { intents: ["question", "price_question"], next: "answer_annual" },
        ],
        otherwise: "confirm_monthly",
      },
      { id: "answer_annual", kind: "answer", fallback: "A specialist will follow up with the details.", next: "annual" },
      {
        id: "confirm_annual",
        kind: "end",
        text: "Wonderful, you're renewed on annual billing. You'll get a confirmation email today. Thank you!",
        disposition: "converted",
      },
      {
        id: "confirm_monthly",
        kind: "end",
        text: "No problem, your plan renews monthly as it does now, and you'll get a confirmation email. Thank you!",
        disposition: "converted",
      },
      {
        id: "retain",
        kind: "ask",
        text: "I understand. Is there anything about the plan that isn't working for you?",
        branches: [
          { intents: ["callback_request"], next: "callback" },
          { intents: ["affirm", "interested"], next: "annual" },
        ],
        otherwise: "goodbye",
        capture: { field: "churn_reason", kind: "text" },
      },
      {
        id: "goodbye",
        kind: "end",
        text: "Thank you for telling me; I've passed that on. Your plan stays active until its renewal date. Goodbye!",
        disposition: "not_interested",
      },
      { id: "callback", kind: "callback", text: "Of course. I'll call you back {{callback.time}}. Have a good day!" },
    ],
  }),
};

export const APPOINTMENT_AGENT: AgentDefinition = {
  ...AGENT_DEFAULTS,
  name: "Demo Booker",
  description: "Books a 20-minute analytics add-on demo with trial accounts.",
  voice_id: "voice_marcus",
  disclosure: "Hi, this is Marcus, an automated AI voice assistant calling on behalf of {{organization.name}} about your analytics trial.",
  first_message: "Hi {{lead.first_name|there}}, thanks for trying our new analytics add-on through our {{lead.custom.trial_source|website}}.",
  instructions:
    "You are Marcus, an upbeat appointment setter. Goal: book a free 20-minute demo with a specialist. Ask for a day and time; confirm it back. If they are not interested, thank them and end.",
  knowledge: [
    { id: "what", question: "What does the analytics add-on do?", answer: "It turns your call data into dashboards: conversion by campaign, best times to call, and agent performance." },
    { id: "price", question: "How much does the add-on cost?", answer: "It's included free during your trial; after that it's 49 dollars a month per workspace." },
    { id: "length", question: "How long is the demo, what happens in it?", answer: "Twenty minutes on a video call: a specialist walks you through your own data." },
    { id: "integrations", question: "Does it work with my CRM, Salesforce or HubSpot?", answer: "Yes, it connects to Salesforce and HubSpot in a few clicks." },
  ],
  outcomes: ["converted", "interested", "not_interested", "callback", "do_not_call", "wrong_number", "no_response"],
  flow: flowSchema.parse({
    start: "offer",
    steps: [
      {
        id: "offer",
        kind: "ask",
        text: "Would you like a free 20-minute demo with one of our specialists?",
        branches: [
          { intents: ["affirm", "interested"], next: "when" },
          { intents: ["deny", "not_interested"], next: "goodbye" },
          { intents: ["question", "price_question"], next: "answer" },
          { intents: ["callback_request"], next: "later" },
        ],
        otherwise: "goodbye",
        hints: ["demo", "yes", "no"],
      },
      { id: "answer", kind: "answer", fallback: "Good question; the specialist can cover that in the demo.", next: "offer" },
      {
        id: "when",
        kind: "ask",
        text: "Great! What day and time work best for you?",
        branches: [{ intents: ["callback_request"], next: "booked" }],
        otherwise: "send_times",
        capture: { field: "demo_time", kind: "time" },
        hints: ["monday", "tuesday", "morning", "afternoon"],
      },
      { id: "booked", kind: "end", text: "Perfect, you're booked. A calendar invite is on its way to your email. Thank you!", disposition: "converted" },
      { id: "send_times", kind: "end", text: "No problem, a specialist will email you a few times to choose from. Thank you!", disposition: "interested" },
      { id: "later", kind: "callback", text: "Sure, I'll call you back {{callback.time}}. Talk soon!" },
      { id: "goodbye", kind: "end", text: "No problem at all. Enjoy the rest of your trial. Goodbye!", disposition: "not_interested" },
    ],
  }),
};
