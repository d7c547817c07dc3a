// RegexSplitter: PCRE2 (8-bit, UTF + UCP + MATCH_INVALID_UTF) with JIT.
#define PCRE2_CODE_UNIT_WIDTH 8
#include "anvil/tokenize/pretokenizer.h"

#include <pcre2.h>

#include "anvil/core/error.h"

namespace anvil::tokenize {

std::string pattern_by_name(const std::string& name) {
  if (name == "gpt2") return kGpt2Pattern;
  if (name == "cl100k" || name == "llama3") return kCl100kPattern;
  if (name == "qwen2") return kQwen2Pattern;
  throw usage_error("unknown pre-tokenizer pattern '" + name +
                    "' (expected 'gpt2', 'cl100k'/'llama3' or 'qwen2')");
}

std::string pattern_name(const std::string& pattern) {
  if (pattern == kGpt2Pattern) return "gpt2";
  if (pattern == kCl100kPattern) return "cl100k";
  if (pattern == kQwen2Pattern) return "qwen2";
  return "";
}

namespace {
std::string pcre2_message(int code) {
  PCRE2_UCHAR buf[256];
  pcre2_get_error_message(code, buf, sizeof buf);
  return reinterpret_cast<const char*>(buf);
}
}  // namespace

RegexSplitter::RegexSplitter(std::string pattern) : pattern_(std::move(pattern)) {
  int err = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code =
      pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern_.data()), pattern_.size(),
                    PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &err, &offset, nullptr);
  if (!code) {
    throw Error("invalid pre-tokenizer regex at offset " + std::to_string(offset) + ": " +
                pcre2_message(err) + " (pattern: " + pattern_ + ")");
  }
  // JIT is an optimization: if the platform lacks it, pcre2_match interprets the pattern.
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
  code_ = code;
}

RegexSplitter::~RegexSplitter() { pcre2_code_free(static_cast<pcre2_code*>(code_)); }

RegexSplitter::Scratch::Scratch(const RegexSplitter& splitter)
    : match_data_(pcre2_match_data_create_from_pattern(
          static_cast<const pcre2_code*>(splitter.code_), nullptr)) {
  if (!match_data_) throw Error("out of memory creating regex match data");
}

RegexSplitter::Scratch::~Scratch() {
  pcre2_match_data_free(static_cast<pcre2_match_data*>(match_data_));
}

void RegexSplitter::split(std::string_view text, Scratch& scratch,
                          std::vector<std::string_view>& pieces) const {
  pieces.clear();
  auto* code = static_cast<const pcre2_code*>(code_);
  auto* md = static_cast<pcre2_match_data*>(scratch.match_data_);
  const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
  const size_t n = text.size();
  size_t pos = 0;
  while (pos < n) {
    const int rc = pcre2_match(code, subject, n, pos, 0, md, nullptr);
    if (rc == PCRE2_ERROR_NOMATCH) break;
    if (rc < 0)
      throw Error("pre-tokenizer regex failed at byte " + std::to_string(pos) + ": " +
                  pcre2_message(rc));
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
    size_t begin = ov[0], end = ov[1];
    if (begin > pos) pieces.emplace_back(text.data() + pos, begin - pos);  // unmatched gap
    if (end == begin) {  // an empty match: step over one byte so the loop advances
      end = begin + 1;
      while (end < n && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    }
    pieces.emplace_back(text.data() + begin, end - begin);
    pos = end;
  }
  if (pos < n) pieces.emplace_back(text.data() + pos, n - pos);
}

}  // namespace anvil::tokenize
