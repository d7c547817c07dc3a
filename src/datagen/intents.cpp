// The intent registry (intent_table, find_intent) and the helpers that turn an intent plus operands
// into request text and a runnable program.
#include "anvil/datagen/intents.h"

#include <initializer_list>
#include <string>

#include "anvil/core/ascii.h"
#include "anvil/core/error.h"
#include "datagen/intent_levels.h"

namespace anvil::datagen {

const std::vector<IntentSpec>& intent_table() {
  static const std::vector<IntentSpec> table = [] {
    std::vector<IntentSpec> all;
    for (auto make : {detail::level1_intents, detail::level2_intents, detail::level3_intents,
                      detail::level4_intents, detail::level5_intents}) {
      for (IntentSpec& spec : make()) all.push_back(std::move(spec));
    }
    return all;
  }();
  return table;
}

const IntentSpec* find_intent(std::string_view name) {
  for (const IntentSpec& spec : intent_table()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

void append_int(std::string& out, int64_t value) {
  char buf[24];
  char* end = buf + sizeof(buf);
  char* p = end;
  uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  do {
    *--p = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (value < 0) *--p = '-';
  out.append(p, static_cast<size_t>(end - p));
}

std::string instantiate_program(const IntentSpec& intent, const std::vector<int64_t>& operands) {
  std::string program;
  program.reserve(intent.body.size() + 16 * operands.size());
  for (size_t i = 0; i < operands.size(); ++i) {
    program += "mov r";
    program += static_cast<char>('1' + i);
    program += ", ";
    append_int(program, operands[i]);
    program += '\n';
  }
  program += intent.body;
  return program;
}

std::string render_phrasing(std::string_view phrasing, const std::vector<int64_t>& operands) {
  std::string text;
  text.reserve(phrasing.size() + 16);
  for (size_t i = 0; i < phrasing.size(); ++i) {
    const char c = phrasing[i];
    if (c == '{' && i + 2 < phrasing.size() && phrasing[i + 2] == '}' && phrasing[i + 1] >= '0' &&
        phrasing[i + 1] <= '9') {
      const size_t index = static_cast<size_t>(phrasing[i + 1] - '0');
      if (index >= operands.size()) {
        throw Error("phrasing '" + std::string(phrasing) + "' uses {" + std::to_string(index) +
                    "} but only " + std::to_string(operands.size()) + " operands were given");
      }
      append_int(text, operands[index]);
      i += 2;
    } else {
      text += c;
    }
  }
  return text;
}

std::string vary_surface(std::string text, Rng& rng) {
  const bool please_first = rng.bernoulli(0.1), please_last = rng.bernoulli(0.1);
  const bool close = rng.bernoulli(0.25), question = rng.bernoulli(0.5);
  const bool capital = rng.bernoulli(0.3);
  if (text.empty()) return text;
  const std::string lower = ascii_lower(text);
  auto starts = [&](std::initializer_list<const char*> words) {
    for (const char* w : words)
      if (lower.rfind(w, 0) == 0) return true;
    return false;
  };
  const char last = text.back();
  const bool punctuated = last == '?' || last == '.' || last == '!';
  const bool polite = lower.find("please") != std::string::npos;
  const bool asks = last == '?' || starts({"what", "how", "is ", "which", "does", "do ", "are ",
                                           "can ", "could ", "where", "who", "why", "will "});
  if (please_first && !polite && !asks) {
    text[0] = ascii_lower(text[0]);
    text = "please " + text;
  } else if (please_last && !polite && !punctuated) {
    text += " please";
  }
  if (close && !punctuated) text += question ? '?' : '.';
  if (capital) text[0] = ascii_upper(text[0]);
  return text;
}

}  // namespace anvil::datagen
