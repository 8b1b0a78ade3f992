// Agents and test conversations as the OpenAPI document describes them (schemas from ./schemas.ts).
import { z } from "zod";
import { defineOperations } from "@/lib/api/openapi/operation";
import {
  AGENT_ENGINES,
  agentIdParams,
  conversationParams,
  conversationTurnSchema,
  createAgentSchema,
  flowSchema,
  listAgentsQuery,
  silenceSchema,
  startConversationSchema,
  transferSchema,
  updateAgentSchema,
} from "@/lib/agents/schemas";
import { DISPOSITIONS, ENTITY_TYPES, INTENTS } from "@/lib/agents/vocabulary";

export const agentResponse = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    language: z.string(),
    voice_id: z.string(),
    engine: z.enum(AGENT_ENGINES),
    first_message: z.string(),
    disclosure: z.string(),
    instructions: z.string(),
    flow: flowSchema,
    knowledge: z.array(z.object({ id: z.string(), question: z.string(), answer: z.string() })),
    outcomes: z.array(z.enum(DISPOSITIONS)),
    transfer: transferSchema.nullable(),
    voicemail_message: z.string().nullable(),
    max_duration_seconds: z.number().int(),
    silence: silenceSchema,
    in_use: z.boolean().meta({ description: "A campaign of your organization uses this agent" }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: "Agent" });

export const actionSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("say"), text: z.string() }),
    z.object({ type: z.literal("listen"), hints: z.array(z.string()), timeout: z.number().meta({ description: "Seconds of silence before it counts as silence" }) }),
    z.object({ type: z.literal("transfer"), to: z.string(), whisper: z.string() }),
    z.object({ type: z.literal("end"), disposition: z.enum(DISPOSITIONS) }),
    z.object({ type: z.literal("schedule_callback"), at: z.string().nullable().meta({ description: "ISO 8601; null: at the next allowed time" }) }),
    z.object({ type: z.literal("opt_out") }),
    z.object({ type: z.literal("record_answer"), field: z.string(), value: z.string() }),
  ])
  .meta({ id: "AgentAction" });

export const conversationStateResponse = z
  .object({
    step: z.string().nullable().meta({ description: "The flow step the agent is at" }),
    path: z.array(z.string()).meta({ description: "Steps visited, in order" }),
    captured: z.record(z.string(), z.string()),
    ended: z.boolean(),
    disposition: z.enum(DISPOSITIONS).nullable(),
    callback_at: z.string().nullable(),
  })
  .meta({ id: "ConversationState" });

export const understandingResponse = z
  .object({
    intent: z.enum(INTENTS),
    confidence: z.number(),
    entities: z.array(z.object({ type: z.enum(ENTITY_TYPES), text: z.string(), value: z.union([z.string(), z.number()]) })),
    knowledge_id: z.string().nullable().meta({ description: "The knowledge entry that answers the caller's question" }),
  })
  .meta({ id: "Understanding" });

export const engineTurnResponse = z
  .object({
    engine: z.enum(AGENT_ENGINES).meta({ description: "The engine that decided this turn" }),
    fallback: z.string().nullable().meta({ description: "Why the LLM's answer was replaced by the flow engine's (timeout, error, invalid_tool_call…)" }),
    input_tokens: z.number().int(),
    output_tokens: z.number().int(),
    cost: z.number().meta({ description: "US dollars" }),
    latency_ms: z.number(),
  })
  .meta({ id: "EngineTurn" });

export const conversationResponse = z
  .object({
    conversation_id: z.string(),
    agent_id: z.string(),
    actions: z.array(actionSchema),
    state: conversationStateResponse,
    engine: engineTurnResponse,
    created_at: z.string(),
  })
  .meta({ id: "Conversation" });

export const turnResponse = z
  .object({
    actions: z.array(actionSchema),
    understanding: understandingResponse.nullable().meta({ description: "null for silence and events" }),
    state: conversationStateResponse,
    engine: engineTurnResponse,
  })
  .meta({ id: "ConversationTurn" });

