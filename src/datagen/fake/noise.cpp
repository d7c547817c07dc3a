// Faker: realistic typing noise. Letters only (digits are facts and stay intact): adjacent swaps,
// dropped and doubled letters, and neighbouring keys on a QWERTY keyboard.
#include <cctype>

#include "anvil/core/ascii.h"
#include "anvil/datagen/fake/faker.h"

namespace anvil::datagen::fake {
namespace {

char qwerty_neighbour(char c, Rng& rng) {
  static const char* const kRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  const char lower = ascii_lower(c);
  for (const char* row : kRows) {
    for (int i = 0; row[i]; ++i) {
      if (row[i] != lower) continue;
      const bool left = i > 0 && (row[i + 1] == 0 || rng.bernoulli(0.5));
      return left ? row[i - 1] : row[i + 1];
    }
  }
  return c;
}

}  // namespace

std::string Faker::with_typos(std::string_view text, double rate) {
  std::string out;
  out.reserve(text.size() + 8);
  size_t i = 0;
  while (i < text.size()) {
    // One word at a time: [i, j) is a run of letters.
    size_t j = i;
    while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
    if (j == i) {
      out += text[i++];
      continue;
    }
    std::string word(text.substr(i, j - i));
    if (word.size() >= 3 && chance(rate)) {
      const size_t k = static_cast<size_t>(integer(1, static_cast<int64_t>(word.size()) - 2));
      switch (integer(0, 3)) {
        case 0:
          std::swap(word[k], word[k + 1]);
          break;
        case 1:
          word.erase(k, 1);
          break;
        case 2:
          word.insert(k, 1, word[k]);
          break;
        default:
          word[k] = qwerty_neighbour(word[k], rng_);
      }
    }
    out += word;
    i = j;
  }
  return out;
}

}  // namespace anvil::datagen::fake
