// Hugging Face config.json of a Llama/Qwen2 model (anvil/models/llama_config.h), parsed the way
// llama_io.cpp reads it; an accepted config must count its parameters and write itself back.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "anvil/core/error.h"
#include "anvil/models/llama_config.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto json = nlohmann::json::parse(anvil::fuzz::as_view(data, size), nullptr, false);
  if (json.is_discarded()) return 0;
  try {
    const auto config = anvil::models::LlamaConfig::from_hf_json(json, "config.json");
    (void)config.parameter_count();
    const auto again = anvil::models::LlamaConfig::from_hf_json(config.to_hf_json(), "round-trip");
    if (again.parameter_count() != config.parameter_count()) __builtin_trap();
  } catch (const anvil::Error&) {
  }
  return 0;
}