export const enginesResponse = z
  .object({
    engines: z.array(
      z.object({
        id: z.enum(AGENT_ENGINES),
        available: z.boolean(),
        model: z.string().nullable(),
        reason: z.string().nullable().meta({ description: "Why the engine is not available" }),
      }),
    ),
  })
  .meta({ id: "AgentEngines" });

export const AGENT_OPERATIONS = defineOperations([
  {
    method: "GET",
    path: "/api/agents",
    operationId: "listAgents",
    summary: "Your organization's AI agents",
    tag: "Agents",
    auth: "user",
    permission: "agents.view",
    query: listAgentsQuery,
    response: { kind: "json", status: 200, schema: agentResponse, list: true, listKey: "agents" },
  },
  {
    method: "POST",
    path: "/api/agents",
    operationId: "createAgent",
    summary: "Create an agent",
    description:
      "Spoken texts may use {{lead.first_name}}, {{lead.last_name}}, {{lead.company}}, {{lead.email}}, {{lead.phone}}, {{lead.custom.<column>}}, {{agent.name}}, {{organization.name}} and {{callback.time}}; {{name|default}} states what is said when the lead has no value. The flow is checked: every reference names a step, every step is reachable and every step can reach an end.",
    tag: "Agents",
    auth: "user",
    permission: "agents.manage",
    body: createAgentSchema,
    response: { kind: "json", status: 201, schema: agentResponse },
    errors: ["RESOURCE_002"],
  },
  {
    method: "GET",
    path: "/api/agents/engines",
    operationId: "listAgentEngines",
    summary: "Which conversation engines this deployment offers (the LLM engine needs LLM_API_KEY)",
    tag: "Agents",
    auth: "user",
    permission: "agents.view",
    response: { kind: "json", status: 200, schema: enginesResponse },
  },
  {
    method: "GET",
    path: "/api/agents/{agent_id}",
    operationId: "getAgent",
    summary: "One agent",
    tag: "Agents",
    auth: "user",
    permission: "agents.view",
    params: agentIdParams,
    response: { kind: "json", status: 200, schema: agentResponse },
  },
  {
    method: "PUT",
    path: "/api/agents/{agent_id}",
    operationId: "updateAgent",
    summary: "Change an agent (any subset of its fields)",
    tag: "Agents",
    auth: "user",
    permission: "agents.manage",
    params: agentIdParams,
    body: updateAgentSchema,
    response: { kind: "json", status: 200, schema: agentResponse },
    errors: ["RESOURCE_002"],
  },
  {
    method: "DELETE",
    path: "/api/agents/{agent_id}",
    operationId: "deleteAgent",
    summary: "Delete an agent (refused while a campaign uses it)",
    tag: "Agents",
    auth: "user",
    permission: "agents.manage",
    params: agentIdParams,
    response: { kind: "json", status: 200, schema: z.object({ id: z.string(), deleted: z.literal(true) }) },
    errors: ["RESOURCE_003"],
  },
  {
    method: "POST",
    path: "/api/agents/{agent_id}/conversations",
    operationId: "startAgentConversation",
    summary: "Start a test conversation: the agent's opening actions",
    description: "Runs the same engine a call runs, with text instead of a phone.",
    tag: "Agents",
    auth: "user",
    permission: "agents.view",
    params: agentIdParams,
    body: startConversationSchema,
    response: { kind: "json", status: 201, schema: conversationResponse },
  },
  {
    method: "POST",
    path: "/api/agents/{agent_id}/conversations/{conversation_id}/turns",
    operationId: "takeAgentConversationTurn",
    summary: "Say something to the agent (or stay silent, or report an event) and get its actions",
    tag: "Agents",
    auth: "user",
    permission: "agents.view",
    params: conversationParams,
    body: conversationTurnSchema,
    response: { kind: "json", status: 200, schema: turnResponse },
    errors: ["RESOURCE_002", "RESOURCE_003"],
  },
]);
