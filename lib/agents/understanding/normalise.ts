// Speech-recognition text → the words the caller meant, before any rule reads it: lower case,
// contractions spelled out, fillers dropped, and the mishearings that matter on a sales call
// ("take me of your list", "I'm knot interested", "whats the prize") put right. A word (or two words
// run together: "on subscribe", "can sell") that sounds like a word we listen for — same Double
// Metaphone code — or is one letter from it, is read as that word.
import { doubleMetaphone } from "double-metaphone";
import { isKnownWord } from "@/lib/agents/understanding/nlp";

/** Words the rules listen for; a near miss of one of these is read as it. */
const KEYWORDS = [
  "interested", "calling", "remove", "number", "price", "pricing", "cancel", "cancelling", "contract", "premium",
  "trial", "support", "robot", "human", "person", "wrong", "again", "renew", "renewal", "subscription", "expensive",
  "discount", "payment", "invoice", "transfer", "machine", "computer", "recording", "automated", "repeat", "month",
  "monthly", "morning", "afternoon", "evening", "tomorrow", "tonight", "today", "wednesday", "thursday", "friday",
  "saturday", "sunday", "monday", "tuesday", "scammers", "telemarketers", "commitment", "privacy", "security", "account",
  "scam", "unsubscribe", "pardon", "discount", "discounts", "paypal", "interested", "specialist", "cancellation",
  "registry", "harassment", "robocall", "recorded", "artificial", "expire", "expiring", "features", "storage",
];
const KEYWORD_SET = new Set(KEYWORDS);

