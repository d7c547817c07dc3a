// `anvil export hf`: a Hugging Face model folder (model.safetensors or shards + index,
// config.json, generation_config.json, tokenizer.json, tokenizer_config.json) plus a model card.
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/models/llama_io.h"
#include "anvil/pipeline/lora_io.h"
#include "anvil/pipeline/model_card.h"
#include "commands.h"

namespace anvil::cli {
namespace {

void export_hf(const std::string& model_dir, const std::string& out, int64_t shard_bytes,
               const std::string& command) {
  if (!file_exists(model_dir + "/config.json") && !file_exists(model_dir + "/adapter_config.json"))
    throw usage_error("--model " + model_dir +
                      ": not a language model folder (no config.json or adapter_config.json); " +
                      "`anvil export hf` exports model.type=llama models");
  if (std::filesystem::exists(out) && !std::filesystem::is_empty(out))
    throw usage_error("output folder '" + out + "' exists and is not empty");
  auto model = pipeline::load_model_with_adapters(model_dir);
  model->merge_lora();
  // Write everything into a temporary sibling, then rename: no half-written export.
  const std::string tmp = out + ".tmp-export";
  std::filesystem::remove_all(tmp);
  models::LlamaSaveOptions so;
  so.shard_bytes = shard_bytes;
  models::save_llama(model, tmp, so);
  const auto& c = model->config();
  nlohmann::json gen = {{"_from_model_config", true}};
  if (c.bos_token_id >= 0) gen["bos_token_id"] = c.bos_token_id;
  if (c.eos_token_id >= 0) gen["eos_token_id"] = c.eos_token_id;
  if (c.pad_token_id >= 0) gen["pad_token_id"] = c.pad_token_id;
  write_file_atomic(tmp + "/generation_config.json", gen.dump(2) + "\n");
  if (file_exists(model_dir + "/tokenizer.json")) {
    write_file_atomic(tmp + "/tokenizer.json", read_file(model_dir + "/tokenizer.json"));
    nlohmann::json tc = {{"tokenizer_class", "PreTrainedTokenizerFast"},
                         {"eos_token", "<|endoftext|>"},
                         {"pad_token", "<|pad|>"},
                         {"model_max_length", c.max_position_embeddings}};
    write_file_atomic(tmp + "/tokenizer_config.json", tc.dump(2) + "\n");
  }
  pipeline::ModelCardInfo card;
  card.title = std::filesystem::path(out).filename().string();
  card.architecture = c.architecture + ", " + std::to_string(c.num_hidden_layers) +
                      " layers, hidden " + std::to_string(c.hidden_size) + ", " +
                      std::to_string(c.num_attention_heads) + " heads / " +
                      std::to_string(c.num_key_value_heads) + " key-value heads, vocab " +
                      std::to_string(c.vocab_size);
  card.parameters = c.parameter_count();
  const std::string run_dir = std::filesystem::path(model_dir).parent_path().string();
  if (file_exists(run_dir + "/config.yaml")) {
    Config rc = Config::from_defaults();
    try {
      rc.merge_file(run_dir + "/config.yaml");
      card.config_hash = rc.hash();
      card.training_data = rc.get_string("lm.data").empty()
                               ? "specialists " + rc.get_string("lm.specialists")
                               : rc.get_string("lm.data");
    } catch (const Error&) {
      // A config from another version: leave the card's training fields unknown.
    }
  }
  if (file_exists(run_dir + "/eval.json")) {
    for (const auto& s : nlohmann::json::parse(read_file(run_dir + "/eval.json")))
      card.metrics["field accuracy, " + s["specialist"].get<std::string>()] =
          std::to_string(100 * s["field_accuracy"].get<double>()).substr(0, 5) + "%";
  }
  card.intended_use =
      "Structured extraction and classification for the specialists it was trained on, "
      "answering with the JSON fields each specialist defines.";
  card.limitations =
      "A small model trained on synthetic data: expect errors when copying long strings "
      "and numbers, and on inputs unlike the generated documents. Validate outputs.";
  card.command = command;
  write_file_atomic(tmp + "/README.md", pipeline::render_model_card(card));
  std::filesystem::remove_all(out);
  std::filesystem::rename(tmp, out);
}

}  // namespace

void register_export(CLI::App& app, Context&) {
  auto* cmd = app.add_subcommand("export", "Export a trained model to other formats");
  cmd->require_subcommand(1);
  auto* hf = cmd->add_subcommand(
      "hf", "Hugging Face model folder (safetensors, config, tokenizer, model card)");
  struct Args {
    std::string model = "runs/latest/model";
    std::string output;
    int64_t shard_mb = 2000;
  };
  auto a = std::make_shared<Args>();
  hf->add_option("--model", a->model, "model folder (full model or LoRA adapter, merged on export)")
      ->capture_default_str();
  hf->add_option("-o,--output", a->output, "output folder")->required();
  hf->add_option("--shard-mb", a->shard_mb, "shard size above which weights are split")
      ->capture_default_str();
  hf->callback([a, hf] {
    export_hf(a->model, a->output, a->shard_mb * 1000000,
              "anvil export hf --model " + a->model + " -o " + a->output + " --shard-mb " +
                  std::to_string(a->shard_mb));
    std::printf("exported %s to %s\n", a->model.c_str(), a->output.c_str());
    (void)hf;
  });
}

}  // namespace anvil::cli
