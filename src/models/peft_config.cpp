// adapter_config.json parsing (no LibTorch: fuzzed on its own, bench/fuzz).
#include "anvil/models/peft_config.h"

#include <nlohmann/json.hpp>

#include "anvil/core/error.h"

namespace anvil::models {

PeftAdapterConfig parse_peft_adapter_config(std::string_view json, const std::string& origin) {
  PeftAdapterConfig c;
  try {
    const nlohmann::json cfg = nlohmann::json::parse(json);
    if (!cfg.is_object()) throw Error("expected a JSON object");
    if (cfg.value("peft_type", "") != "LORA") throw Error("peft_type is not LORA");
    if (!cfg.at("r").is_number_integer())  // 3e22 -> int64 would be undefined (found by fuzzing)
      throw Error("r: expected an integer, found " + cfg["r"].dump());
    c.r = cfg["r"].get<int64_t>();
    c.alpha = cfg.at("lora_alpha").get<double>();
    c.dropout = cfg.value("lora_dropout", 0.0);
    c.rslora = cfg.value("use_rslora", false);
    const auto& targets = cfg.at("target_modules");
    if (targets.is_string()) {
      c.target_modules = {targets.get<std::string>()};
    } else {
      c.target_modules = targets.get<std::vector<std::string>>();
    }
    if (cfg.contains("base_model_name_or_path") && !cfg["base_model_name_or_path"].is_null())
      c.base_model = cfg["base_model_name_or_path"].get<std::string>();
  } catch (const nlohmann::json::exception& e) {
    throw Error(origin + ": invalid adapter config: " + e.what());
  } catch (const Error& e) {
    throw e.with_context(origin);
  }
  return c;
}

}  // namespace anvil::models
