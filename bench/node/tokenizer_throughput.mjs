// Encode throughput of the npm references on the documents anvil's bench wrote (DOCS.json), one
// thread and THREADS worker threads, best of ROUNDS, in MB/s of UTF-8 input.
// usage: node tokenizer_throughput.mjs NPM_DIR DOCS.json [THREADS=2] [ROUNDS=3]
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

function makeEncoder(npmDir, name) {
  const require = createRequire(path.join(npmDir, "node_modules", "_anchor.js"));
  if (name === "tiktoken (gpt2)") {
    const enc = require("tiktoken").get_encoding("gpt2");
    return (t) => enc.encode_ordinary(t).length;
  }
  return (t) => require("gpt-3-encoder").encode(t).length;
}

function encodeAll(encode, docs) {
  let n = 0;
  for (const d of docs) n += encode(d);
  return n;
}

if (!isMainThread) {
  const { npmDir, name, docs } = workerData;
  const encode = makeEncoder(npmDir, name);
  parentPort.on("message", () => parentPort.postMessage(encodeAll(encode, docs)));
  parentPort.postMessage("ready");
} else {
  const [npmDir, docsPath, threadsArg, roundsArg] = process.argv.slice(2);
  const threads = Number(threadsArg || 2), rounds = Number(roundsArg || 3);
  const docs = JSON.parse(fs.readFileSync(docsPath, "utf8"));
  const mb = docs.reduce((s, d) => s + Buffer.byteLength(d, "utf8"), 0) / 1e6;
  for (const name of ["tiktoken (gpt2)", "gpt-3-encoder"]) {
    const encode = makeEncoder(npmDir, name);
    let best1 = 0;
    for (let r = 0; r < rounds; r++) {
      const t0 = process.hrtime.bigint();
      encodeAll(encode, docs);
      best1 = Math.max(best1, mb / (Number(process.hrtime.bigint() - t0) / 1e9));
    }
    // All threads: each worker takes an interleaved share; timed from the moment all are ready.
    const workers = [];
    for (let t = 0; t < threads; t++) {
      const share = docs.filter((_, i) => i % threads === t);
      workers.push(new Worker(new URL(import.meta.url), { workerData: { npmDir, name, docs: share } }));
    }
    await Promise.all(workers.map((w) => new Promise((res) => w.once("message", res))));
    let bestN = 0;
    for (let r = 0; r < rounds; r++) {
      const t0 = process.hrtime.bigint();
      await Promise.all(workers.map((w) => new Promise((res) => { w.once("message", res); w.postMessage("go"); })));
      bestN = Math.max(bestN, mb / (Number(process.hrtime.bigint() - t0) / 1e9));
    }
    workers.forEach((w) => w.terminate());
    console.log(`${name} 1 thread: ${best1.toFixed(2)} MB/s`);
    console.log(`${name} ${threads} threads: ${bestN.toFixed(2)} MB/s`);
  }
}