/** Whole-phrase mishearings and spoken forms (applied to the lower-cased text). */
const PHRASES: [RegExp, string][] = [
  [/\buh huh\b|\bmm hmm\b|\bmhm\b/g, "yes"],
  [/\bnuh uh\b/g, "no"],
  [/\b(take|get|remove|delete) (me|us|my number|this number|my numbers) of\b/g, "$1 $2 off"],
  [/\bof (you're|your|you|ur) list\b/g, "off your list"],
  [/\b(you're|ur) list\b/g, "your list"],
  [/\bdo knot\b/g, "do not"],
  [/\bknot\b/g, "not"],
  [/\bawf\b/g, "off"],
  [/\bloose my number\b/g, "lose my number"],
  [/\bi have in\b/g, "i haven't"],
  [/\bnot that i no\b/g, "not that i know"],
  [/\bknow i (didn't|did not|don't|do not)\b/g, "no i $1"],
  [/\b(prize|prise)\b/g, "price"],
  [/\bwhat's the monthly fi\b/g, "what's the monthly fee"],
  [/\bmush\b/g, "much"],
  [/\bmoth\b/g, "month"],
  [/\bsine me\b/g, "sign me"],
  [/\b(aisle|i'll) take it\b/g, "i'll take it"],
  [/\ball pass\b/g, "i'll pass"],
  [/\bre ?kn?ew\b/g, "renew"],
  [/\btwo renew\b/g, "to renew"],
  [/\bmonth two month\b/g, "month to month"],
  [/\bfree trail\b/g, "free trial"],
  [/\btry all period\b/g, "trial period"],
  [/\b(sea|see) my data\b/g, "see my data"],
  [/\bpay by car\b/g, "pay by card"],
  [/\bnumb her\b/g, "number"],
  [/\brong\b/g, "wrong"],
  [/\bpurse in\b/g, "person"],
  [/\bhoo is\b/g, "who is"],
  [/\b(hoo|whose) calling\b/g, "who is calling"],
  [/\bwear are you\b/g, "where are you"],
  [/\bwidth\b/g, "with"],
  [/\bare you reel\b/g, "are you real"],
  [/\bis this a boat\b/g, "is this a bot"],
  [/\b(are you|is this|is it|am i talking to) (a|an) (eye|i|a i|a eye)\b/g, "$1 an ai"],
  [/\brobit\b/g, "robot"],
  [/\bcome a gain\b/g, "come again"],
  [/\brepeet\b/g, "repeat"],
  [/\bpis off\b/g, "piss off"],
  [/\bget lossed\b/g, "get lost"],
  [/\bthat(?:'s|s| is) (write|rite)\b/g, "that's right"],
  [/\bcorrects\b/g, "correct"],
  [/\bfry day\b/g, "friday"],
  [/\bwensday\b/g, "wednesday"],
  [/\bmourning\b/g, "morning"],
  [/\bto (night|day)\b/g, "to$1"],
  [/\ban our\b/g, "an hour"],
  [/\bat tree\b/g, "at three"],
  [/\bat for\b/g, "at four"],
  [/\bpassed for\b/g, "past four"],
  [/\bdoesn't ring a bill\b/g, "doesn't ring a bell"],
  [/\bcan sell\b/g, "cancel"],
  [/\bre move\b/g, "remove"],
  [/\ba gain\b/g, "again"],
  [/\bcon tract\b/g, "contract"],
  [/\bcolling\b/g, "calling"],
];

const CONTRACTIONS: [RegExp, string][] = [
  [/\bwon't\b/g, "will not"],
  [/\bcan't\b/g, "cannot"],
  [/\bain't\b/g, "is not"],
  [/\b(\w+)n't\b/g, "$1 not"],
  [/\bdont\b/g, "do not"],
  [/\bdoesnt\b/g, "does not"],
  [/\bim\b/g, "i'm"],
  [/\bwhats\b/g, "what's"],
  [/\bthats\b/g, "that's"],
  [/\bgonna\b/g, "going to"],
  [/\bwanna\b/g, "want to"],
];

const FILLERS = /\b(um+|uh+|er+m?|hmm+|like,|you know,|i mean,)\s*/g;

/** One insertion, deletion, substitution or swap of neighbours ("numbre" → "number"). */
function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
    if (diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!]) return true;
  }
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] !== b[j] && ++edits > 1) return false;
    if (a[i] === b[j] || a.length === b.length) {
      i++;
      j++;
    } else if (a.length > b.length) i++;
    else j++;
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

// Everyday words that sound like a keyword and must stay themselves.
const COMMON = new Set(["person", "persons", "prices", "prays", "praise", "prize", "number", "numbers", "colleague", "college", "cancer", "contact", "pardons", "remote", "premier", "human", "humid", "storing", "stories", "story", "support", "sport", "spirit", "spare", "again", "begin", "agent", "agents", "wrong", "ring", "rang", "run", "morning", "mourning", "timing", "today", "tomorrow", "month", "minute", "minutes", "trial", "trail", "try", "repeat", "report", "reports", "record", "records", "piece", "peace", "place", "plays", "please", "police", "policy", "polish"]);

// Real words one letter from a keyword, left alone.
const REAL_WORDS = new Set(["contact", "contacts", "calming", "balling", "falling", "killing", "telling", "selling", "person's", "prices", "monthly", "removed", "remover", "numbers", "renews", "accounts", "machines", "humans", "persons", "morning", "evenings", "mornings", "renewed"]);

/** Keywords of six letters or more by length: a word is compared only with those one letter longer or shorter. */
const BY_LENGTH = new Map<number, string[]>();
for (const keyword of KEYWORDS) if (keyword.length >= 6) BY_LENGTH.set(keyword.length, [...(BY_LENGTH.get(keyword.length) ?? []), keyword]);

/** Sound → keyword, for keywords whose code is long enough not to collide with everyday words. */
const BY_SOUND = new Map<string, string>();
// Day and time words are read by the time parser, which has its own tolerance; a sound match to
// them ("the worst" → "thursday") does more harm than good.
const NOT_BY_SOUND = /day$|^(morning|afternoon|evening|tomorrow|tonight|today|month|monthly)$/;
for (const keyword of KEYWORDS.filter((k) => !NOT_BY_SOUND.test(k))) {
  for (const code of doubleMetaphone(keyword)) if (code.length >= 3 && !BY_SOUND.has(code)) BY_SOUND.set(code, keyword);
}

/** Keywords a recogniser splits into two real words ("on subscribe", "pay pal", "this counts", "part in"). */
const JOINABLE = new Set(["unsubscribe", "discount", "discounts", "pardon", "paypal", "interested", "cancel", "contract", "remove", "again", "premium", "robocall", "specialist", "renew", "renewal"]);

function soundsLike(word: string): string | undefined {
  const [primary, secondary] = doubleMetaphone(word);
  return BY_SOUND.get(primary) ?? BY_SOUND.get(secondary);
}

function correctWord(word: string): string {
  if (word.length < 4 || KEYWORD_SET.has(word) || REAL_WORDS.has(word) || COMMON.has(word)) return word;
  const bySound = soundsLike(word);
  const candidate =
    bySound && Math.abs(bySound.length - word.length) <= 2
      ? bySound
      : word.length >= 6
        ? (BY_LENGTH.get(word.length - 1) ?? []).concat(BY_LENGTH.get(word.length) ?? [], BY_LENGTH.get(word.length + 1) ?? []).find((k) => editDistanceAtMostOne(word, k))
        : undefined;
  // Only words the lexicon does not know are mishearings: "people" is never "paypal". (Checked last: it is the slow part.)
  return candidate && !isKnownWord(word) ? candidate : word;
}

export function normaliseUtterance(raw: string): string {
  let text = ` ${raw.toLowerCase().replace(/[’‘]/g, "'").replace(/[^a-z0-9'$%:.,?! -]/g, " ")} `;
  for (const [pattern, replacement] of PHRASES) text = text.replace(pattern, replacement as string);
  for (const [pattern, replacement] of CONTRACTIONS) text = text.replace(pattern, replacement);
  text = text.replace(FILLERS, "");
  const words = text.replace(/[,!.]+(\s|$)/g, " ").split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const next = words[i + 1];
    const joined = words[i]! + (next ?? "");
    const joinedSound =
      next && words[i]!.length >= 2 && next.length >= 2 && joined.length >= 5 && !KEYWORD_SET.has(words[i]!) && !KEYWORD_SET.has(next) ? soundsLike(joined) : undefined;
    if (next && KEYWORD_SET.has(joined)) {
      out.push(joined);
      i++;
    } else if (joinedSound && JOINABLE.has(joinedSound) && Math.abs(joinedSound.length - joined.length) <= 2 && !isKnownWord(joined)) {
      out.push(joinedSound);
      i++;
    } else out.push(correctWord(words[i]!));
  }
  return out.join(" ");
}
