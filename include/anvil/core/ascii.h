// ASCII case mapping that does not depend on the C locale: generated data and parsed names must be
// the same bytes on every machine, and bytes outside 'A'..'Z' / 'a'..'z' (UTF-8 included) are
// left as they are.
#pragma once

#include <string>
#include <string_view>

namespace anvil {

constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
constexpr char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }

inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

inline std::string ascii_upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_upper(c);
  return out;
}

// `text` with its first byte upper-cased ("hello world" -> "Hello world").
inline std::string capitalized(std::string text) {
  if (!text.empty()) text[0] = ascii_upper(text[0]);
  return text;
}

}  // namespace anvil
