// PEFT LoRA adapter -> llama.cpp adapter GGUF (see gguf_adapter_export.h).
#include "anvil/interop/gguf_adapter_export.h"

#include <torch/torch.h>

#include <cmath>
#include <filesystem>
#include <map>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/interop/gguf_llama_layout.h"
#include "anvil/io/gguf_quant.h"
#include "anvil/io/safetensors.h"
#include "anvil/io/torch_tensors.h"
#include "anvil/models/llama_io.h"
#include "anvil/models/peft_config.h"

namespace anvil::interop {

namespace {

using io::GgufValue;

struct LoraPair {
  torch::Tensor a, b;
};

// "base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight" -> the base matrix's HF name
// and whether it is A; nullopt for anything else.
std::optional<std::pair<std::string, bool>> lora_target(std::string name) {
  const std::string prefix = "base_model.model.";
  if (name.rfind(prefix, 0) == 0) name = name.substr(prefix.size());
  const auto dflt = name.find(".default.");  // PEFT in-memory names carry the adapter name
  if (dflt != std::string::npos) name.erase(dflt, 8);
  for (const auto& [suffix, is_a] : {std::pair<std::string, bool>{".lora_A.weight", true},
                                     {".lora_B.weight", false}}) {
    if (name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      return std::make_pair(name.substr(0, name.size() - suffix.size()) + ".weight", is_a);
  }
  return std::nullopt;
}

io::GgufTensor gguf_tensor(const std::string& name, const torch::Tensor& t, io::GgmlType type) {
  io::GgufTensor out;
  out.name = name;
  out.type = type;
  for (int64_t d = t.dim() - 1; d >= 0; --d) out.dims.push_back(static_cast<uint64_t>(t.size(d)));
  out.bytes = io::gguf_quantize(type, t.data_ptr<float>(), static_cast<size_t>(t.numel()));
  return out;
}

io::GgmlType adapter_type(GgufExportType type) {
  switch (type) {
    case GgufExportType::kF32:
      return io::GgmlType::kF32;
    case GgufExportType::kF16:
      return io::GgmlType::kF16;
    case GgufExportType::kBF16:
      return io::GgmlType::kBF16;
    default:
      throw usage_error("a LoRA adapter GGUF is f32, f16 or bf16, not " +
                        gguf_export_type_name(type) + " (llama.cpp's converter offers the same)")
          .about("type", gguf_export_type_name(type));
  }
}

}  // namespace

GgufAdapterExport lora_adapter_to_gguf(const GgufAdapterExportOptions& o) {
  const io::GgmlType type = adapter_type(o.type);
  const std::string cfg_path = o.adapter_dir + "/adapter_config.json";
  if (!file_exists(cfg_path))
    throw usage_error(o.adapter_dir + ": not a LoRA adapter folder (no adapter_config.json)")
        .about("adapter", o.adapter_dir);
  const auto cfg = models::parse_peft_adapter_config(read_file(cfg_path), cfg_path);
  const std::string base = o.base_dir.empty() ? cfg.base_model : o.base_dir;
  if (base.empty() || !file_exists(base + "/config.json"))
    throw Error(cfg_path + ": the base model folder '" + base +
                "' has no config.json; name the base with --base DIR")
        .about("base", base);
  const models::LlamaConfig c = models::read_llama_config(base);
  const std::string arch = gguf_architecture_for(c.architecture);

  const std::string weights = o.adapter_dir + "/adapter_model.safetensors";
  const auto st = io::read_safetensors(weights);
  std::map<std::string, LoraPair> pairs;  // by GGUF name of the adapted matrix
  for (const auto& t : st.tensors) {
    const auto target = lora_target(t.name);
    if (!target)
      throw Error(weights + ": tensor '" + t.name +
                  "' is not a lora_A / lora_B weight; llama.cpp adapters hold only those");
    const auto gg = gguf_tensor_name(target->first);
    if (!gg)
      throw Error(weights + ": tensor '" + t.name + "' adapts '" + target->first +
                  "', which has no llama.cpp name (embeddings and the LM head cannot be adapted)");
    (target->second ? pairs[*gg].a : pairs[*gg].b) =
        io::to_torch(t).to(torch::kFloat32).contiguous();
  }
  if (pairs.empty()) throw Error(weights + ": no LoRA tensors");

  GgufAdapterExport out;
  out.rank = cfg.r;
  out.alpha = cfg.rslora ? cfg.alpha * std::sqrt(static_cast<double>(cfg.r)) : cfg.alpha;
  io::GgufFile& f = out.file;
  f.set("general.architecture", GgufValue::str(arch));
  f.set("general.type", GgufValue::str("adapter"));
  f.set("general.name", GgufValue::str(std::filesystem::path(o.adapter_dir).filename().string()));
  f.set("adapter.type", GgufValue::str("lora"));
  f.set("adapter.lora.alpha", GgufValue::f32(static_cast<float>(out.alpha)));
  for (const auto& name : gguf_tensor_order(c.num_hidden_layers)) {
    auto it = pairs.find(name);
    if (it == pairs.end()) continue;
    auto [a, b] = it->second;
    if (!a.defined() || !b.defined())
      throw Error(weights + ": '" + name + "' has lora_" + (a.defined() ? "A" : "B") +
                  " but not its partner");
    if (a.dim() != 2 || b.dim() != 2 || a.size(0) != b.size(1) || a.size(0) != cfg.r)
      throw Error(weights + ": '" + name + "' has lora_A " + c10::str(a.sizes()) + " and lora_B " +
                  c10::str(b.sizes()) + "; expected [r, in] and [out, r] with r = " +
                  std::to_string(cfg.r));
    // The base export permutes Q/K rows for llama.cpp's rotary layout; B's rows are those rows.
    const int64_t heads =
        gguf_rope_permute_heads(name, arch, c.num_attention_heads, c.num_key_value_heads);
    if (heads > 0) b = permute_rope_rows(b, heads).contiguous();
    f.tensors.push_back(gguf_tensor(name + ".lora_a", a, type));
    f.tensors.push_back(gguf_tensor(name + ".lora_b", b, type));
    ++out.matrices;
    pairs.erase(it);
  }
  if (!pairs.empty())
    throw Error(weights + ": '" + pairs.begin()->first + "' is not a tensor of the base model (" +
                std::to_string(c.num_hidden_layers) + " layers)");
  return out;
}

GgufAdapterExport export_gguf_adapter(const GgufAdapterExportOptions& o) {
  if (o.output_path.empty())
    throw usage_error("no output file given (output_path)").about("output_path", "FILE.gguf");
  auto out = lora_adapter_to_gguf(o);
  io::write_gguf(o.output_path, out.file);
  return out;
}

}  // namespace anvil::interop
