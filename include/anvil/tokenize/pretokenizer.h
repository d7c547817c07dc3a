// RegexSplitter: pre-tokenization, splitting text into pieces with a PCRE2 pattern compiled with
// JIT (Unicode properties on). Matches become pieces and so do the gaps between them, so the
// pieces always cover the input exactly; bytes that are not valid UTF-8 never match and end up in
// gap pieces, which is what makes byte-exact round trips possible for any input.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace anvil::tokenize {

// GPT-2's pattern (encoder.py, HF ByteLevel with use_regex), docs/formats.md §3.3.
inline constexpr const char* kGpt2Pattern =
    R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";
// cl100k / Llama-3's pattern, as written in Llama-3's tokenizer.json.
inline constexpr const char* kCl100kPattern =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

// Qwen2's pattern: cl100k's, but every digit is a piece of its own (numbers are copied and
// compared digit by digit, which small models learn far more easily than multi-digit tokens).
inline constexpr const char* kQwen2Pattern =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

// "gpt2" -> kGpt2Pattern, "cl100k" (or "llama3") -> kCl100kPattern, "qwen2" -> kQwen2Pattern;
// throws a usage error naming the choices.
std::string pattern_by_name(const std::string& name);
// The inverse for the three built-in patterns ("gpt2", "cl100k", "qwen2"); "" for any other.
std::string pattern_name(const std::string& pattern);

class RegexSplitter {
 public:
  // Compiles `pattern`; throws anvil::Error with the PCRE2 message and the offset in the pattern.
  explicit RegexSplitter(std::string pattern);
  ~RegexSplitter();
  RegexSplitter(const RegexSplitter&) = delete;
  RegexSplitter& operator=(const RegexSplitter&) = delete;

  // Per-thread match state. One per thread; reuse it across calls to avoid allocations.
  class Scratch {
   public:
    explicit Scratch(const RegexSplitter& splitter);
    ~Scratch();
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

   private:
    friend class RegexSplitter;
    void* match_data_;
  };

  // Replaces `pieces` with the pieces of `text` (views into it), in order; they concatenate to
  // `text` exactly. Empty text gives no pieces.
  void split(std::string_view text, Scratch& scratch, std::vector<std::string_view>& pieces) const;
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  void* code_;  // pcre2_code_8
};

}  // namespace anvil::tokenize
