// Independent reference encodings for anvil's BPE tests and benchmarks.
// usage: node reference_encode.mjs NPM_DIR MODE DOCS.json OUT.json [TOKENIZER.json]
//   MODE: gpt-3-encoder | tiktoken-gpt2 | hf (tokenizer.json via @huggingface/tokenizers)
//   DOCS.json: a JSON array of strings. OUT.json: a JSON array of id arrays, one per document.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const [npmDir, mode, docsPath, outPath, tokenizerPath] = process.argv.slice(2);
const require = createRequire(path.join(npmDir, "node_modules", "_anchor.js"));
const docs = JSON.parse(fs.readFileSync(docsPath, "utf8"));

let encode;
if (mode === "gpt-3-encoder") {
  encode = require("gpt-3-encoder").encode;
} else if (mode === "tiktoken-gpt2") {
  const { get_encoding } = require("tiktoken");
  const enc = get_encoding("gpt2");
  encode = (text) => Array.from(enc.encode_ordinary(text));
} else if (mode === "hf") {
  const { Tokenizer } = await import(
    path.join(npmDir, "node_modules", "@huggingface", "tokenizers", "dist", "tokenizers.mjs"));
  const json = JSON.parse(fs.readFileSync(tokenizerPath, "utf8"));
  const tok = new Tokenizer(json, {});
  encode = (text) => tok.encode(text, { add_special_tokens: false }).ids;
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
const out = docs.map((d) => encode(d));
fs.writeFileSync(outPath, JSON.stringify(out));
