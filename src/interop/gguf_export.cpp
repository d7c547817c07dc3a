// Llama/Qwen2 model -> GGUF file (metadata as convert_hf_to_gguf.py writes it, types as
// llama-quantize picks them).
#include "anvil/interop/gguf_export.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/interop/chat_template.h"
#include "anvil/interop/export_source.h"
#include "anvil/interop/gguf_llama_layout.h"
#include "anvil/io/gguf_quant.h"
#include "anvil/tokenize/chat_format.h"
#include "anvil/tokenize/tokenizer_json.h"

namespace anvil::interop {
namespace {

using io::GgmlType;
using io::GgufValue;
using io::GgufValueType;

// llama_token_type values (llama.cpp's LLAMA_TOKEN_TYPE_*).
constexpr int32_t kTokenNormal = 1;
constexpr int32_t kTokenControl = 3;
constexpr int32_t kTokenUnused = 5;

struct TypeName {
  GgufExportType type;
  const char* name;
  uint32_t file_type;  // llama_ftype
  GgmlType main;       // what most matrices are stored as
};
constexpr TypeName kTypes[] = {
    {GgufExportType::kF32, "f32", 0, GgmlType::kF32},
    {GgufExportType::kF16, "f16", 1, GgmlType::kF16},
    {GgufExportType::kBF16, "bf16", 32, GgmlType::kBF16},
    {GgufExportType::kQ8_0, "q8_0", 7, GgmlType::kQ8_0},
    {GgufExportType::kQ4_0, "q4_0", 2, GgmlType::kQ4_0},
    {GgufExportType::kQ4_K_M, "q4_k_m", 15, GgmlType::kQ4_K},
};

GgmlType main_type(GgufExportType type) {
  for (const auto& t : kTypes)
    if (t.type == type) return t.main;
  return GgmlType::kF32;
}

uint64_t block_of(GgmlType t) { return io::ggml_type_info(t).block_size; }

// The type for one 2-D weight under a single-type export (everything but q4_k_m).
GgufTensorPlan plan_single(const std::string& name, uint64_t ne0, GgufExportType type,
                           bool is_output) {
  GgufTensorPlan p{name, GgmlType::kF32, ""};
  switch (type) {
    case GgufExportType::kF32:
      p.type = GgmlType::kF32;
      break;
    case GgufExportType::kF16:
      p.type = GgmlType::kF16;
      break;
    case GgufExportType::kBF16:
      p.type = GgmlType::kBF16;
      break;
    case GgufExportType::kQ8_0:
      p.type = GgmlType::kQ8_0;
      break;
    case GgufExportType::kQ4_0:
      p.type = GgmlType::kQ4_0;
      if (is_output) {
        p.type = ne0 % io::kQK_K == 0 ? GgmlType::kQ6_K : GgmlType::kQ8_0;
        p.reason = "output matrix: llama-quantize keeps it at q6_K (q8_0 when ne0 % 256 != 0)";
      }
      break;
    case GgufExportType::kQ4_K_M:
      break;  // planned by choose_q4_k_m_types
  }
  if (ne0 % block_of(p.type) != 0) {
    p.reason = "ne0 = " + std::to_string(ne0) + " is not a multiple of " +
               std::string(io::ggml_type_name(p.type)) + "'s block of " +
               std::to_string(block_of(p.type)) + "; stored as f16";
    p.type = GgmlType::kF16;
  }
  return p;
}

struct SourceTensor {
  std::string gguf_name;
  torch::Tensor data;  // float32, CPU, contiguous, HF layout (already permuted for llama)
};

// The model's tensors in llama.cpp's file order: token_embd, blk.0.*, blk.1.*, ...,
// output_norm, output.
std::vector<SourceTensor> collect_tensors(const models::LlamaForCausalLM& model,
                                          const std::string& arch) {
  const auto& c = model->config();
  std::map<std::string, torch::Tensor> by_name;
  for (const auto& p : model->named_parameters()) {
    auto gg = gguf_tensor_name(p.key());
    if (!gg) continue;
    by_name[*gg] = p.value();
  }
  if (c.tie_word_embeddings) by_name.erase("output.weight");
  std::vector<SourceTensor> out;
  torch::NoGradGuard no_grad;
  for (const auto& name : gguf_tensor_order(c.num_hidden_layers)) {
    auto it = by_name.find(name);
    if (it == by_name.end()) continue;
    auto t = it->second.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    if (!torch::isfinite(t).all().item<bool>())
      throw Error("tensor " + name + " holds NaN or infinite values; refusing to export it");
    const int64_t heads =
        gguf_rope_permute_heads(name, arch, c.num_attention_heads, c.num_key_value_heads);
    if (heads > 0) t = permute_rope_rows(t, heads);
    out.push_back({name, t});
  }
  return out;
}

std::vector<uint64_t> ggml_dims(const torch::Tensor& t) {
  std::vector<uint64_t> dims;
  for (int64_t d = t.dim() - 1; d >= 0; --d) dims.push_back(static_cast<uint64_t>(t.size(d)));
  return dims;
}

void add_tokenizer(io::GgufFile& f, const tokenize::BpeTokenizer& tok, int64_t model_vocab,
                   const models::LlamaConfig& c) {
  const int64_t n = tok.vocab_size();
  if (n > model_vocab)
    throw Error("the tokenizer has " + std::to_string(n) + " tokens but the model only " +
                std::to_string(model_vocab) + " embedding rows");
  const std::string pre = gguf_pre_tokenizer_for(tok.config().pattern);
  std::vector<std::string> tokens;
  std::vector<int32_t> types;
  tokens.reserve(model_vocab);
  for (int64_t i = 0; i < n; ++i) {
    tokens.push_back(tok.token(i));
    types.push_back(kTokenNormal);
  }
  for (const auto& a : tok.added_tokens())
    if (a.id >= 0 && a.id < n) types[a.id] = a.special ? kTokenControl : kTokenNormal;
  // A model with more embedding rows than tokens (padded vocabularies): unused filler tokens,
  // as llama.cpp's converter writes them.
  for (int64_t i = n; i < model_vocab; ++i) {
    tokens.push_back("[PAD" + std::to_string(i) + "]");
    types.push_back(kTokenUnused);
  }
  std::vector<std::string> merges;
  merges.reserve(tok.merges().size());
  for (const auto& [l, r] : tok.merges()) merges.push_back(tok.token(l) + " " + tok.token(r));
  f.set("tokenizer.ggml.model", GgufValue::str("gpt2"));
  f.set("tokenizer.ggml.pre", GgufValue::str(pre));
  f.set("tokenizer.ggml.tokens", GgufValue::string_array(tokens));
  f.set("tokenizer.ggml.token_type", GgufValue::i32_array(types));
  f.set("tokenizer.ggml.merges", GgufValue::string_array(merges));
  if (c.bos_token_id >= 0)
    f.set("tokenizer.ggml.bos_token_id", GgufValue::u32(static_cast<uint32_t>(c.bos_token_id)));
  if (c.eos_token_id >= 0)
    f.set("tokenizer.ggml.eos_token_id", GgufValue::u32(static_cast<uint32_t>(c.eos_token_id)));
  if (c.pad_token_id >= 0)
    f.set("tokenizer.ggml.padding_token_id", GgufValue::u32(static_cast<uint32_t>(c.pad_token_id)));
  // anvil's models are trained without a BOS token in front of the prompt.
  f.set("tokenizer.ggml.add_bos_token", GgufValue::boolean(false));
  f.set("tokenizer.ggml.add_eos_token", GgufValue::boolean(false));
}

uint32_t u32_field(int64_t v, const char* what) {
  if (v < 0 || v > int64_t{0xFFFFFFFF})
    throw Error(std::string(what) + " = " + std::to_string(v) + " does not fit GGUF's u32");
  return static_cast<uint32_t>(v);
}

}  // namespace

double overall_relative_rms_error(const std::vector<GgufTensorPlan>& plan) {
  // Per tensor rel = |e| / |x|; the overall error weights each tensor's squared relative error
  // by its size (tensors of one model have similar scales).
  double sum = 0;
  int64_t n = 0;
  for (const auto& p : plan) {
    sum += p.relative_rms_error * p.relative_rms_error * static_cast<double>(p.elements);
    n += p.elements;
  }
  return n > 0 ? std::sqrt(sum / static_cast<double>(n)) : 0;
}

GgufExportType parse_gguf_export_type(const std::string& name) {
  for (const auto& t : kTypes)
    if (name == t.name) return t.type;
  throw usage_error("unknown GGUF type '" + name +
                    "' (choose f32, f16, bf16, q8_0, q4_0 or q4_k_m)");
}

std::string gguf_export_type_name(GgufExportType type) {
  for (const auto& t : kTypes)
    if (t.type == type) return t.name;
  return "?";
}

uint32_t gguf_file_type(GgufExportType type) {
  for (const auto& t : kTypes)
    if (t.type == type) return t.file_type;
  return 0;
}

GgufConversion llama_to_gguf(const models::LlamaForCausalLM& model,
                             const tokenize::BpeTokenizer& tokenizer, GgufExportType type,
                             const std::string& name) {
  const auto& c = model->config();
  c.validate();
  const std::string arch = gguf_architecture_for(c.architecture);
  GgufConversion conv;
  auto& f = conv.file;
  f.set("general.architecture", GgufValue::str(arch));
  f.set("general.type", GgufValue::str("model"));
  f.set("general.name", GgufValue::str(name));
  f.set("general.file_type", GgufValue::u32(gguf_file_type(type)));
  f.set(std::string(io::kGgufQuantizationVersionKey), GgufValue::u32(io::kGgufQuantizationVersion));
  const std::string p = arch + ".";
  f.set(p + "vocab_size", GgufValue::u32(u32_field(c.vocab_size, "vocab_size")));
  f.set(p + "context_length",
        GgufValue::u32(u32_field(c.max_position_embeddings, "max_position_embeddings")));
  f.set(p + "embedding_length", GgufValue::u32(u32_field(c.hidden_size, "hidden_size")));
  f.set(p + "block_count", GgufValue::u32(u32_field(c.num_hidden_layers, "num_hidden_layers")));
  f.set(p + "feed_forward_length",
        GgufValue::u32(u32_field(c.intermediate_size, "intermediate_size")));
  f.set(p + "attention.head_count",
        GgufValue::u32(u32_field(c.num_attention_heads, "num_attention_heads")));
  f.set(p + "attention.head_count_kv",
        GgufValue::u32(u32_field(c.num_key_value_heads, "num_key_value_heads")));
  f.set(p + "attention.layer_norm_rms_epsilon", GgufValue::f32(static_cast<float>(c.rms_norm_eps)));
  f.set(p + "rope.freq_base", GgufValue::f32(static_cast<float>(c.rope_theta)));
  f.set(p + "rope.dimension_count", GgufValue::u32(u32_field(c.head_dim(), "head_dim")));
  add_tokenizer(f, tokenizer, c.vocab_size, c);

  auto tensors = collect_tensors(model, arch);
  std::vector<io::GgufTensorShape> shapes;
  for (const auto& t : tensors) shapes.push_back({t.gguf_name, ggml_dims(t.data)});
  std::vector<io::GgufTypeChoice> mix;
  if (type == GgufExportType::kQ4_K_M) mix = io::choose_q4_k_m_types(shapes);
  const bool has_output = std::any_of(tensors.begin(), tensors.end(), [](const SourceTensor& t) {
    return t.gguf_name == "output.weight";
  });
  for (size_t i = 0; i < tensors.size(); ++i) {
    const auto& t = tensors[i];
    const auto& dims = shapes[i].dims;
    GgufTensorPlan plan{t.gguf_name, GgmlType::kF32, ""};
    if (t.data.dim() < 2) {
      plan.reason = "1-D tensor: kept f32 as llama.cpp does";
    } else if (type == GgufExportType::kQ4_K_M) {
      plan.type = mix[i].type;
      plan.reason = mix[i].reason;
    } else {
      const bool is_output =
          t.gguf_name == "output.weight" || (!has_output && t.gguf_name == "token_embd.weight");
      plan = plan_single(t.gguf_name, dims[0], type, is_output);
    }
    io::GgufTensor out;
    out.name = t.gguf_name;
    out.type = plan.type;
    out.dims = dims;
    out.bytes =
        io::gguf_quantize(plan.type, t.data.data_ptr<float>(), static_cast<size_t>(t.data.numel()));
    plan.elements = t.data.numel();
    // A fallback: a matrix not stored as the export asks. For q4_k_m, the Q6_K/F32 choices of the
    // mix itself are not fallbacks; only the block-size ones are.
    plan.fallback =
        t.data.dim() >= 2 &&
        (type == GgufExportType::kQ4_K_M ? plan.reason.find("not divisible") != std::string::npos
                                         : plan.type != main_type(type));
    if (plan.type != GgmlType::kF32) {
      const auto back = io::gguf_dequantize(plan.type, out.bytes);
      const float* x = t.data.data_ptr<float>();
      double err = 0, norm = 0;
      for (size_t k = 0; k < back.size(); ++k) {
        err += (double(back[k]) - x[k]) * (double(back[k]) - x[k]);
        norm += double(x[k]) * x[k];
      }
      plan.relative_rms_error = norm > 0 ? std::sqrt(err / norm) : 0;
    }
    f.tensors.push_back(std::move(out));
    conv.plan.push_back(std::move(plan));
  }
  return conv;
}

std::vector<GgufTensorPlan> export_gguf(const GgufExportOptions& o) {
  if (o.output_path.empty())
    throw usage_error("no output file given (output_path)").about("output_path", "FILE.gguf");
  if (std::filesystem::is_directory(o.output_path))
    throw usage_error("output path " + o.output_path +
                      " is a folder; give a file name ending in .gguf")
        .about("output_path", "FILE.gguf");
  auto model = load_language_model_for_export(o.model_dir);
  const std::string tok_path = o.model_dir + "/tokenizer.json";
  if (!file_exists(tok_path))
    throw usage_error("model folder " + o.model_dir +
                      ": no tokenizer.json; a GGUF file must carry the tokenizer")
        .about("model_path", o.model_dir);
  auto tok = tokenize::load_tokenizer_json(tok_path);
  const std::string title = std::filesystem::path(o.output_path).stem().string();
  auto conv = llama_to_gguf(model, tok, o.type, title);
  // The model's own Jinja template (tokenizer_config.json), else the one of its chat format.
  const auto own = read_chat_template(o.model_dir);
  conv.file.set("tokenizer.chat_template",
                io::GgufValue::str(own ? *own
                                       : jinja_chat_template(tokenize::detect_chat_format(tok))));
  io::write_gguf(o.output_path, conv.file);
  auto card = describe_language_model(model, o.model_dir, title, o.command);
  card.architecture += "; GGUF " + gguf_export_type_name(o.type);
  write_file_atomic(model_card_path_for(o.output_path), interop::render_model_card(card));
  return conv.plan;
}

}  // namespace anvil::interop
