// Hugging Face tokenizer.json (anvil/tokenize/tokenizer_json.h): a tokenizer that loads must
// encode and decode, and write a tokenizer.json that loads again.
#include <cstddef>
#include <cstdint>

#include "anvil/core/error.h"
#include "anvil/tokenize/tokenizer_json.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = anvil::fuzz::as_view(data, size);
  try {
    const auto tok = anvil::tokenize::parse_tokenizer_json(input, "tokenizer.json");
    const std::string sample = "Hello world! 123 <|endoftext|> caf\xc3\xa9 \xf0\x9f\x98\x80";
    std::vector<int64_t> ids;
    tok.encode_append(sample, ids);
    tok.encode_append(input.substr(0, 256), ids);
    (void)tok.decode(ids);
    const auto again =
        anvil::tokenize::parse_tokenizer_json(anvil::tokenize::to_tokenizer_json(tok), "again");
    if (again.vocab_size() != tok.vocab_size()) __builtin_trap();
  } catch (const anvil::Error&) {
  }
  return 0;
}
