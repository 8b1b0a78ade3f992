// Who answers a simulated call. Like Twilio's magic test numbers, the persona is fixed by the number:
// any North American number whose line is 555-01NN (the range reserved for fiction) answers as the
// persona NN in the table below; any other number gets one drawn from a realistic mix, fixed by the
// number's digits. A lead's CSV column `sim_persona` (a persona's name) overrides both. NN past the
// table wraps around (0115 is 0100's persona). The demo seed's leads are 555-0100 … 555-0199, so they
// cover every persona.

export const PERSONA_NAMES = [
  "interested",
  "not_interested",
  "price_then_interested",
  "callback",
  "opt_out",
  "voicemail",
  "busy",
  "no_answer",
  "carrier_failed",
  "wrong_person",
  "silent",
  "hangs_up",
  "hostile",
  "robot_check",
  "curious",
] as const;
export type PersonaName = (typeof PERSONA_NAMES)[number];

export type Pickup = "human" | "machine" | "busy" | "no_answer" | "carrier_failed";

export type Persona = {
  name: PersonaName;
  pickup: Pickup;
  /** Seconds the phone rings before it is answered (or gives up, for no_answer). */
  ringSeconds: number;
  description: string;
};

/** The table, in the order of the 555-01NN test numbers: +1 201 555 0100 is "interested", …0114 "curious". */
export const PERSONAS: Record<PersonaName, Persona> = {
  interested: { name: "interested", pickup: "human", ringSeconds: 6, description: "answers, and says yes to the offer" },
  not_interested: { name: "not_interested", pickup: "human", ringSeconds: 8, description: "answers, and declines politely" },
  price_then_interested: { name: "price_then_interested", pickup: "human", ringSeconds: 5, description: "asks the price first, then says yes" },
  callback: { name: "callback", pickup: "human", ringSeconds: 10, description: "is busy and asks to be called back tomorrow at 3" },
  opt_out: { name: "opt_out", pickup: "human", ringSeconds: 7, description: "asks never to be called again" },
  voicemail: { name: "voicemail", pickup: "machine", ringSeconds: 20, description: "goes to voicemail (a greeting, then the beep)" },
  busy: { name: "busy", pickup: "busy", ringSeconds: 0, description: "the line is busy" },
  no_answer: { name: "no_answer", pickup: "no_answer", ringSeconds: 30, description: "rings out" },
  carrier_failed: { name: "carrier_failed", pickup: "carrier_failed", ringSeconds: 1, description: "the carrier fails the call" },
  wrong_person: { name: "wrong_person", pickup: "human", ringSeconds: 6, description: "says it is the wrong number" },
  silent: { name: "silent", pickup: "human", ringSeconds: 4, description: "answers and never says a word" },
  hangs_up: { name: "hangs_up", pickup: "human", ringSeconds: 5, description: "answers, says one thing and hangs up" },
  hostile: { name: "hostile", pickup: "human", ringSeconds: 3, description: "is rude about being called" },
  robot_check: { name: "robot_check", pickup: "human", ringSeconds: 6, description: "asks whether this is a robot, then says yes to the offer" },
  curious: { name: "curious", pickup: "human", ringSeconds: 9, description: "asks about a free trial, then declines" },
};

/** A realistic mix for numbers outside the test range: weights out of 100. */
const MIX: [PersonaName, number][] = [
  ["interested", 12],
  ["not_interested", 16],
  ["price_then_interested", 6],
  ["callback", 8],
  ["opt_out", 3],
  ["voicemail", 18],
  ["busy", 5],
  ["no_answer", 17],
  ["carrier_failed", 1],
  ["wrong_person", 3],
  ["silent", 2],
  ["hangs_up", 3],
  ["hostile", 2],
  ["robot_check", 2],
  ["curious", 2],
];

function hash(text: string): number {
  // FNV-1a: stable across machines and runs.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function isPersonaName(value: string): value is PersonaName {
  return (PERSONA_NAMES as readonly string[]).includes(value);
}

/** The persona that answers `phone` (E.164), unless the lead names one (`sim_persona`). */
export function personaFor(phone: string, override?: string | null): Persona {
  if (override && isPersonaName(override.trim())) return PERSONAS[override.trim() as PersonaName];
  const test = /^\+1\d{3}55501(\d\d)$/.exec(phone);
  if (test) {
    const index = Number(test[1]) % PERSONA_NAMES.length;
    return PERSONAS[PERSONA_NAMES[index]!];
  }
  let roll = hash(phone) % 100;
  for (const [name, weight] of MIX) {
    if (roll < weight) return PERSONAS[name];
    roll -= weight;
  }
  return PERSONAS.not_interested;
}
