// TwiML as the carrier simulator reads it: the verbs the app may send (Say, Play, Pause, Gather with
// speech, Dial with Number or Client, Hangup, Redirect, Reject) with Twilio's documented defaults
// (twilio.com/docs/voice/twiml). Anything else fails the call, as Twilio's debugger reports it:
// 12100 for a document that does not parse, 12200 for a verb, noun or attribute value it does not
// accept. URLs are returned as written; the simulator resolves them against the document's URL.
import { XMLParser } from "fast-xml-parser";

export type SpokenVerb =
  | { verb: "Say"; text: string; loop: number }
  | { verb: "Play"; url: string; loop: number }
  | { verb: "Pause"; seconds: number };

export type DialTarget = { kind: "number" | "client"; value: string; url: string | null };

export type Verb =
  | SpokenVerb
  | {
      verb: "Gather";
      input: ("speech" | "dtmf")[];
      action: string | null;
      method: "GET" | "POST";
      timeout: number;
      speechTimeout: "auto" | number;
      hints: string[];
      actionOnEmptyResult: boolean;
      language: string;
      children: SpokenVerb[];
    }
  | { verb: "Dial"; action: string | null; method: "GET" | "POST"; callerId: string | null; timeout: number; timeLimit: number | null; targets: DialTarget[] }
  | { verb: "Hangup" }
  | { verb: "Redirect"; url: string; method: "GET" | "POST" }
  | { verb: "Reject"; reason: "rejected" | "busy" };

export class TwimlError extends Error {
  constructor(
    readonly code: 12100 | 12200,
    message: string,
  ) {
    super(message);
    this.name = "TwimlError";
  }
}

type Node = Record<string, unknown> & { ":@"?: Record<string, string> };

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", preserveOrder: true, parseTagValue: false, trimValues: true });

const nameOf = (node: Node) => Object.keys(node).find((k) => k !== ":@")!;
const childrenOf = (node: Node) => (node[nameOf(node)] as Node[]) ?? [];
const textOf = (node: Node) =>
  childrenOf(node)
    .filter((c) => "#text" in c)
    .map((c) => String(c["#text"]))
    .join("")
    .trim();

function number(attrs: Record<string, string>, name: string, fallback: number, { min = 0, max = Infinity } = {}): number {
  const raw = attrs[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new TwimlError(12200, `Invalid ${name}="${raw}"`);
  return value;
}

function method(attrs: Record<string, string>): "GET" | "POST" {
  const raw = (attrs.method ?? "POST").toUpperCase();
  if (raw !== "GET" && raw !== "POST") throw new TwimlError(12200, `Invalid method="${attrs.method}"`);
  return raw;
}

function spoken(node: Node, name: string): SpokenVerb {
  const attrs = node[":@"] ?? {};
  switch (name) {
    case "Say": {
      const text = textOf(node);
      if (!text) throw new TwimlError(12200, "<Say> needs text");
      return { verb: "Say", text, loop: number(attrs, "loop", 1, { min: 0, max: 1000 }) };
    }
    case "Play": {
      const url = textOf(node);
      if (!url) throw new TwimlError(12200, "<Play> needs a URL");
      return { verb: "Play", url, loop: number(attrs, "loop", 1, { min: 0, max: 1000 }) };
    }
    default:
      return { verb: "Pause", seconds: number(attrs, "length", 1, { min: 0, max: 600 }) };
  }
}

function verb(node: Node): Verb {
  const name = nameOf(node);
  const attrs = node[":@"] ?? {};
  switch (name) {
    case "Say":
    case "Play":
    case "Pause":
      return spoken(node, name);
    case "Gather": {
      const input = (attrs.input ?? "dtmf").split(/\s+/).filter(Boolean);
      if (!input.every((i) => i === "speech" || i === "dtmf")) throw new TwimlError(12200, `Invalid input="${attrs.input}"`);
      const children = childrenOf(node).map((child) => {
        const childName = nameOf(child);
        if (childName !== "Say" && childName !== "Play" && childName !== "Pause") throw new TwimlError(12200, `<${childName}> is not allowed in <Gather>`);
        return spoken(child, childName);
      });
      const timeout = number(attrs, "timeout", 5, { min: 1, max: 600 });
      const speechTimeout = attrs.speechTimeout === undefined || attrs.speechTimeout === "auto" ? "auto" : number(attrs, "speechTimeout", timeout, { min: 0, max: 600 });
      return {
        verb: "Gather",
        input: input as ("speech" | "dtmf")[],
        action: attrs.action ?? null,
        method: method(attrs),
        timeout,
        speechTimeout,
        hints: (attrs.hints ?? "").split(",").map((h) => h.trim()).filter(Boolean),
        actionOnEmptyResult: attrs.actionOnEmptyResult === "true",
        language: attrs.language ?? "en-US",
        children,
      };
    }
    case "Dial": {
      const targets: DialTarget[] = childrenOf(node).flatMap((child): DialTarget[] => {
        if ("#text" in child) return [{ kind: "number", value: String(child["#text"]).trim(), url: null }];
        const childName = nameOf(child);
        const childAttrs = child[":@"] ?? {};
        if (childName === "Number") return [{ kind: "number", value: textOf(child), url: childAttrs.url ?? null }];
        if (childName === "Client") return [{ kind: "client", value: textOf(child), url: childAttrs.url ?? null }];
        throw new TwimlError(12200, `<${childName}> is not supported in <Dial>`);
      });
      if (!targets.length || targets.some((t) => !t.value)) throw new TwimlError(12200, "<Dial> needs a number or a client");
      return {
        verb: "Dial",
        action: attrs.action ?? null,
        method: method(attrs),
        callerId: attrs.callerId ?? null,
        timeout: number(attrs, "timeout", 30, { min: 5, max: 600 }),
        timeLimit: attrs.timeLimit === undefined ? null : number(attrs, "timeLimit", 14_400, { min: 1, max: 86_400 }),
        targets,
      };
    }
    case "Hangup":
      return { verb: "Hangup" };
    case "Redirect": {
      const url = textOf(node);
      if (!url) throw new TwimlError(12200, "<Redirect> needs a URL");
      return { verb: "Redirect", url, method: method(attrs) };
    }
    case "Reject":
      return { verb: "Reject", reason: attrs.reason === "busy" ? "busy" : "rejected" };
    default:
      throw new TwimlError(12200, `Unsupported verb <${name}>`);
  }
}

export function parseTwiml(xml: string): Verb[] {
  let document: Node[];
  try {
    document = parser.parse(xml, true) as Node[];
  } catch (error) {
    throw new TwimlError(12100, `Document parse failure: ${error instanceof Error ? error.message : String(error)}`);
  }
  const root = document.filter((node) => nameOf(node) !== "?xml");
  if (root.length !== 1 || nameOf(root[0]!) !== "Response") throw new TwimlError(12100, "The document's root must be <Response>");
  return childrenOf(root[0]!)
    .filter((node) => !("#text" in node))
    .map(verb);
}
