// The models one server offers: a base language model (anvil/HF folder or GGUF file) and any
// number of LoRA adapters on it. Every adapter is its own module tree whose base weights are
// the base model's tensors (shared, not copied), so N adapters cost N adapters' memory, not N
// models'. Ids are the folder or file names, or NAME for an adapter given as NAME=DIR; "auto" is
// reserved for routing.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "anvil/interop/language_model_loader.h"
#include "anvil/models/llama.h"
#include "anvil/pipeline/answer_calibration.h"
#include "anvil/serve/chat_prompt.h"
#include "anvil/tokenize/bpe_tokenizer.h"

namespace anvil::serve {

struct ServedModel {
  std::string id;
  std::string path;
  models::LlamaForCausalLM model{nullptr};
  // From the folder's answer_calibration.json (written when the model was trained and
  // evaluated): its answers are served with a calibrated confidence. None for a GGUF file.
  std::optional<pipeline::AnswerCalibration> calibration;
};

class ModelSet {
 public:
  // Loads `base` and each adapter (DIR or NAME=DIR) (adapter_config.json +
  // adapter_model.safetensors, for a model of the base's shape) onto `device`. Errors name the
  // path.
  ModelSet(const std::string& base, const std::vector<std::string>& adapters,
           const std::string& device = "cpu");

  // nullptr if no model has this id.
  ServedModel* find(const std::string& id);
  std::vector<std::string> ids() const;
  const std::vector<std::unique_ptr<ServedModel>>& models() const { return models_; }
  const tokenize::BpeTokenizer& tokenizer() const { return tokenizer_; }
  ChatFormat chat_format() const { return format_; }
  int64_t context_length() const;
  int64_t pad_id() const { return pad_id_; }

 private:
  ModelSet(interop::LanguageModel lm, const std::string& base,
           const std::vector<std::string>& adapters, const std::string& device);
  std::vector<std::unique_ptr<ServedModel>> models_;  // the base first
  tokenize::BpeTokenizer tokenizer_;
  ChatFormat format_ = ChatFormat::kAnvil;
  int64_t pad_id_ = 0;
};

// A name for a path: its last component without a .gguf extension ("runs/x/model/" -> "model").
std::string model_id_of(const std::string& path);

}  // namespace anvil::serve
