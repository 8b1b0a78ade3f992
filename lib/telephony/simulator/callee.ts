// What a simulated callee says back. The answer fits the persona and the agent's last question —
// a yes/no question, an open one, "when is a good time?", or no question at all — and is drawn from a
// varied phrase bank with a random source seeded per call, so a call replays the same way. Speaking
// takes real time (about 2.6 words a second), and now and then a person says nothing at all.
import type { PersonaName } from "@/lib/telephony/simulator/personas";

export type QuestionKind = "yes_no" | "open" | "time" | "none";
export type CalleeReply = { text: string | null; speakingSeconds: number; hangUpAfter: boolean };

/** What the agent's last line asks for, read the way a person on the phone would. */
export function questionKind(lastLine: string): QuestionKind {
  const line = lastLine.trim().toLowerCase();
  if (!line.endsWith("?")) return "none";
  const question = line.split(/[.!]\s+/).at(-1) ?? line;
  if (/\b(when|what time|what day|which day|good time|better time)\b/.test(question)) return "time";
  if (/^(would|do|does|did|are|is|can|could|shall|should|will|have|may)\b/.test(question)) return "yes_no";
  return "open";
}

type Bank = Partial<Record<QuestionKind | "any", string[]>>;

const YES = ["Yes, I'd like that.", "Sure, sounds good.", "Yeah, let's do it.", "Yes please.", "Okay, go ahead, that works for me."];
const NO_THANKS = ["No thanks, we're happy with what we have.", "I'm not interested, thank you.", "No, I'll pass on that.", "Not for us, thanks."];

const BANKS: Record<PersonaName, Bank[]> = {
  interested: [{ yes_no: YES, open: ["That sounds interesting, tell me more.", "I'm interested, what do I need to do?"], time: ["Tomorrow afternoon works."], any: ["Yes, I'm interested."] }],
  not_interested: [{ yes_no: NO_THANKS, open: NO_THANKS, time: ["I'd rather you didn't, we're not interested."], any: NO_THANKS }],
  price_then_interested: [
    { any: ["How much does it cost?", "What's the price on that?", "Before I say yes, how much is it?"] },
    { yes_no: YES, open: ["Okay, that's reasonable. Let's do it."], any: ["Alright, that's fair, sign me up."] },
  ],
  callback: [
    { any: ["I'm driving right now, can you call me back tomorrow at 3?", "This isn't a good time, call me back tomorrow at 3.", "I'm in a meeting, could you try me tomorrow at 3?"] },
    { time: ["Tomorrow at 3 is best.", "Tomorrow afternoon, around 3."], any: ["Tomorrow at 3, please."] },
  ],
  opt_out: [{ any: ["Please stop calling me and take me off your list.", "Don't call this number again.", "Put me on your do not call list."] }],
  voicemail: [],
  busy: [],
  no_answer: [],
  carrier_failed: [],
  wrong_person: [{ any: ["Sorry, you have the wrong number.", "There's nobody here by that name.", "I think you've got the wrong person."] }],
  silent: [],
  hangs_up: [{ any: ["Not now.", "Ugh, another one of these calls.", "I can't talk."] }],
  hostile: [{ any: ["This is a scam, leave me alone.", "You people are unbelievable.", "What a waste of my time."] }],
  robot_check: [
    { any: ["Wait, am I talking to a robot?", "Is this a real person?", "Hang on, is this automated?"] },
    { yes_no: YES, open: ["Okay, fair enough. I'm interested."], any: ["Alright, I'm interested anyway."] },
  ],
  curious: [
    { any: ["Is there a free trial?", "Can I try it first?", "How do I cancel if I don't like it?"] },
    { yes_no: NO_THANKS, any: ["Hmm, I think I'll pass for now."] },
  ],
};

const WORDS_PER_SECOND = 2.6;
/** How often a person says nothing when asked something (the silent persona always does). */
const SILENCE_CHANCE = 0.06;

/**
 * The callee's reply to the agent's `lastLine`, on their `turn` (0 for the first answer). `random` is
 * the call's seeded source. Null text is silence.
 */
export function calleeReply(persona: PersonaName, lastLine: string, turn: number, random: () => number): CalleeReply {
  const banks = BANKS[persona];
  // The silent persona (and the ones nobody speaks for: machines, busy lines) never says a word.
  if (!banks.length) return { text: null, speakingSeconds: 0, hangUpAfter: false };
  const kind = questionKind(lastLine);
  // Only on ordinary answers: a scripted first move (a question, a request) always comes.
  if (turn > 0 && random() < SILENCE_CHANCE) return { text: null, speakingSeconds: 0, hangUpAfter: false };
  const bank = banks[Math.min(turn, banks.length - 1)]!;
  const phrases = bank[kind] ?? bank.any ?? [];
  const text = phrases[Math.floor(random() * phrases.length)] ?? null;
  const words = text ? text.split(/\s+/).length : 0;
  return { text, speakingSeconds: Math.round((words / WORDS_PER_SECOND + 0.3) * 10) / 10, hangUpAfter: persona === "hangs_up" };
}
