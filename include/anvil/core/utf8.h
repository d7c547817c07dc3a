// Strict UTF-8 validation, as Rust's `str::from_utf8` and RFC 3629 define it: no overlong forms, no
// surrogates (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequences. Used by format
// readers that must reject exactly what the reference implementations reject, and report where.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace anvil {

// Returns the byte offset of the first byte that starts an invalid or truncated sequence, or
// std::nullopt if `bytes` is valid UTF-8.
std::optional<size_t> find_invalid_utf8(std::string_view bytes);

inline bool is_valid_utf8(std::string_view bytes) { return !find_invalid_utf8(bytes).has_value(); }

// `text` with the decimal digits of every script (Unicode 14 category Nd: Arabic-Indic "٣",
// Devanagari "३", fullwidth "３", ...) replaced by ASCII '0'..'9' and U+2212 MINUS SIGN by '-', so
// "factorial of ٣" reads as "factorial of 3". Other characters, and bytes that are not valid
// UTF-8, are copied unchanged. Sets *changed (if given) when anything was replaced.
std::string normalize_digits(std::string_view text, bool* changed = nullptr);

}  // namespace anvil
