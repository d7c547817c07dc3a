// Hugging Face model folder export.
#include "anvil/interop/hf_export.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/interop/export_source.h"
#include "anvil/models/llama_io.h"

namespace anvil::interop {

void export_hf(const HfExportOptions& o) {
  const std::string& out = o.output_dir;
  if (std::filesystem::exists(out) && !std::filesystem::is_empty(out))
    throw usage_error("output folder '" + out + "' exists and is not empty");
  auto model = load_language_model_for_export(o.model_dir);
  const std::string tmp = out + ".tmp-export";
  std::filesystem::remove_all(tmp);
  models::LlamaSaveOptions so;
  so.shard_bytes = o.shard_bytes;
  models::save_llama(model, tmp, so);
  const auto& c = model->config();
  nlohmann::json gen = {{"_from_model_config", true}};
  if (c.bos_token_id >= 0) gen["bos_token_id"] = c.bos_token_id;
  if (c.eos_token_id >= 0) gen["eos_token_id"] = c.eos_token_id;
  if (c.pad_token_id >= 0) gen["pad_token_id"] = c.pad_token_id;
  write_file_atomic(tmp + "/generation_config.json", gen.dump(2) + "\n");
  if (file_exists(o.model_dir + "/tokenizer.json")) {
    write_file_atomic(tmp + "/tokenizer.json", read_file(o.model_dir + "/tokenizer.json"));
    nlohmann::json tc = {{"tokenizer_class", "PreTrainedTokenizerFast"},
                         {"eos_token", "<|endoftext|>"},
                         {"pad_token", "<|pad|>"},
                         {"model_max_length", c.max_position_embeddings}};
    write_file_atomic(tmp + "/tokenizer_config.json", tc.dump(2) + "\n");
  }
  const auto card = describe_language_model(
      model, o.model_dir, std::filesystem::path(out).filename().string(), o.command);
  write_file_atomic(tmp + "/README.md", interop::render_model_card(card));
  std::filesystem::remove_all(out);
  std::filesystem::rename(tmp, out);
}

}  // namespace anvil::interop
