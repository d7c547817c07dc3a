// Load generator for `anvil serve`: N chat requests, C in flight at once, through OpenAI's Node
// client (streaming, so time to first token is measured too). Prints one JSON line.
// usage: node load.mjs NPM_DIR BASE_URL MODEL REQUESTS CONCURRENCY MAX_TOKENS PROMPTS.json
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [npmDir, baseURL, model, nReq, conc, maxTokens, promptsPath] = process.argv.slice(2);
const entry = path.join(npmDir, "node_modules", "openai", "index.mjs");
const { default: OpenAI } = await import(pathToFileURL(entry).href);
const client = new OpenAI({ baseURL, apiKey: "none", maxRetries: 0, timeout: 600000 });
const prompts = JSON.parse(fs.readFileSync(promptsPath, "utf8"));

const latencies = [];
const firsts = [];
let tokens = 0;
let next = 0;
async function worker() {
  while (next < Number(nReq)) {
    const i = next++;
    const t0 = performance.now();
    let first = 0;
    const stream = await client.chat.completions.create({
      model, max_tokens: Number(maxTokens), temperature: 0, stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: "user", content: prompts[i % prompts.length] }] });
    for await (const chunk of stream) {
      if (!first && chunk.choices[0]?.delta?.content) first = performance.now() - t0;
      if (chunk.usage) tokens += chunk.usage.completion_tokens;
    }
    latencies.push(performance.now() - t0);
    firsts.push(first);
  }
}
const start = performance.now();
await Promise.all(Array.from({ length: Number(conc) }, worker));
const seconds = (performance.now() - start) / 1000;
const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
console.log(JSON.stringify({
  requests: latencies.length, concurrency: Number(conc), seconds,
  requests_per_s: latencies.length / seconds, tokens, tokens_per_s: tokens / seconds,
  latency_p50_ms: pct(latencies, 0.5), latency_p95_ms: pct(latencies, 0.95),
  first_token_p50_ms: pct(firsts, 0.5) }));
