// Talks to a running `anvil serve` with OpenAI's own Node client, as a user's program would, and
// prints what it got back as one JSON object for tests/serve/openai_client_test.cpp.
// usage: node openai_client.mjs NPM_DIR BASE_URL MODEL PROMPT STOP
import path from "node:path";
import { pathToFileURL } from "node:url";

const [npmDir, baseURL, model, prompt, stop] = process.argv.slice(2);
const entry = path.join(npmDir, "node_modules", "openai", "index.mjs");
const { default: OpenAI } = await import(pathToFileURL(entry).href);
const client = new OpenAI({ baseURL, apiKey: "not-needed", maxRetries: 0 });

const out = {};
out.models = (await client.models.list()).data.map((m) => m.id);

const messages = [{ role: "user", content: prompt }];
const chat = await client.chat.completions.create({ model, messages, max_tokens: 24, temperature: 0 });
out.chat = { content: chat.choices[0].message.content, finish: chat.choices[0].finish_reason,
             usage: chat.usage, object: chat.object, confidence: chat.anvil?.confidence ?? null };

// An answer that ends (here at a stop string) carries anvil's calibrated confidence.
const ended = await client.chat.completions.create({ model, messages, max_tokens: 24, temperature: 0, stop });
let streamedConfidence = null;
for await (const chunk of await client.chat.completions.create({
  model, messages, max_tokens: 24, temperature: 0, stop, stream: true })) {
  if (chunk.anvil) streamedConfidence = chunk.anvil.confidence;
}
out.ended = { content: ended.choices[0].message.content, finish: ended.choices[0].finish_reason,
              confidence: ended.anvil?.confidence ?? null, streamed: streamedConfidence };

const stream = await client.chat.completions.create({
  model, messages, max_tokens: 24, temperature: 0, stream: true,
  stream_options: { include_usage: true } });
let text = "";
let chunks = 0;
let finish = null;
let usage = null;
for await (const chunk of stream) {
  chunks += 1;
  if (chunk.usage) usage = chunk.usage;
  const choice = chunk.choices[0];
  if (!choice) continue;
  text += choice.delta?.content ?? "";
  if (choice.finish_reason) finish = choice.finish_reason;
}
out.stream = { content: text, chunks, finish, usage };

const completion = await client.completions.create({ model, prompt, max_tokens: 8, temperature: 0 });
out.completion = { text: completion.choices[0].text, finish: completion.choices[0].finish_reason };

async function error_of(request) {
  try {
    await request();
    return { status: 0 };
  } catch (e) {
    return { status: e.status ?? -1, kind: e.constructor.name, code: e.code ?? null,
             param: e.param ?? null, message: e.message };
  }
}
out.unknown_model = await error_of(() =>
  client.chat.completions.create({ model: "gpt-4o", messages }));
out.bad_temperature = await error_of(() =>
  client.chat.completions.create({ model, messages, temperature: 9 }));
console.log(JSON.stringify(out));
