// Every operation of the API, from each domain's own list (lib/<domain>/operations.ts). A new
// domain's list is added here; the route-coverage test fails until it is.
import type { Operation } from "@/lib/api/openapi/operation";
import { AUTH_OPERATIONS } from "@/lib/auth/operations";
import { USER_OPERATIONS } from "@/lib/users/operations";
import { API_KEY_OPERATIONS } from "@/lib/api-keys/operations";
import { CAMPAIGN_OPERATIONS } from "@/lib/campaigns/operations";
import { LEAD_OPERATIONS } from "@/lib/leads/operations";
import { DNC_OPERATIONS } from "@/lib/dnc/operations";
import { ANALYTICS_OPERATIONS } from "@/lib/analytics/operations";
import { VOICE_OPERATIONS } from "@/lib/voice/operations";
import { AGENT_OPERATIONS } from "@/lib/agents/operations";
import { CALL_OPERATIONS } from "@/lib/calls/operations";
import { JOB_OPERATIONS } from "@/lib/jobs/operations";
import { STORAGE_OPERATIONS } from "@/lib/storage/operations";
import { SYSTEM_OPERATIONS } from "@/lib/health/operations";

export const API_OPERATIONS: Operation[] = [
  ...AUTH_OPERATIONS,
  ...USER_OPERATIONS,
  ...API_KEY_OPERATIONS,
  ...CAMPAIGN_OPERATIONS,
  ...LEAD_OPERATIONS,
  ...DNC_OPERATIONS,
  ...ANALYTICS_OPERATIONS,
  ...VOICE_OPERATIONS,
  ...AGENT_OPERATIONS,
  ...CALL_OPERATIONS,
  ...JOB_OPERATIONS,
  ...STORAGE_OPERATIONS,
  ...SYSTEM_OPERATIONS,
];
