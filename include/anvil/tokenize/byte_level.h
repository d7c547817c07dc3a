// GPT-2's byte-level alphabet (docs/formats.md §3.2): every byte maps to one printable unicode
// char, so any byte string becomes a string of "byte chars" that a BPE vocabulary can spell.
// Shared by the tokenizer.json reader and writer, the encoder and the trainer.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace anvil::tokenize {

// The code point byte `b` maps to: b itself for 0x21-0x7E, 0xA1-0xAC, 0xAE-0xFF; the other 68
// bytes, in increasing order, to U+0100 + n.
uint32_t byte_to_code_point(uint8_t b);
// The byte a code point stands for, or -1 if it is not one of the 256 byte chars.
int byte_from_code_point(uint32_t cp);

// Raw bytes -> their byte-char string (UTF-8), e.g. " the" -> "Ġthe".
std::string bytes_to_byte_chars(std::string_view bytes);
// Byte-char string -> raw bytes; std::nullopt if it is not valid UTF-8 or holds a char outside
// the 256 byte chars.
std::optional<std::string> byte_chars_to_bytes(std::string_view chars);

}  // namespace anvil::tokenize
