// Finds the integers written in a request ("add -5 and 300" -> -5 at [4,6), 300 at [11,14)).
// The pointer model chooses operands among these spans, so any value the text spells out is
// representable, not only the 0..255 bins of the baseline.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace anvil::data {

struct NumberSpan {
  size_t begin = 0;  // byte offset of the first character (the '-' for negatives)
  size_t end = 0;    // one past the last digit
  int64_t value = 0;
};

// Decimal integers, optionally preceded by '-' when the '-' does not follow a letter or digit
// ("3-4" is 3 and 4). Digit runs too long for int64 are skipped. At most `max_spans` are returned
// (the first ones in the text).
std::vector<NumberSpan> find_numbers(std::string_view text, size_t max_spans = 16);

// The first integer in `text` whose digits do not fit in int64 ("99999999999999999999999"; its
// value field is 0), or nullopt. Such a number must be refused, never read as something else.
std::optional<NumberSpan> first_oversized_number(std::string_view text);

}  // namespace anvil::data
