// Loading a language model for export and describing it in a model card.
#include "anvil/interop/export_source.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/datagen/specialist.h"
#include "anvil/models/peft_adapter.h"

namespace anvil::interop {
namespace {

// "specialists a, b, copy_repeat (6 shares; auxiliary skill)" from lm.specialists
// ("a,b,copy_repeat*6"): what a reader of the card needs, not the config's syntax. A list this
// version cannot read (a specialist it does not know) is shown as written.
std::string describe_specialist_mix(const std::string& names) {
  std::vector<datagen::WeightedSpecialist> mix;
  try {
    mix = datagen::select_weighted_specialists(names);
  } catch (const Error&) {
    return "specialists " + names;
  }
  std::string out = "specialists ";
  for (size_t i = 0; i < mix.size(); ++i) {
    const auto& [spec, weight] = mix[i];
    out += (i ? ", " : "") + spec->name;
    std::string notes;
    if (weight > 1) notes = std::to_string(weight) + " shares";
    if (spec->auxiliary) notes += std::string(notes.empty() ? "" : "; ") + "auxiliary skill";
    if (!notes.empty()) out += " (" + notes + ")";
  }
  return out;
}

// Whether an evaluated specialist is a task the model is for (not an auxiliary training skill).
bool is_task(const std::string& name) {
  const auto* spec = datagen::find_specialist(name);
  return spec == nullptr || !spec->auxiliary;
}

}  // namespace

models::LlamaForCausalLM load_language_model_for_export(const std::string& model_dir) {
  if (!file_exists(model_dir + "/config.json") && !file_exists(model_dir + "/adapter_config.json"))
    throw usage_error("model folder " + model_dir +
                      ": not a language model folder (no config.json or adapter_config.json); " +
                      "this export takes model.type=llama models")
        .about("model_path", model_dir);
  auto model = models::load_model_with_adapters(model_dir);
  model->merge_lora();
  model->eval();
  return model;
}

interop::ModelCardInfo describe_language_model(const models::LlamaForCausalLM& model,
                                               const std::string& model_dir,
                                               const std::string& title,
                                               const std::string& command) {
  const auto& c = model->config();
  interop::ModelCardInfo card;
  card.title = title;
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
                               ? describe_specialist_mix(rc.get_string("lm.specialists"))
                               : rc.get_string("lm.data");
    } catch (const Error&) {
      // A config from another version: leave the card's training fields unknown.
    }
  }
  if (file_exists(run_dir + "/eval.json")) {
    for (const auto& s : nlohmann::json::parse(read_file(run_dir + "/eval.json")))
      if (is_task(s["specialist"].get<std::string>()))
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
  return card;
}

std::string model_card_path_for(const std::string& output_file) {
  std::filesystem::path p(output_file);
  return (p.parent_path() / (p.stem().string() + ".README.md")).string();
}

}  // namespace anvil::interop
