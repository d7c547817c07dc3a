// Runs a GGUF file in llama.cpp (node-llama-cpp's prebuilt CPU binaries, no download) and prints
// what it does with each case, for tests/interop/gguf_runtime_test.cpp to compare with anvil.
// usage: node llama_cpp_greedy.mjs NPM_DIR MODEL.gguf CASES.json [LORA_ADAPTER.gguf]
//   CASES.json: [{"prompt": text, "prompt_ids": [...], "n": tokens to generate}, ...]
//   stdout: [{"tokenized": llama.cpp's ids for prompt, "generated": n greedy ids after prompt_ids}]
// Greedy = temperature 0, no repeat penalty; generation starts from anvil's prompt ids so that it
// checks the model alone, and end-of-generation tokens are yielded like any other token.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [npmDir, modelPath, casesPath, loraPath] = process.argv.slice(2);
const entry = path.join(npmDir, "node_modules", "node-llama-cpp", "dist", "index.js");
const { getLlama } = await import(pathToFileURL(entry).href);

const cases = JSON.parse(fs.readFileSync(casesPath, "utf8"));
const llama = await getLlama({ build: "never", gpu: false, logLevel: "error", progressLogs: false });
const model = await llama.loadModel({ modelPath });
const context = await model.createContext({
  contextSize: 512, batchSize: 512, threads: 1,
  ...(loraPath ? { lora: { adapters: [{ filePath: loraPath, scale: 1 }] } } : {}) });
const sequence = context.getSequence();
const results = [];
for (const c of cases) {
  await sequence.clearHistory();
  const generated = [];
  if (c.n > 0) {
    for await (const t of sequence.evaluate(c.prompt_ids, { temperature: 0, yieldEogToken: true })) {
      generated.push(t);
      if (generated.length >= c.n) break;
    }
  }
  results.push({ tokenized: Array.from(model.tokenize(c.prompt)), generated });
}
console.log(JSON.stringify(results));
await context.dispose();
await model.dispose();
await llama.dispose();
