// NFC through ICU's Normalizer2 on UTF-8 (no UTF-16 round trip), valid UTF-8 runs only.
#include "anvil/tokenize/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include "anvil/core/error.h"
#include "anvil/core/utf8.h"

namespace anvil::tokenize {
namespace {

const icu::Normalizer2& nfc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || !n)
      throw Error(std::string("ICU's NFC normalizer is unavailable: ") + u_errorName(status));
    return n;
  }();
  return *instance;
}

bool is_ascii(std::string_view text) {
  for (unsigned char c : text)
    if (c >= 0x80) return false;
  return true;
}

// Appends the NFC form of `run` (valid UTF-8) to `out`; true if it differs from `run`.
bool normalize_run(std::string_view run, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(run.data(), static_cast<int32_t>(run.size()));
  if (nfc().isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    out.append(run);
    return false;
  }
  status = U_ZERO_ERROR;
  icu::StringByteSink<std::string> sink(&out);
  nfc().normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status))
    throw Error(std::string("NFC normalization failed: ") + u_errorName(status));
  return true;
}

}  // namespace

bool nfc_normalize(std::string_view text, std::string& out) {
  if (is_ascii(text)) return false;
  std::string result;
  result.reserve(text.size() + 8);
  bool changed = false;
  size_t pos = 0;
  while (pos < text.size()) {
    const auto bad = find_invalid_utf8(text.substr(pos));
    const size_t run_end = bad ? pos + *bad : text.size();
    changed |= normalize_run(text.substr(pos, run_end - pos), result);
    if (!bad) break;
    // Copy the invalid byte as it is; normalization resumes after it.
    result.push_back(text[run_end]);
    pos = run_end + 1;
  }
  if (!changed) return false;
  out = std::move(result);
  return true;
}

}  // namespace anvil::tokenize
