// GGUF (anvil/io/gguf.h): parse; dequantize every tensor of an accepted file; serialize it and
// parse it back.
#include <cstddef>
#include <cstdint>

#include "anvil/core/error.h"
#include "anvil/io/gguf.h"
#include "anvil/io/gguf_quant.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  anvil::io::GgufFile file;
  try {
    file = anvil::io::parse_gguf(anvil::fuzz::as_view(data, size), "fuzz.gguf");
  } catch (const anvil::Error&) {
    return 0;
  }
  for (const auto& t : file.tensors) {
    const auto values = anvil::io::gguf_dequantize(t.type, t.bytes);  // the reader checked sizes
    if (values.size() != anvil::io::gguf_num_elements(t.dims)) __builtin_trap();
  }
  (void)file.alignment();
  std::string bytes;
  try {
    bytes = anvil::io::serialize_gguf(file);
  } catch (const anvil::Error&) {
    return 0;
  }
  const auto again = anvil::io::parse_gguf(bytes, "round-trip");  // must not throw
  if (again.metadata.size() != file.metadata.size() || again.tensors.size() != file.tensors.size())
    __builtin_trap();
  for (size_t i = 0; i < file.metadata.size(); ++i)
    if (again.metadata[i].key != file.metadata[i].key) __builtin_trap();
  for (size_t i = 0; i < file.tensors.size(); ++i)
    if (again.tensors[i].bytes != file.tensors[i].bytes) __builtin_trap();
  return 0;
}
