// Words for the agent vocabulary's enums, as the editor and the test panel show them.
import type { AgentEngine, CaptureKind, Disposition, Intent, StepKind } from "@/components/agents/types";

export const DISPOSITION_LABELS: Record<Disposition, string> = {
  interested: "Interested",
  not_interested: "Not interested",
  callback: "Callback",
  converted: "Converted",
  do_not_call: "Do not call",
  wrong_number: "Wrong number",
  voicemail: "Voicemail",
  transferred: "Transferred",
  no_response: "No response",
};

export const INTENT_LABELS: Record<Intent, string> = {
  affirm: "Yes",
  deny: "No",
  interested: "Interested",
  not_interested: "Not interested",
  callback_request: "Call me back",
  question: "Question",
  price_question: "Price question",
  opt_out: "Opt out",
  wrong_person: "Wrong person",
  who_is_this: "Who is this?",
  is_this_a_robot: "Is this a robot?",
  repeat: "Repeat that",
  hostile: "Hostile",
  unknown: "Unclear",
};

export const STEP_KIND_LABELS: Record<StepKind, { label: string; description: string }> = {
  say: { label: "Say", description: "Says something, then goes on" },
  ask: { label: "Ask", description: "Asks and branches on the answer" },
  answer: { label: "Answer", description: "Answers the caller's question from the knowledge" },
  transfer: { label: "Transfer", description: "Hands the call to a person" },
  callback: { label: "Callback", description: "Confirms a callback time and ends" },
  end: { label: "End", description: "Says goodbye and ends with an outcome" },
};

export const ENGINE_LABELS: Record<AgentEngine, { label: string; description: string }> = {
  flow: { label: "Flow", description: "Follows the flow below step by step. Predictable, instant and free." },
  llm: { label: "LLM", description: "A language model leads the conversation with the instructions, knowledge and flow as its guide." },
};

export const CAPTURE_KIND_LABELS: Record<CaptureKind, string> = {
  text: "The whole answer",
  date: "A date",
  time: "A time",
  money: "An amount of money",
  number: "A number",
};
