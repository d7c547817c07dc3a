// GPT-2's encoder.json + vocab.bpe (anvil/tokenize/tokenizer_json.h parse_gpt2_files). The input
// is "<encoder.json>\n=====\n<vocab.bpe>".
#include <cstddef>
#include <cstdint>

#include "anvil/core/error.h"
#include "anvil/tokenize/tokenizer_json.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = anvil::fuzz::as_view(data, size);
  const size_t sep = input.find("\n=====\n");
  const std::string_view encoder = input.substr(0, sep);
  const std::string_view merges =
      sep == std::string_view::npos ? std::string_view() : input.substr(sep + 7);
  try {
    const auto tok =
        anvil::tokenize::parse_gpt2_files(encoder, merges, "encoder.json", "vocab.bpe");
    std::vector<int64_t> ids;
    tok.encode_append("Hello world! <|endoftext|> 42", ids);
    (void)tok.decode(ids);
  } catch (const anvil::Error&) {
  }
  return 0;
}
