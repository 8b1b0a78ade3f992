// A local server that speaks OpenAI's chat-completions protocol, so the real AI SDK path
// (lib/agents/llm/llm-engine.ts: `ai` + `@ai-sdk/openai`) runs in tests and the benchmark: point
// LLM_BASE_URL at `url` (it ends in /v1) and LLM_API_KEY at `apiKey`.
//   POST /v1/chat/completions  JSON {model, messages, tools, tool_choice, …}
//        → {id, object: "chat.completion", choices: [{message: {role, content, tool_calls}, finish_reason}], usage}
// Auth is `Authorization: Bearer <key>` (401 {error: {message, type, code: "invalid_api_key"}} otherwise).
// Each reply comes from the next scripted answer, else from `respond` (default: say what the last
// user message asked about and listen). An answer may delay, fail with a status, or carry raw
// (possibly malformed) tool-call arguments.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type FixtureToolCall = { name: string; arguments: Record<string, unknown> | string };
export type FixtureAnswer = {
  toolCalls?: FixtureToolCall[];
  content?: string;
  delayMs?: number;
  status?: number;
  usage?: { prompt_tokens: number; completion_tokens: number };
};
export type ChatRequest = {
  model: string;
  messages: { role: string; content: unknown }[];
  tools?: { type: string; function: { name: string; parameters: unknown } }[];
  tool_choice?: unknown;
};

export type LlmFixture = {
  url: string;
  apiKey: string;
  requests: ChatRequest[];
  /** Answers for the next requests, in order. */
  script: (...answers: FixtureAnswer[]) => void;
  close: () => Promise<void>;
};

const lastUserText = (request: ChatRequest) => {
  const user = [...request.messages].reverse().find((m) => m.role === "user");
  return typeof user?.content === "string" ? user.content : "";
};

export const echoAnswer = (request: ChatRequest): FixtureAnswer => ({
  toolCalls: [
    { name: "say", arguments: { text: `You said: ${lastUserText(request).slice(0, 200)}. Is there anything else?` } },
    { name: "listen", arguments: {} },
  ],
  usage: { prompt_tokens: 400 + JSON.stringify(request.messages).length / 4, completion_tokens: 30 },
});

export async function startLlmFixture(respond: (request: ChatRequest) => FixtureAnswer = echoAnswer): Promise<LlmFixture> {
  const apiKey = "sk-fixture-key";
  const queue: FixtureAnswer[] = [];
  const requests: ChatRequest[] = [];
  let sequence = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const send = (status: number, body: unknown) => {
        if (res.destroyed) return;
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      };
      if (req.method !== "POST" || !req.url?.startsWith("/v1/chat/completions")) {
        return send(404, { error: { message: `Unknown path ${req.url}`, type: "invalid_request_error", code: "unknown_url" } });
      }
      if (req.headers.authorization !== `Bearer ${apiKey}`) {
        return send(401, { error: { message: "Incorrect API key provided", type: "invalid_request_error", code: "invalid_api_key" } });
      }
      let request: ChatRequest;
      try {
        request = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ChatRequest;
      } catch {
        return send(400, { error: { message: "We could not parse the JSON body of your request.", type: "invalid_request_error", code: null } });
      }
      requests.push(request);
      const answer = queue.shift() ?? respond(request);
      const reply = () => {
        if (answer.status && answer.status >= 400) {
          return send(answer.status, { error: { message: "The server had an error while processing your request.", type: "server_error", code: null } });
        }
        const id = ++sequence;
        const toolCalls = (answer.toolCalls ?? []).map((call, i) => ({
          id: `call_${id}_${i}`,
          type: "function",
          function: { name: call.name, arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments) },
        }));
        const usage = answer.usage ?? { prompt_tokens: 500, completion_tokens: 40 };
        send(200, {
          id: `chatcmpl-fixture-${id}`,
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: request.model,
          choices: [
            {
              index: 0,
              message: { role: "assistant", content: answer.content ?? null, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) },
              finish_reason: toolCalls.length ? "tool_calls" : "stop",
            },
          ],
          usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
        });
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    apiKey,
    requests,
    script: (...answers) => queue.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
