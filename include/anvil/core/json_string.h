// JSON string literals written by hand (hot paths: JSONL records, safetensors headers,
// tokenizer.json): `"` and `\\` escaped, \b \f \n \r \t short forms, other control bytes as
// \u00XX in lowercase hex, everything else (UTF-8 included) verbatim — the same bytes serde_json
// writes, which the safetensors and tokenizer.json reference implementations use.
#pragma once

#include <string>
#include <string_view>

namespace anvil {

// Appends `s` as a quoted JSON string to `out`.
void append_json_string(std::string_view s, std::string* out);

}  // namespace anvil
