// Unicode normalization for tokenizer.json's `normalizer` (Qwen2's tokenizers run NFC on the text
// between added tokens before pre-tokenization). Backed by ICU.
#pragma once

#include <string>
#include <string_view>

namespace anvil::tokenize {

enum class Normalizer {
  kNone,  // tokenizer.json "normalizer": null
  kNfc,   // {"type": "NFC"}: canonical decomposition, then canonical composition
};

// `text` in Unicode Normalization Form C. Bytes that are not valid UTF-8 are copied unchanged
// (the valid runs between them are normalized), so any byte string can be encoded. Returns false
// and leaves `out` untouched when `text` is already in NFC (the common case; ASCII always is).
bool nfc_normalize(std::string_view text, std::string& out);

}  // namespace anvil::tokenize
