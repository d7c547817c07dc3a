// A language-model run's model folder, at its end or from a training checkpoint (see
// anvil/pipeline/lm_checkpoint_model.h).
#include "anvil/pipeline/lm_checkpoint_model.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/io/safetensors_format.h"
#include "anvil/models/llama_io.h"
#include "anvil/models/peft_adapter.h"
#include "anvil/pipeline/sft_data.h"
#include "anvil/tokenize/space_variants.h"
#include "anvil/tokenize/tokenizer_json.h"
#include "anvil/train/checkpoint.h"

namespace anvil::pipeline {

void save_lm_model_folder(models::LlamaForCausalLM& model, const tokenize::BpeTokenizer& tok,
                          const LmTrainOptions& o, const std::string& dir, int64_t eos_id,
                          int64_t pad_id) {
  if (o.lora) {
    models::save_peft_adapter(model, o.base_model, o.lora_options, o.lora_targets, dir);
  } else {
    models::save_llama(model, dir);
  }
  tokenize::save_tokenizer_json(tok, dir + "/tokenizer.json");
  write_file_atomic(
      dir + "/generation_config.json",
      nlohmann::json{
          {"eos_token_id", eos_id}, {"pad_token_id", pad_id}, {"max_new_tokens", o.max_new_tokens}}
              .dump(2) +
          "\n");
}

bool is_training_checkpoint(const std::string& path) {
  if (!file_exists(path) || std::filesystem::is_directory(path)) return false;
  // The safetensors header alone (an 8-byte little-endian length, then JSON): a checkpoint may
  // hold gigabytes of weights and optimizer state after it.
  std::ifstream in(path, std::ios::binary);
  unsigned char size_bytes[io::kSafetensorsLengthBytes];
  if (!in.read(reinterpret_cast<char*>(size_bytes), sizeof size_bytes)) return false;
  uint64_t size = 0;
  for (size_t i = sizeof size_bytes; i-- > 0;) size = size << 8 | size_bytes[i];
  if (size == 0 || size > io::kSafetensorsMaxHeaderSize) return false;
  std::string header(size, '\0');
  if (!in.read(header.data(), static_cast<std::streamsize>(size))) return false;
  return header.find("\"" + std::string(io::kSafetensorsMetadataKey) + "\"") != std::string::npos &&
         header.find("\"anvil.checkpoint\"") != std::string::npos;
}

namespace {

// The model as the run built it before its first step: from scratch with the tokenizer's
// vocabulary, or its base with LoRA adapters; shared space rows where the run had them.
models::LlamaForCausalLM build_like_the_run(const LmTrainOptions& o,
                                            const tokenize::BpeTokenizer& tok, int64_t eos_id,
                                            int64_t pad_id) {
  models::LlamaForCausalLM model{nullptr};
  if (!o.base_model.empty()) {
    model = models::load_llama(o.base_model);
  } else {
    models::LlamaConfig cfg = o.model;
    cfg.vocab_size = tok.vocab_size();
    cfg.bos_token_id = eos_id;
    cfg.eos_token_id = eos_id;
    cfg.pad_token_id = pad_id >= 0 ? pad_id : eos_id;
    model = models::LlamaForCausalLM(cfg);
  }
  if (o.share_space_embeddings) {
    std::vector<std::vector<int64_t>> groups;
    for (const auto& p : tokenize::space_variant_pairs(tok)) groups.push_back({p.spaced, p.bare});
    model->share_embedding_rows(groups);
  }
  if (o.lora) model->add_lora(o.lora_options, o.lora_targets);
  if (o.base_dtype != "fp32")
    model->set_frozen_dtype(o.base_dtype == "bf16" ? torch::kBFloat16 : torch::kHalf);
  return model;
}

}  // namespace

CheckpointPosition write_checkpoint_model(const std::string& path, const std::string& dir) {
  const std::filesystem::path run = std::filesystem::path(path).parent_path().parent_path();
  const std::string config_path = (run / "config.yaml").string();
  if (!file_exists(config_path))
    throw usage_error(path + ": no config.yaml in the run folder '" + run.string() +
                      "' (a checkpoint is read with its run's configuration)");
  Config config = Config::from_defaults();
  config.merge_file(config_path);
  if (config.get_string("model.type") != "llama")
    throw usage_error(path + ": a checkpoint of a " + config.get_string("model.type") + " run (" +
                      config_path + "); only a language model's checkpoint is read as a model");
  const LmTrainOptions o = LmTrainOptions::from_config(config);
  const std::string tokenizer_path =
      o.base_model.empty() ? (std::filesystem::path(path).parent_path() / "tokenizer.json").string()
                           : o.base_model + "/tokenizer.json";
  if (!file_exists(tokenizer_path))
    throw usage_error(path + ": no tokenizer at '" + tokenizer_path + "'");
  const tokenize::BpeTokenizer tok = tokenize::load_tokenizer_json(tokenizer_path);
  const int64_t base_eos =
      o.base_model.empty() ? -1 : models::read_llama_config(o.base_model).eos_token_id;
  const int64_t eos_id = sft_eos_id(tok, base_eos), pad_id = tok.token_id(kSftPad);
  if (eos_id < 0) throw Error(tokenizer_path + ": no " + std::string(kSftEos) + " token");
  models::LlamaForCausalLM model = build_like_the_run(o, tok, eos_id, pad_id);
  train::CheckpointParts parts;
  parts.model = model.get();
  parts.rng = false;
  const auto metadata = train::load_checkpoint(path, parts);
  model->fold_shared_embeddings();
  save_lm_model_folder(model, tok, o, dir, eos_id, pad_id);
  CheckpointPosition at;
  const auto engine = metadata.find("anvil.engine");
  if (engine != metadata.end()) {
    const nlohmann::json j = nlohmann::json::parse(engine->second, nullptr, false);
    if (j.is_object()) {
      at.epoch = j.value("epoch", int64_t{0});
      at.step = j.value("iteration", int64_t{0});
    }
  }
  return at;
}

}  // namespace anvil::pipeline
