// Parses a GGUF file with two independent JS readers and prints what they saw as JSON, for
// tests/io/gguf_external_test.cpp to compare with what anvil wrote.
// usage: node gguf_external_read.mjs NPM_DIR FILE.gguf
//   stdout: {"hf": {"metadata": {key: {"type": code, "value": v}}, "tensorInfos": [...],
//                   "tensorDataOffset": n} | {"error": msg},
//            "hyllama": {"metadata": {key: v}, "tensorInfos": [...]} | {"error": msg}}
//   Integers that may not fit a double (u64/i64, bigint) are printed as decimal strings.
import fs from "node:fs";
import path from "node:path";

const [npmDir, file] = process.argv.slice(2);
const modules = path.join(npmDir, "node_modules");

const plain = (v) => {
  if (typeof v === "bigint") return v.toString();
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  return v;
};
const tensorInfo = (t) => ({
  name: t.name,
  shape: t.shape.map((d) => d.toString()),
  type: t.dtype ?? t.type,
  offset: t.offset.toString(),
});

// hyllama builds strings with String.fromCharCode per byte (Latin-1); recover the UTF-8 text.
const latin1ToUtf8 = (v) => {
  if (typeof v === "string") return Buffer.from(v, "latin1").toString("utf8");
  if (Array.isArray(v)) return v.map(latin1ToUtf8);
  return v;
};

const out = {};
try {
  const { gguf } = await import(path.join(modules, "@huggingface", "gguf", "dist", "index.mjs"));
  const r = await gguf(path.resolve(file), { allowLocalFile: true, typedMetadata: true });
  const metadata = {};
  for (const [k, v] of Object.entries(r.typedMetadata)) {
    if (k === "version" || k === "tensor_count" || k === "kv_count") continue;
    metadata[k] = { type: v.type, value: plain(v.value) };
    if (v.subType !== undefined) metadata[k].subType = v.subType;
  }
  out.hf = {
    version: plain(r.metadata.version),
    metadata,
    tensorInfos: r.tensorInfos.map(tensorInfo),
    tensorDataOffset: plain(r.tensorDataOffset),
  };
} catch (e) {
  out.hf = { error: String(e && e.message ? e.message : e) };
}
try {
  const { ggufMetadata } = await import(path.join(modules, "hyllama", "src", "hyllama.js"));
  const buf = fs.readFileSync(file);
  const r = ggufMetadata(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const metadata = {};
  for (const [k, v] of Object.entries(r.metadata)) {
    if (k === "version" || k === "tensorCount") continue;
    metadata[k] = latin1ToUtf8(plain(v));
  }
  const infos = r.tensorInfos.map(tensorInfo).map((t) => ({ ...t, name: latin1ToUtf8(t.name) }));
  out.hyllama = { version: r.metadata.version, metadata, tensorInfos: infos };
} catch (e) {
  out.hyllama = { error: String(e && e.message ? e.message : e) };
}
process.stdout.write(JSON.stringify(out));
