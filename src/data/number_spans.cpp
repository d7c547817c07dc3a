// Integer span scanner for requests.
#include "anvil/data/number_spans.h"

#include <cctype>
#include <limits>

namespace anvil::data {
namespace {

// Calls visit(span, fits) for each integer written in `text`, in order, until it returns false.
template <typename Visit>
void scan_numbers(std::string_view text, Visit visit) {
  const size_t n = text.size();
  auto is_digit = [&](size_t k) {
    return k < n && std::isdigit(static_cast<unsigned char>(text[k]));
  };
  auto is_alnum = [&](size_t k) { return std::isalnum(static_cast<unsigned char>(text[k])) != 0; };
  for (size_t i = 0; i < n;) {
    if (!is_digit(i)) {
      ++i;
      continue;
    }
    size_t begin = i;
    const bool negative = begin > 0 && text[begin - 1] == '-' && (begin < 2 || !is_alnum(begin - 2));
    if (negative) --begin;
    size_t j = i;
    uint64_t magnitude = 0;
    bool overflow = false;
    while (is_digit(j)) {
      const auto d = static_cast<uint64_t>(text[j] - '0');
      if (magnitude > (static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) - d) / 10)
        overflow = true;
      if (!overflow) magnitude = magnitude * 10 + d;
      ++j;
    }
    const auto v = static_cast<int64_t>(magnitude);
    if (!visit(NumberSpan{begin, j, negative ? -v : v}, !overflow)) return;
    i = j;
  }
}

}  // namespace

std::vector<NumberSpan> find_numbers(std::string_view text, size_t max_spans) {
  std::vector<NumberSpan> spans;
  if (max_spans == 0) return spans;
  scan_numbers(text, [&](const NumberSpan& span, bool fits) {
    if (fits) spans.push_back(span);
    return spans.size() < max_spans;
  });
  return spans;
}

std::optional<NumberSpan> first_oversized_number(std::string_view text) {
  std::optional<NumberSpan> found;
  scan_numbers(text, [&](const NumberSpan& span, bool fits) {
    if (!fits) found = NumberSpan{span.begin, span.end, 0};
    return fits;
  });
  return found;
}

}  // namespace anvil::data
