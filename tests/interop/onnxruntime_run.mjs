// Runs an ONNX file in ONNX Runtime (onnxruntime-node's CPU execution provider, no download) and
// prints its outputs and declared input/output shapes, for tests/interop/onnx_*_test.cpp to
// compare with anvil's own forward pass.
// usage: node onnxruntime_run.mjs NPM_DIR MODEL.onnx FEEDS.json
//   FEEDS.json: {NAME: {"type": "int64" | "bool" | "float32", "dims": [...], "data": [...]}, ...}
//   stdout: {"inputs": [{"name", "shape"}], "outputs": [{"name", "shape"}],
//            "results": {NAME: {"dims": [...], "data": [...]}}}; a symbolic dimension's shape
//            entry is its name, a fixed one its size.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [npmDir, modelPath, feedsPath] = process.argv.slice(2);
const entry = path.join(npmDir, "node_modules", "onnxruntime-node", "dist", "index.js");
const ort = (await import(pathToFileURL(entry).href)).default;

function tensor(spec) {
  switch (spec.type) {
    case "int64":
      return new ort.Tensor("int64", BigInt64Array.from(spec.data, (v) => BigInt(v)), spec.dims);
    case "bool":
      return new ort.Tensor("bool", Uint8Array.from(spec.data, (v) => (v ? 1 : 0)), spec.dims);
    case "float32":
      return new ort.Tensor("float32", Float32Array.from(spec.data), spec.dims);
    default:
      throw new Error(`unsupported feed type ${spec.type}`);
  }
}

const spec = JSON.parse(fs.readFileSync(feedsPath, "utf8"));
const feeds = {};
for (const [name, s] of Object.entries(spec)) feeds[name] = tensor(s);
const session = await ort.InferenceSession.create(modelPath, {
  executionProviders: ["cpu"],
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
});
const out = await session.run(feeds);
const results = {};
for (const [name, t] of Object.entries(out))
  results[name] = { dims: Array.from(t.dims), data: Array.from(t.data, (v) => Number(v)) };
const shapes = (names, metadata) =>
  names.map((name, i) => ({ name, shape: metadata?.[i]?.shape ?? null }));
console.log(
  JSON.stringify({
    inputs: shapes(session.inputNames, session.inputMetadata),
    outputs: shapes(session.outputNames, session.outputMetadata),
    results,
  }),
);
