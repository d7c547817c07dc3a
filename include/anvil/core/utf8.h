// Strict UTF-8 validation, as Rust's `str::from_utf8` and RFC 3629 define it: no overlong forms, no
// surrogates (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequences. Used by format
// readers that must reject exactly what the reference implementations reject, and report where.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace anvil {

// Returns the byte offset of the first byte that starts an invalid or truncated sequence, or
// std::nullopt if `bytes` is valid UTF-8.
std::optional<size_t> find_invalid_utf8(std::string_view bytes);

inline bool is_valid_utf8(std::string_view bytes) { return !find_invalid_utf8(bytes).has_value(); }

}  // namespace anvil
