// llama.cpp's single-stream decoding speed on a GGUF file (node-llama-cpp's prebuilt CPU build):
// the prompt's ids are evaluated, then `n` tokens are generated greedily; the decode rate counts
// the tokens after the first (which comes with the prompt), as bench/lm_decode does.
// usage: node llama_cpp_decode.mjs NPM_DIR MODEL.gguf IDS.json N THREADS
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [npmDir, modelPath, idsPath, nArg, threadsArg] = process.argv.slice(2);
const entry = path.join(npmDir, "node_modules", "node-llama-cpp", "dist", "index.js");
const { getLlama } = await import(pathToFileURL(entry).href);
const ids = JSON.parse(fs.readFileSync(idsPath, "utf8"));
const n = Number(nArg), threads = Number(threadsArg);
const llama = await getLlama({ build: "never", gpu: false, logLevel: "error", progressLogs: false });
const model = await llama.loadModel({ modelPath });
const context = await model.createContext({ contextSize: 1024, batchSize: 512, threads });
const sequence = context.getSequence();
let count = 0, first = 0;
const t0 = performance.now();
for await (const t of sequence.evaluate(ids, { temperature: 0, yieldEogToken: true })) {
  if (count === 0) first = performance.now();
  if (++count >= n) break;
}
const end = performance.now();
console.log(`llama.cpp decode threads=${threads} prompt=${ids.length} new=${count}: prefill ` +
            `${(first - t0).toFixed(1)} ms, decode tokens/s=${((count - 1) / ((end - first) / 1000)).toFixed(1)}`);
await context.dispose();
await model.dispose();
await llama.dispose();
