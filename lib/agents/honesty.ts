// The agent never claims to be human, whatever the engine or the author wrote. Pure: the editor,
// the API's validation and the LLM engine check spoken text with the same patterns.
const CLAIMS_HUMAN = [
  /\b(i am|i'm|im|this is)\s+(not\s+)?(a\s+|an\s+)?(real|actual|live|genuine|definitely|really|actually|totally|100%|a real live)?\s*(live\s+)?(human|person|human being|people person)\b/i,
  /\b(you('re| are)|you're)\s+(speaking|talking|chatting)\s+(to|with)\s+(a\s+)?(real|actual|live)\s+(person|human)\b/i,
  /\b(i am|i'm|im)\s+(not|no)\s+(a\s+|an\s+)?(robot|bot|machine|ai|a\.i\.|computer|recording|automated)\b/i,
  /\bnot\s+(a\s+|an\s+)?(robot|bot|machine|computer|recording)\b.*\b(i am|i'm)\b/i,
];
// "I'm not a human" is the truth, not a claim: the first pattern must not catch it.
const ADMITS = /\b(i am|i'm|im)\s+not\s+(a\s+)?(real\s+)?(human|person)\b/i;

export function claimsToBeHuman(text: string): boolean {
  if (ADMITS.test(text) && !/\b(not|no)\s+(a\s+|an\s+)?(robot|bot|machine|ai|computer)\b/i.test(text)) return false;
  return CLAIMS_HUMAN.some((p) => p.test(text));
}

/** A disclosure must say the voice is automated or AI, and not deny it. */
export function disclosesAutomation(text: string): boolean {
  return /\b(AI|automated|artificial|virtual assistant)\b/i.test(text) && !/\bnot\s+(an?\s+)?(AI|automated|artificial|robot|machine|recording)\b/i.test(text);
}
