// anvil's own outputs for the external-runtime checks of bench/gpu/check_files.py (Hugging Face
// transformers, PEFT, ONNX Runtime): the inputs and anvil's float32 outputs on them, as JSON, so
// the other runtime can be run elsewhere on exactly the same inputs and compared.
//   dump_reference_outputs lm --model DIR [--batch 2] [--length 24] [--seed 7] -o FILE.json
//       DIR: a model folder or a PEFT adapter folder (its base merged in as anvil loads it).
//       "plain": ids [B, T] without padding -> logits [B, T, V];
//       "padded": a left-padded batch with attention_mask -> logits (the ONNX export's inputs).
//   dump_reference_outputs classifier --model DIR --requests FILE.jsonl -o FILE.json
//       an intent classifier on the requests' "text": its input tensors and every head's logits.
//   dump_reference_outputs qwen2 --like DIR [--seed 11] -o OUT_DIR
//       a Qwen2-architecture model (q/k/v biases, tied embeddings) with random weights and the
//       vocabulary and tokenizer of the model folder DIR.
#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "anvil/models/intent_features.h"
#include "anvil/models/intent_model.h"
#include "anvil/models/llama.h"
#include "anvil/models/llama_io.h"
#include "anvil/models/peft_adapter.h"

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// {"dims": [...], "type": ..., "data": [...]} of a tensor, row-major.
json tensor_json(const torch::Tensor& t) {
  auto c = t.contiguous().cpu();
  json data = json::array();
  std::string type;
  if (c.scalar_type() == torch::kBool) {
    type = "bool";
    for (int64_t i = 0; i < c.numel(); ++i) data.push_back(c.data_ptr<bool>()[i]);
  } else if (c.scalar_type() == torch::kInt64) {
    type = "int64";
    for (int64_t i = 0; i < c.numel(); ++i) data.push_back(c.data_ptr<int64_t>()[i]);
  } else {
    type = "float32";
    c = c.to(torch::kFloat32);
    for (int64_t i = 0; i < c.numel(); ++i)
      data.push_back(static_cast<double>(c.data_ptr<float>()[i]));
  }
  return {{"type", type}, {"dims", c.sizes().vec()}, {"data", data}};
}

void write_json(const std::string& path, const json& j) {
  std::ofstream f(path);
  f << j.dump();
  if (!f) throw std::runtime_error("cannot write " + path);
}

std::map<std::string, std::string> parse_flags(int argc, char** argv, int first) {
  std::map<std::string, std::string> flags;
  for (int i = first; i < argc; ++i) {
    const std::string k = argv[i];
    if (k.rfind("-", 0) != 0 || i + 1 >= argc) throw std::runtime_error("bad argument '" + k + "'");
    flags[k] = argv[++i];
  }
  return flags;
}

std::string need(const std::map<std::string, std::string>& flags, const std::string& key) {
  const auto it = flags.find(key);
  if (it == flags.end()) throw std::runtime_error("missing " + key);
  return it->second;
}

int64_t number(const std::map<std::string, std::string>& flags, const std::string& key,
               int64_t fallback) {
  const auto it = flags.find(key);
  return it == flags.end() ? fallback : std::stoll(it->second);
}

int dump_lm(const std::map<std::string, std::string>& flags) {
  const std::string dir = need(flags, "--model");
  auto model = anvil::models::load_model_with_adapters(dir);
  model->eval();
  const int64_t b = number(flags, "--batch", 2), t = number(flags, "--length", 24);
  const int64_t vocab = model->config().vocab_size;
  torch::manual_seed(static_cast<uint64_t>(number(flags, "--seed", 7)));
  torch::NoGradGuard no_grad;
  json out = {
      {"model", dir}, {"architecture", model->config().architecture}, {"vocab_size", vocab}};

  anvil::models::LlamaInputs plain;
  plain.input_ids = torch::randint(vocab, {b, t}, torch::kInt64);  // [B, T]
  out["plain"] = {{"input_ids", tensor_json(plain.input_ids)},
                  {"logits", tensor_json(model->forward(plain))}};  // [B, T, V]

  // Left padding: row i has t - 3*i real tokens after 3*i padding positions (id 0, mask 0).
  anvil::models::LlamaInputs padded;
  padded.input_ids = torch::randint(vocab, {b, t}, torch::kInt64);
  padded.attention_mask = torch::ones({b, t}, torch::kInt64);
  for (int64_t i = 0; i < b; ++i) {
    const int64_t pad = std::min<int64_t>(3 * i, t - 1);
    padded.attention_mask[i].narrow(0, 0, pad).zero_();
    padded.input_ids[i].narrow(0, 0, pad).fill_(0);
  }
  out["padded"] = {{"input_ids", tensor_json(padded.input_ids)},
                   {"attention_mask", tensor_json(padded.attention_mask)},
                   {"logits", tensor_json(model->forward(padded))}};
  write_json(need(flags, "-o"), out);
  std::printf("lm %s: %s, vocab %lld, logits [%lld, %lld, %lld] -> %s\n", dir.c_str(),
              model->config().architecture.c_str(), static_cast<long long>(vocab),
              static_cast<long long>(b), static_cast<long long>(t), static_cast<long long>(vocab),
              need(flags, "-o").c_str());
  return 0;
}

