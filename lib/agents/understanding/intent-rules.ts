// The offline intent rules, read over normalised text (./normalise.ts). Each intent has strong
// patterns (the phrase alone says it) and, for the yes/no family, a reading with negation counted:
// "I'm not not interested" is interested, "I wouldn't say no" is a yes. Order matters where one
// utterance could match two intents: an opt-out wins over everything (compliance), then the
// identity and robot questions, hostility, repeats, callbacks, prices and questions, and last the
// yes/no family.
import type { Intent } from "@/lib/agents/vocabulary";

export type Context = "yes_no" | "open" | "time" | "greeting";
export type RuleMatch = { intent: Intent; confidence: number };

const any = (...patterns: RegExp[]) => (t: string) => patterns.some((p) => p.test(t));

const OPT_OUT = any(
  /\b(stop|quit|cease) (calling|ringing|phoning|contacting|bothering)\b/,
  /\b(take|remove|delete|get|scrub|erase|wipe) (me|us|my number|my numbers|this number|my (phone|cell|details|info|information))\b.*\b(off|from|out of)\b/,
  /\b(take|remove|delete|scrub|erase) (me|us|my numbers?|this number|my (phone|cell) number)( off| from| please| now|$)/,
  /\bremove (me|us)\b/,
  /\bdo not call (list|registry|register)\b/,
  /\b(do not|never|not) (ever )?(call|contact|ring|phone|dial) (me|us|here|this number|this line|my number)\b.*\b(again|anymore|any more|back|ever)\b/,
  /\b(do not|never) (ever )?(call|contact|ring|phone) (me |us |here )?(again|anymore|any more|back)\b/,
  /\bnever (call|contact|ring|phone) (me|us|here|this number)\b/,
  /\b(do not|never) (call|contact) (me|us|here)$/,
  /\bunsubscribe\b/,
  /\b(lose|forget|delete|remove) (my|this|our) (number|phone number)\b/,
  /\bno more (calls|phone calls|calling)\b/,
  /\b(do not|not) want (any more|anymore|more|any|your|these|any further) (calls|phone calls)\b/,
  /\b(do not|not) want (you|you guys|you people|anyone) (calling|to call|ringing|contacting)\b/,
  /\bopt (me )?out\b/,
  /\b(calling|call) me (again|anymore)\b.*\b(report|sue|police|lawyer)\b/,
  /\bnot (to )?(call|contact) (me|us) (again|anymore)\b/,
  /\bcall me no more\b/,
  /\b(take|taken|put|get|remove|removed|scratch|cross)\b.*\b(off|from)\b.*\b(list|lists|system|database|records)\b/,
  /\b(off|from) (your|the|this|all) (call|calling|contact|phone|mailing|marketing|sales|dialing)? ?(list|lists)\b/,
  // "Don't call here again", "do not call" — but not "don't call before 9" (a time to call).
  /\b(do not|never) (ever )?(call|ring|phone|contact|dial)\b(?! (me |us )?(before|after|until|till|on|at|during|between|now|right now|today|this|tomorrow|back later|later))/,
  /\b(stop|quit|enough|cease|end)\b.*\b(calls|calling|ringing|phoning|contacting)\b/,
  /\b(tps|no call|no calls|do not call|do not caller|do not cull|dnc|do not contact|don't call|never call) ?(list|register|registry)?\b/,
  /\bopt(ed|ing)? ?(me |us )?out\b|\bopt owt\b/,
  /\bnot (want|wish|like) (to be|being) (contacted|called|rung|phoned)\b|\bnot to be (called|contacted|rung)\b/,
  /\b(mark|flag|put|add|register|list|note) (me|my number|us|this number|my phone)\b.*\b(do not|no call|opt|not to be)\b/,
  /\b(these|the|your|all) calls to stop\b|\bcalls (have )?to stop\b/,
  /\b(nobody|no one|never)\b.*\bcalls? (me|us|here) again\b/,
  /\b(if|when|next time) (you|anyone|somebody|someone) (call|calls|ring|rings|phone|phones) (me |us |here )?again\b/,
  /\b(only|just) (want|wish|prefer)\b.*\b(email|mail|text|letter|post)\b.*\bnot (by )?(phone|call)/,
  /\b(erase|ase|delete|wipe|scrub) (my|this|our) (number|details|data|info)\b/,
);

const WRONG_PERSON = any(
  /\bwrong (number|person|house|guy|lady|one|line|\w+ number)\b/,
  /\b(no ?one|nobody|no body|no one) (here )?(by|with|named|called) (that|the) name\b/,
  /\bno (one|body) by that name\b/,
  /\bthere is no \w+ (here|at this number|on this line)\b/,
  /\bthere's no \w+ (here|at this number|on this line)\b/,
  /\bthere's no \w+ hear\b/,
  /\b(this|i'm|i am) (is )?(his|her|their) (wife|husband|daughter|son|mother|mom|father|dad|brother|sister|assistant|partner|roommate|secretary)\b/,
  /\b(that's|that is|that'd be|that would be|you want) (my|his|her) (wife|husband|daughter|son|mother|mom|father|dad|brother|sister|ex|boss|partner)\b/,
  /\b(he|she) (passed away|died|moved|does not live|no longer lives|is not home|is not here|is not in|is at work|is unavailable|is not available)\b/,
  /\b(he|she)'s (not home|not here|not in|at work|unavailable|not available|moved|dead|gone)\b/,
  /\b(he|she|they) (moved out|passed)\b/,
  /\bi'm not the (account holder|owner|one who|person)\b/,
  /\bnot the (account holder|owner)\b/,
  /\b(just got|got) this number\b/,
  /\bthe (old|previous) owner\b/,
  /\b(this|that) (is|was) not me\b|\bthat's not me\b/,
  /\b(the owner|he|she|they) (is not|isn't) in\b/,
  /\bno longer works here\b|\bworks here anymore\b/,
  /\bthis is not (my|\w+) (account|number)\b/,
  /\byou must (want|have|mean) (the|someone|somebody)\b/,
  /\b(we|i) (do not|never) have an? \w+ account\b/,
  /^(uh |well |sorry )?(i'm|i am|this is) not [a-z]+$/,
  /\bthis is not [a-z]+$/,
  /\b(no ?one|nobody|no one) (here )?(named|called|by the name)\b/,
  /\b(does not|do not|no longer|never) (live|lives|work|works|stay|stays) (here|there|at this)\b/,
  /\b(looking|asking) for my (\w+ )?(roommate|wife|husband|son|daughter|mom|mother|dad|father|brother|sister|boss|partner|tenant|landlord|neighbor|neighbour)\b/,
  /\byou('re| are) (looking|asking) for (someone|somebody|the|my)\b/,
  /\b(died|deceased|passed on|passed away|past away|is dead|no longer with us)\b/,
  /\b(he|she|they)('s| is| are) (out|away|not in|asleep|at work|in a meeting|in hospital|unavailable|not available|not here|not home|busy right now)\b/,
  /\b(he|she) is (out|away|asleep|at work|in a meeting|in hospital|in the hospital|unavailable)\b/,
  /\bcan i take a message\b/,
  /\bi('m| am) (just |only )?(the|her|his|their) (babysitter|cleaner|receptionist|carer|caregiver|nurse|assistant|secretary|daughter|son|wife|husband|neighbou?r|colleague|flatmate|roommate|tenant|nanny|housekeeper|mum|mom|dad)\b/,
  /\b(answering|speaking|calling|picking up) for (my|her|his|their)\b/,
  /\b(speaking|talking) (to|with) (his|her|their) \w+\b/,
  /\b(do not|never|never had|never have|don't) (have |had )?an? (account|policy|plan|subscription) with\b/,
  /\b(dialed|dialled|dial|got|have|rang|called) (the )?wrong\b|\bmisdial|\bwrong numb/,
  /\b(the )?(people|person|guy|family|folks|tenants|owners?) (before (us|me)|who had (this|the))\b/,
  /\bused to be (my|his|her|the)\b|\bmoved (away|out|interstate|overseas|on|house)\b|\bsold the business\b|\bnew owner\b|\bleft the company\b|\bretired\b/,
  /\bi('m| am) not (her|him|them|that person|who you)\b/,
  /\b(you're|you are) after (my|the|someone)\b|\bcalls for (some|a)\b/,
  /\b(personal|private|home) (number|line|phone)\b.*\bnot\b/,
  /\bnot (live|living) here\b|\blive here no more\b|\bdo not live hear\b/,
);
// "I'm not interested/sure/available…" is not a name.
const NOT_A_NAME = /\b(i'm|i am|this is) not (interested|sure|ready|busy|available|home|able|going|looking|buying|paying|renewing|doing|really|that|in|on|at|ok|okay|right|wrong|free|happy|certain|it|here|there|allowed|keen|bothered|convinced)\b/;

const ROBOT = any(
  /\b(are you|is this|am i (talking|speaking|chatting) (to|with)|is that|you are|you're|is it|this is|is there)\b.*\b(robot|bot|machine|computer|automated|automatic|recording|recorded|pre recorded|prerecorded|a\.?i\.?|chat ?gpt|virtual assistant|real person|real human|actual person|actual human|live person|human|human being|real|live|robo ?call|tape|artificial|person)\b/,
  /\b(robot|robo ?call|chat ?gpt|a\.?i\.? thing|computer generated|computer voice|machine voice)\b/,
  /\bis (someone|somebody|anyone|anybody) (actually |really )?there\b/,
  /\btalking to a (computer|machine|robot|bot)\b/,
);

const WHO = any(
  /\bwho (is|are|was) (this|that|you|calling|speaking|on the line)\b/,
  /\bwho's (this|calling|speaking|that)\b/,
  /\bwho am i (speaking|talking) (to|with)\b/,
  /\bwho (are|is) you (with|calling)?\b/,
  /\bwhat (company|business|firm|organization|organisation)\b.*\b(you|this|calling)\b/,
  /\bwhat('s| is) (the name of )?(your|the) (company|business|name|organization)\b/,
  /\bwhat('s| is) (this|the call|it|your call) (about|regarding|for|concerning)\b/,
  /\bwhat is this (regarding|about|concerning)\b/,
  /\bwhat are you calling (about|for)\b|\bwhy are you calling\b|\bwhy (did|do) you call\b/,
  /\b(where|who) (are you|you) calling from\b|\bwhere are you (calling )?from\b/,
  /\b(who|where) (gave|got) you (this|my)\b|\bwhere('d| did) you get my\b|\bhow (did|do) you (get|have) (my|this)\b/,
  /\b(and )?you are\??$/,
  /\bdo i know you\b/,
  /\bare you (calling )?from (the|my|a)\b/,
  /\bis this about\b/,
  /\bcan i ask who\b|\bmay i ask who\b/,
  /\bwhat('s| is) your name\b/,
  /\bwho (do you|you) (work|represent)\b/,
  /\b(in|with) (reference|regards?|regard) to\b.*$/,
  /\bwhich (company|business|firm|department|office|outfit|place)\b/,
  /\bwhat (department|office|team|outfit|agency)\b/,
  /\bwho (is it|might you be|did you say|exactly are you|are you (with|from))\b|\bwhom am i\b/,
  /^(and )?(what|which) company\b|\bwhat kind of company\b|\b\w+ who\??$|\b(renewal|account|plan) of what\b|^what (renewal|account|plan)\b/,
  /\bwhat (do|did) you want\b|\bwhat is this( even| all)?( about)?\??$|\bwhat('s| is) (this|the call|this call|it) (even |all )?(about|a bout|regarding|for)\b/,
  /\bwhy (are|were|did|do) you (ringing|calling|phoning|contacting|col ling|calling me)\b/,
  /\bhow('d| did| do|'d you| come) (you )?(get|got|have|find) (my|this|our)\b|\b(where|wear)('d| did) you (get|find)\b/,
  /^is this (the |a |an )?(bank|tax|sales|legit|legitimate|\w+ calling|acme|company|scam call|marketing|survey)\b/,
  /\bare you (from|calling from|the people|a telemarketer|telemarketers|a telemarketers|calling on behalf|with (the|a)|selling)\b|\bwhat are you selling\b/,
  /\bwhat('s| was| is) (your|the) (name|company)\b|\bwhat was your name\b|\bwhat come any\b/,
  /\bwhat account are you\b/,
);

const HOSTILE = any(
  /\b(scam|scams|scammer|scammers|scamming|fraud|fraudsters|crook|crooks|thieves|vultures|rip ?off|ripped (me|us) off|con artists?)\b/,
  /\b(fuck|f off|f\*+|shit|crap|damn|bloody|hell\b|piss|bastard|idiot|idiots|moron|morons|stupid|pathetic|garbage|trash|joke|jerk|screw you|shut up|get lost|go away|get a (real )?job|nerve|worst|useless|disgusting|harass)\w*\b/,
  /\b(report|reporting) you\b|\bbetter business bureau\b/,
  /\b(do not|stop) wast(e|ing) my time\b/,
  /\bwhat is wrong with you\b/,
  /\bunbelievable\b/,
  /\b(bugger|sod|buzz|back|piss|eff|f|clear|shove) off\b/,
  /\b(bite me|kiss my|drop dead|get stuffed|up yours|lose my patience|sick of you)\b/,
  /\b(scum|parasites?|rubbish|disgrace|stole|stealing|fired|cockroach\w*|ashamed|pests?|sue|make me sick|shut your mouth|zip it|con|robbery|liars?|lied|lowlife|low life|cheek|get a life|rack off|f yourself|shove it|stick (it|your)|nothing better to do|sleep at night|tired of bothering|bothering people|vultures?|leeches?|skammers?|crocks|hel|get loss|pist off|bloodsuckers?|rip off|ripoff)\b/,
  /\bbunch of\b.*\b(liars|clowns|crooks)\b/,
);

const REPEAT = any(
  /\b(can|could|would|will) you (please )?(say|repeat)\b/,
  /\b(say|repeat) (that|it|what you said) (again|one more time|slower)\b/,
  /^(please )?repeat\b/,
  /\b(can|could|would) you repeat\b/,
  /^(sorry |wait |excuse me )?(what|huh|pardon|come again|say what|excuse me|sorry|what was that)\??( sorry)?$/,
  /\b(didn't|did not|do not|don't|couldn't|could not|can't|cannot) (catch|hear|understand) (that|you|what)\b/,
  /\bi (missed|lost) (that|you|the)\b/,
  /\b(you|it) (broke up|cut out|are breaking up|were breaking up|froze)\b/,
  /\bwhat (did|was) (you|that)( say| saying| said| last part| again)?\b/,
  /\bwhat were you saying\b/,
  /\bone more time\b|\bcome again\b|\bsay again\b/,
  /\b(speak|talk) (up|louder|slower)\b|\bslow down\b/,
  /\bcannot hear you\b|\bcan't hear you\b|\bsay that slower\b/,
  /\bgo back\b.*\bmissed\b/,
  /^(i beg your )?pardon\b/,
  /\b(was|got) distracted\b|\bdid not (hear|get) (that|you|the)\b/,
);

const TIME_WORDS =
  /\b(any ?time|any (night|evening|weekday|day|morning|afternoon)|weekdays?|weekends?|(after|before|around|by) (\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|lunch|work|dinner|school|the kids)|the \w+(teenth|tieth)|(fif|six|seven|eigh|nine|thir|four) ?teenth|new year|next weak|tomorrow|tonight|today|this (morning|afternoon|evening|week)|next (week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|morning|afternoon|evening|noon|lunch ?time|after lunch|midday|in (a|an|one|two|three|\d+|a few|a couple( of)?) (minutes?|hours?|days?|weeks?)|in half an hour|at \d|at (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|\d ?(am|pm|a m|p m)\b|\d:\d\d|o'clock|on the \d|the \d+(st|nd|rd|th)|first thing|end of the week|early next)\b/;
const CALLBACK = any(
  /\b(call|ring|phone|try|reach|catch|contact|give) (me |us |him |her )?(a call |a ring |a buzz )?(back|again|later|another time|some other time)\b/,
  /\b(call|ring|try|catch|reach) (me|us) (on|at|in|around|after|before|tomorrow|next|later|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/,
  /\b(not|is not|isn't) (a )?(good|great|convenient) time\b|\bbad time\b/,
  /\b(can|could) we (do|talk about) (this|it) (another|some other|a different) time\b/,
  /\banother time\b|\bsome other time\b/,
  /\b(busy|driving|in a meeting|at work|with a (client|customer|patient)|about to|in the middle of|on my way|sitting down to|just finishing)\b.*\b(call|try|ring|later|back|tomorrow|minutes|hour)\b/,
  /\b(cannot|can't|can not) (really )?(talk|speak|chat|do this)\b/,
  /\bcall (be|me|us)? ?back\b|\banother day\b|\bgive (me|us) a (bell|ring|buzz|call|tinkle)\b|\bgive it an? (hour|day|minute|few)\b/,
  /\b(swamped|snowed under|flat out|slammed|up to my eyes|in the middle of)\b/,
  /^(not )?(right )?now is not good\b|^not right now$|\bnot right now\b.*\b(later|back|try)\b/,
  /\b(try|call) me\b.*\b(later|tomorrow|next|morning|afternoon|evening)\b/,
  /\bcall (me |us )?(then|back then|on|after|before|around)\b/,
  /\b(rather|prefer|better) (to )?(go over|talk|discuss|do|deal with|chat)\b.*\b(later|tomorrow|next|when|on|after|another)\b/,
);
const NOW_NOT = /^(no )?not (right )?now\b/;
// Yeses that start like a no.
const AFFIRM_FIRST = /^(no problem|no worries|not a problem|why not|i do not see why not|no that's fine|no that is fine|no go ahead)\b/;
// Wanting it, said so plainly enough to outrank a question form ("how do we get started?").
const STRONG_BUY =
  /\b(where do i sign|what('s| is) the next step|next steps?|sold me|you had me at|keep (us|me) on|lock (in|it in)|(upgrade|renew) (my|our) (account|plan)|i('m| am) up for it|put it through|sign (me|us) up|get (it |that |us |me )?started|set (that|it|me|us) up|i'll have the|i will have the|want to (buy|by|get|go with) the|very much so|sounds (brilliant|great|good|perfect|fantastic|excellent|awesome|lovely))\b/;
// Not wanting it: a buying verb negated ("I don't want to renew", "we've decided not to renew").
const NEGATED_BUY =
  /\b(not|never|no longer) (want to |going to |gonna |planning to |be |bother |need to )?(renew|renewing|upgrade|upgrading|buy|continue|continuing|sign|keep|needing|need|bother)\b|\bdecided not to\b|\bsay no to\b|\bno \w+ for (us|me)\b|\b(cannot|can not|can't) afford\b|\b(do not|don't) see the (value|point)\b/;

const PRICE = any(
  /\bhow much\b(?! (time|longer|left|is left|storage|space|data))/,
  /\b(price|prices|pricing|priced|cost|costs|costing|fee|fees|discount|discounts|expensive|cheap|cheaper|cheapest|afford|affordable|rate|rates|promotion|promotions|deal on|price match|quote|charge|charges|charged|tax)\b/,
  /\bwhat (would|will|do|does) (i|we|it) (be )?(pay|paying|run|cost)\b/,
  /\bwhat does it run\b|\bgive me a number\b/,
);
// Paying by card or invoice is a question about payment methods, not about the price.
const PAYMENT_METHOD = /\b(card|credit card|debit card|invoice|bank transfer|paypal|check|cheque|direct debit|pay (some )?other way|payment methods?|ways to pay|how (can|do) i pay)\b/;

const QUESTION_START =
  /^(and |so |ok |okay |well |wait |but |also |oh |hey |sorry )*(what|what's|how|how's|when|when's|where|where's|which|why|who|whose|is|are|am|can|could|do|does|did|will|would|should|if|any|have|has)\b/;
const UNSURE = /\b(do not know|not sure|no idea|maybe|it depends|depends|let me think|hold on|hang on|one sec)\b/;

// "No, I'm not interested" is one negation said twice: a bare no/nope starts the answer, it does not negate.
const NEGATORS = new Set(["not", "never", "without", "hardly", "neither", "nor"]);

/** Negations in the few words before index `at`; an even count cancels out ("not not interested"). */
function negated(words: string[], at: number): boolean {
  let count = 0;
  for (let i = Math.max(0, at - 4); i < at; i++) if (NEGATORS.has(words[i]!)) count++;
  return count % 2 === 1;
}

const INTEREST_WORDS = /^(interested|intrigued|keen|curious)$/;
const POSITIVE_BUY =
  /\b(sign (me|us) up|sign up|renew|renewing|exactly what (we|i)|just what (we|i)|what (we|i) (have been|were|are|am) looking for|upgrade|upgrading|i'll take it|let's do it|let's go|lets go|let us do it|count me in|i'm in$|i am in$|put me down|set (it|that) up|get (that|it) started|go with|switch to|add|want the|want to keep|keep (it|my|the)|tell me more|hear more|more (info|information|details)|sounds (good|great|interesting|like a good)|that would be great|love to|send me the|sounds like what|what i need|good timing|a good deal|how do i sign up|i want it|i'll do it|i will take|we will take|i'd like|i would like|we'd like|we would like)\b/;
const NEGATIVE_BUY =
  /\b(sorted|stick with what|disappointed|getting cut|let it (run out|laps|lapse|expire|go)|run its course|(go|going|gone|went) with (a ?nother|another|someone else|a competitor|a different|the other)|in house|consolidat\w+|downsiz\w+|no longer need|not today thanks|not worth|not in the market|no use for|no interest|not my thing|not our thing|not a fit|not a good fit|i'll pass|pass on|pass$|^pass|happy with (what|our|the)|all set|not for (me|us)|no thanks|no thank you|do not need|don't need|not need|not something we need|not looking|let it lapse|won't be renewing|will not be renewing|not renewing|not going to (renew|upgrade)|not going to bother|not bother|switched|went with|go in a different direction|different direction|cutting back|closing|rather not|keep the offer|fine as (we|i) (are|am)|fine with what|barely use|do not use it|not worth|no need|already have|not at this time|not (really )?for us|we are good|we're good|i'm good|not right for)\b/;

const AFFIRM =
  /^(yes|yeah|yea|yep|yup|ya|sure|ok|okay|alright|all right|right|correct|absolutely|definitely|of course|certainly|uh huh|mm hmm|go ahead|go for it|speaking|it is|that is|that's|fine|shoot|indeed|exactly|true|i do|i am|i can|i have|i did)\b/;
const AFFIRM_ANY =
  /\b(spot on|too right|affirmative|i believe so|sounds (right|correct|about right)|i('d| would) say so|very well|yass+|sir tenly|okey doke|go on|we do( yeah)?|you bet|i guess (so|i can|that's fine)|i suppose( so| that's| i can)|spare a (few |couple )?(minutes|minute|moments|moment|sec|second)|i can talk|i've got (a|some) time|that's true|fair enough|that's me|this is (he|she|him|her)|speaking|i have a (minute|sec|second|moment)|got a (sec|second|minute|moment)|couple (of )?minutes|go ahead|go for it|that's (right|correct|fine)|that is correct|i do not mind|i don't mind|no problem|sure|shoot|that's fine|still (good|the right|correct))\b/;
const DENY =
  /^(no|nope|nah|nuh uh|not really|negative|not that i|i do not think|i don't think|not yet|no sorry|no i|no that|no it|no we|no not)\b/;
const DENY_ANY = /\b((do not|don't) believe so|sadly no|(have|got) to say no|^(nuh|na|nah)$|(i|we) (have|do|did|am|are|was|were) not( no)?$|that's (incorrect|wrong|not it)|that is (incorrect|wrong)|not (exactly|quite|really)|that's not (right|correct|true)|that is not (right|correct)|not that i (know|recall|remember)|i do not remember|i don't remember|i never|we never|no it's not|it is not|i would not say that|not on the)\b/;

// Words that open an answer without changing it: "well, yeah", "honestly no".
const OPENERS = /^((well|so|oh|okay|ok|honestly|look|listen|actually|i mean|hmm) )+(?=\w)/;

export function classifyIntent(text: string, context: Context): RuleMatch {
  const t = text.trim().replace(OPENERS, "");
  if (!t) return { intent: "unknown", confidence: 0.2 };
  const words = t.split(" ");

  if (OPT_OUT(t)) return { intent: "opt_out", confidence: 0.95 };
  // "Hell yes, sign me up", "I'm retired, but yes, renew it": a clear yes to the offer outranks the words around it.
  if ((STRONG_BUY.test(t) || /\b(yes|yeah|yep)\b.*\b(renew|sign me up|upgrade) (it|me|us)\b/.test(t)) && !NEGATED_BUY.test(t) && !/^(no|nope|nah)\b/.test(t)) {
    return { intent: "interested", confidence: 0.85 };
  }
  if (WRONG_PERSON(t) && !NOT_A_NAME.test(t)) return { intent: "wrong_person", confidence: 0.9 };
  if (ROBOT(t) && /\b(you|this|is|am i|someone|somebody|talking)\b/.test(t)) return { intent: "is_this_a_robot", confidence: 0.9 };
  if (WHO(t)) return { intent: "who_is_this", confidence: 0.88 };
  if (HOSTILE(t)) return { intent: "hostile", confidence: 0.85 };
  if (REPEAT(t)) return { intent: "repeat", confidence: 0.88 };

  const hasTime = TIME_WORDS.test(t);
  const questionLike = QUESTION_START.test(t) || t.endsWith("?");
  if (NEGATED_BUY.test(t)) return { intent: "not_interested", confidence: 0.85 };
  const timeOffered = context === "time" || /\b(works|work for me|would be better|is better|is good|is fine|better|good for me|maybe|how about|what about|instead)\b/.test(t) || (words.length <= 5 && !questionLike);
  if (CALLBACK(t) || (hasTime && timeOffered) || (NOW_NOT.test(t) && context !== "yes_no")) {
    return { intent: "callback_request", confidence: hasTime ? 0.92 : 0.8 };
  }

  // Asked when to call back, an answer that is not a no or a question about us is a time.
  if (context === "time" && !questionLike && !/^(no|nope|nah|never)\b/.test(t) && !NEGATIVE_BUY.test(t)) return { intent: "callback_request", confidence: 0.75 };
  if (UNSURE.test(t) && !STRONG_BUY.test(t)) return { intent: "unknown", confidence: 0.5 };
  if (STRONG_BUY.test(t) && !/^(no|nope|nah)\b/.test(t)) return { intent: "interested", confidence: 0.82 };
  if (PRICE(t) && !PAYMENT_METHOD.test(t)) return { intent: "price_question", confidence: questionLike ? 0.9 : 0.75 };

  // Interest, with negation counted.
  const interestAt = words.findIndex((w) => INTEREST_WORDS.test(w));
  if (interestAt >= 0) {
    return negated(words, interestAt) ? { intent: "not_interested", confidence: 0.9 } : { intent: "interested", confidence: 0.88 };
  }
  // "I don't want it" / "I don't not want it": wanting, with negation counted.
  const wantAt = words.findIndex((w) => w === "want" || w === "need");
  if (wantAt >= 0 && /^(it|that|this|one|any of (it|that)|them|the \w+)$/.test(words.slice(wantAt + 1).join(" ")) ) {
    return negated(words, wantAt) ? { intent: "not_interested", confidence: 0.85 } : { intent: "interested", confidence: 0.82 };
  }
  if (NEGATIVE_BUY.test(t)) return { intent: "not_interested", confidence: 0.82 };
  if (questionLike && !/^(how do i sign up|can we get that started|what you just described)/.test(t)) return { intent: "question", confidence: 0.7 };
  if (POSITIVE_BUY.test(t) && !/^(no|nope|nah)\b/.test(t)) return { intent: "interested", confidence: 0.8 };

  if (UNSURE.test(t)) return { intent: "unknown", confidence: 0.5 };
  // "I wouldn't say no", "that's not wrong": a negated no is a yes.
  if (/\b(not|never) (say|saying) no\b|\bnot wrong\b|\bnot saying no\b/.test(t)) return { intent: "affirm", confidence: 0.75 };
  if (/^no no\b.*\b(fine|go ahead|okay|ok|sure)\b/.test(t)) return { intent: "affirm", confidence: 0.75 };
  if (AFFIRM_FIRST.test(t)) return { intent: "affirm", confidence: 0.8 };
  if (DENY.test(t) || DENY_ANY.test(t)) return { intent: "deny", confidence: words.length <= 3 ? 0.9 : 0.78 };
  if (AFFIRM.test(t) || AFFIRM_ANY.test(t)) return { intent: "affirm", confidence: words.length <= 3 ? 0.9 : 0.78 };
  return { intent: "unknown", confidence: 0.4 };
}
