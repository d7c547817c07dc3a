// safetensors (anvil/io/safetensors.h): every accepted file must serialize and parse back to the
// same tensors and metadata.
#include <cstddef>
#include <cstdint>

#include "anvil/core/error.h"
#include "anvil/io/safetensors.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  anvil::io::SafetensorsFile file;
  try {
    file = anvil::io::parse_safetensors(anvil::fuzz::as_view(data, size), "fuzz.safetensors");
  } catch (const anvil::Error&) {
    return 0;
  }
  std::string bytes;
  try {
    bytes = anvil::io::serialize_safetensors(file.tensors, file.metadata);
  } catch (const anvil::Error&) {
    return 0;  // the writer may refuse what the reader accepts (e.g. reserved names)
  }
  const auto again = anvil::io::parse_safetensors(bytes, "round-trip");  // must not throw
  if (again.tensors.size() != file.tensors.size() || again.metadata != file.metadata)
    __builtin_trap();
  for (const auto& t : file.tensors) {
    const auto* u = again.find(t.name);
    if (!u || u->dtype != t.dtype || u->shape != t.shape || u->bytes != t.bytes) __builtin_trap();
  }
  return 0;
}
