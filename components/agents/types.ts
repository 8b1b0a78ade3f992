// The agent editor's wire shapes, from the server's zod schemas (responses in lib/agents/operations.ts,
// requests in lib/agents/schemas.ts). Types only here; only client-side state (list filters) is written out.
import type { z } from "zod";
import type { actionSchema, agentResponse, conversationResponse, enginesResponse, turnResponse } from "@/lib/agents/operations";
import type {
  AGENT_ENGINES,
  CAPTURE_KINDS,
  conversationTurnSchema,
  createAgentSchema,
  flowStepSchema,
  listAgentsQuery,
  startConversationSchema,
  updateAgentSchema,
} from "@/lib/agents/schemas";
import type { DISPOSITIONS, INTENTS } from "@/lib/agents/vocabulary";

export type Agent = z.output<typeof agentResponse>;
export type AgentEngine = (typeof AGENT_ENGINES)[number];
export type AgentEngineInfo = z.output<typeof enginesResponse>["engines"][number];
export type AgentEngines = z.output<typeof enginesResponse>;

export type Conversation = z.output<typeof conversationResponse>;
export type ConversationTurn = z.output<typeof turnResponse>;
export type ConversationState = ConversationTurn["state"];
export type Understanding = NonNullable<ConversationTurn["understanding"]>;
export type AgentAction = z.output<typeof actionSchema>;

export type Disposition = (typeof DISPOSITIONS)[number];
export type Intent = (typeof INTENTS)[number];
export type CaptureKind = (typeof CAPTURE_KINDS)[number];
export type StepKind = z.output<typeof flowStepSchema>["kind"];

export type CreateAgentBody = z.input<typeof createAgentSchema>;
export type UpdateAgentBody = z.input<typeof updateAgentSchema>;
export type StartConversationBody = z.input<typeof startConversationSchema>;
export type ConversationTurnBody = z.input<typeof conversationTurnSchema>;

export type AgentSort = NonNullable<z.input<typeof listAgentsQuery>["sort"]>;

export type AgentListFilters = {
  search?: string;
  engine?: AgentEngine;
  sort?: AgentSort;
  order?: "asc" | "desc";
  page: number;
  limit: number;
};
