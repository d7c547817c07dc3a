// PEFT adapter_config.json (anvil/models/peft_config.h).
#include <cstddef>
#include <cstdint>

#include "anvil/core/error.h"
#include "anvil/models/peft_config.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    anvil::models::parse_peft_adapter_config(anvil::fuzz::as_view(data, size),
                                             "adapter_config.json");
  } catch (const anvil::Error&) {
  }
  return 0;
}
