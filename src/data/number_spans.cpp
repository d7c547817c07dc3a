// Integer span scanner for requests.
#include "anvil/data/number_spans.h"

#include <cctype>
#include <limits>

namespace anvil::data {

std::vector<NumberSpan> find_numbers(std::string_view text, size_t max_spans) {
  std::vector<NumberSpan> spans;
  size_t i = 0;
  const size_t n = text.size();
  auto is_digit = [&](size_t k) {
    return k < n && std::isdigit(static_cast<unsigned char>(text[k]));
  };
  auto is_alnum = [&](size_t k) { return std::isalnum(static_cast<unsigned char>(text[k])) != 0; };
  while (i < n && spans.size() < max_spans) {
    if (!is_digit(i)) {
      ++i;
      continue;
    }
    size_t begin = i;
    bool negative = begin > 0 && text[begin - 1] == '-' && (begin < 2 || !is_alnum(begin - 2));
    if (negative) --begin;
    size_t j = i;
    uint64_t magnitude = 0;
    bool overflow = false;
    while (is_digit(j)) {
      uint64_t d = static_cast<uint64_t>(text[j] - '0');
      if (magnitude > (static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) - d) / 10)
        overflow = true;
      if (!overflow) magnitude = magnitude * 10 + d;
      ++j;
    }
    if (!overflow) {
      int64_t v = static_cast<int64_t>(magnitude);
      spans.push_back({begin, j, negative ? -v : v});
    }
    i = j;
  }
  return spans;
}

}  // namespace anvil::data