int dump_classifier(const std::map<std::string, std::string>& flags) {
  const std::string dir = need(flags, "--model");
  auto model = anvil::models::load_intent_model(dir, torch::kCPU);
  model.net->eval();
  std::vector<std::string> texts;
  std::ifstream in(need(flags, "--requests"));
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) texts.push_back(json::parse(line)["text"].get<std::string>());
  if (texts.empty()) throw std::runtime_error("no requests in " + need(flags, "--requests"));
  const auto& c = model.net->config();
  const auto inputs = anvil::models::encode_requests(texts, c.max_length, c.max_numbers);
  torch::NoGradGuard no_grad;
  const auto o = model.net->forward(inputs);
  json feeds = {{"tokens", tensor_json(inputs.tokens)},
                {"number_first", tensor_json(inputs.number_first)},
                {"number_last", tensor_json(inputs.number_last)},
                {"number_mask", tensor_json(inputs.number_mask)}};
  json outputs = {{"intent_logits", tensor_json(o.intent_logits)},
                  {"count_logits", tensor_json(o.count_logits)},
                  {"operand_logits", tensor_json(o.operand_logits)}};
  if (o.sign_logits.defined()) outputs["sign_logits"] = tensor_json(o.sign_logits);
  write_json(
      need(flags, "-o"),
      {{"model", dir}, {"type", c.type}, {"texts", texts}, {"feeds", feeds}, {"outputs", outputs}});
  std::printf("classifier %s (%s): %zu requests -> %s\n", dir.c_str(), c.type.c_str(), texts.size(),
              need(flags, "-o").c_str());
  return 0;
}

int make_qwen2(const std::map<std::string, std::string>& flags) {
  const std::string like = need(flags, "--like"), out = need(flags, "-o");
  const auto base = anvil::models::read_llama_config(like);
  anvil::models::LlamaConfig c;
  c.vocab_size = base.vocab_size;
  c.hidden_size = 64;
  c.intermediate_size = 160;
  c.num_hidden_layers = 2;
  c.num_attention_heads = 4;
  c.num_key_value_heads = 2;
  c.max_position_embeddings = base.max_position_embeddings;
  c.rope_theta = 1000000.0;  // Qwen2's
  c.rms_norm_eps = 1e-6;
  c.tie_word_embeddings = true;
  c.attention_bias = true;
  c.architecture = "Qwen2ForCausalLM";
  c.bos_token_id = base.bos_token_id;
  c.eos_token_id = base.eos_token_id;
  c.pad_token_id = base.pad_token_id;
  torch::manual_seed(static_cast<uint64_t>(number(flags, "--seed", 11)));
  anvil::models::LlamaForCausalLM m(c);
  {
    torch::NoGradGuard no_grad;
    for (auto& p : m->named_parameters()) {
      if (p.key().find("norm") != std::string::npos)
        p.value().normal_(1.0, 0.1);  // RMSNorm gains around 1
      else
        p.value().normal_(0, 0.15);  // biases included: they must matter
    }
  }
  fs::create_directories(out);
  anvil::models::save_llama(m, out);
  fs::copy_file(like + "/tokenizer.json", out + "/tokenizer.json",
                fs::copy_options::overwrite_existing);
  std::printf("qwen2 %s: vocab %lld, %lld parameters\n", out.c_str(),
              static_cast<long long>(c.vocab_size), static_cast<long long>(c.parameter_count()));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc < 2) throw std::runtime_error("usage: dump_reference_outputs lm|classifier|qwen2 ...");
    torch::set_num_threads(1);  // reproducible float sums
    const std::string what = argv[1];
    const auto flags = parse_flags(argc, argv, 2);
    if (what == "lm") return dump_lm(flags);
    if (what == "classifier") return dump_classifier(flags);
    if (what == "qwen2") return make_qwen2(flags);
    throw std::runtime_error("unknown mode '" + what + "'");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dump_reference_outputs: %s\n", e.what());
    return 1;
  }
}
