// Prompt framing and small formatting helpers for the specialist generators.
#include "datagen/specialists/common.h"

#include <cctype>

namespace anvil::datagen::specialists {

void compose_prompt(Faker& f, Example* ex, const std::vector<std::string_view>& instructions,
                    std::string_view document) {
  const int which = static_cast<int>(f.integer(0, static_cast<int64_t>(instructions.size()) - 1));
  const std::string_view instruction = instructions[static_cast<size_t>(which)];
  const int framing = document.empty() ? 0 : static_cast<int>(f.integer(0, kFramings - 1));
  ex->template_id = which * kFramings + framing;
  std::string& p = ex->prompt;
  p.clear();
  if (document.empty()) {
    p += instruction;
    return;
  }
  switch (framing) {
    case 0:
      p += instruction;
      p += "\n\n";
      p += document;
      break;
    case 1:
      p += document;
      p += "\n\n";
      p += instruction;
      break;
    default:
      p += instruction;
      p += "\n\n\"\"\"\n";
      p += document;
      p += "\n\"\"\"";
  }
}

namespace {

std::string phrase_instruction(Faker& f, const InstructionParts& parts) {
  static const std::vector<std::string_view> kAsks = {"",       "",          "",
                                                      "Please ", "Can you ",  "Could you ",
                                                      "pls ",    "I need you to "};
  static const std::vector<std::string_view> kEnds = {".", ".", "", ":", "?", " please.",
                                                      ", thanks", " - thx"};
  std::string s(f.pick(kAsks));
  const bool question = s == "Can you " || s == "Could you ";
  std::string verb(f.pick(parts.verbs));
  if (!s.empty()) verb[0] = ascii_lower(verb[0]);
  s += verb;
  s += " ";
  s += f.pick(parts.objects);
  const std::string_view format = f.pick(parts.formats);
  if (!format.empty()) {
    s += " ";
    s += format;
  }
  std::string_view end = f.pick(kEnds);
  if (end == "?" && !question) end = ".";
  s += end;
  if (f.chance(0.2))  // typed in a hurry
    s = ascii_lower(s);
  return s;
}

}  // namespace

void compose_prompt(Faker& f, Example* ex, const std::vector<std::string_view>& instructions,
                    const InstructionParts& parts, std::string_view document) {
  if (document.empty() || f.chance(0.5)) {
    compose_prompt(f, ex, instructions, document);
    return;
  }
  const std::string instruction = phrase_instruction(f, parts);
  const int framing = static_cast<int>(f.integer(0, 4));
  ex->template_id = static_cast<int>(instructions.size()) * kFramings + framing;
  std::string& p = ex->prompt;
  switch (framing) {
    case 0:
      p = instruction + "\n\n" + std::string(document);
      break;
    case 1:
      p = std::string(document) + "\n\n" + instruction;
      break;
    case 2:
      p = instruction + "\n\n\"\"\"\n" + std::string(document) + "\n\"\"\"";
      break;
    case 3:
      p = instruction + (document.find('\n') == std::string_view::npos ? " " : "\n") +
          std::string(document);
      break;
    default:
      p = std::string(document) + "\n" + instruction;
  }
}

std::string expand(std::string_view tmpl, const Vars& vars) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  size_t i = 0;
  while (i < tmpl.size()) {
    if (tmpl[i] == '{') {
      const size_t close = tmpl.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = tmpl.substr(i + 1, close - i - 1);
        const std::string* value = nullptr;
        for (const auto& [key, v] : vars) {
          if (key == name) {
            value = &v;
            break;
          }
        }
        if (value) {
          out += *value;
          i = close + 1;
          continue;
        }
      }
    }
    out += tmpl[i++];
  }
  return out;
}

std::string number_words(int n) {
  static const std::vector<std::string_view> kOnes = {
      "zero",    "one",     "two",       "three",    "four",     "five",    "six",
      "seven",   "eight",   "nine",      "ten",      "eleven",   "twelve",  "thirteen",
      "fourteen", "fifteen", "sixteen",  "seventeen", "eighteen", "nineteen"};
  static const std::vector<std::string_view> kTens = {"",      "",      "twenty",  "thirty", "forty",
                                                      "fifty", "sixty", "seventy", "eighty", "ninety"};
  if (n < 20) return std::string(kOnes[static_cast<size_t>(n)]);
  std::string s(kTens[static_cast<size_t>(n / 10)]);
  if (n % 10 != 0) s += "-" + std::string(kOnes[static_cast<size_t>(n % 10)]);
  return s;
}

std::string fill(std::string_view tmpl, std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  auto arg = args.begin();
  size_t i = 0;
  while (i < tmpl.size()) {
    if (tmpl[i] == '{' && i + 1 < tmpl.size() && tmpl[i + 1] == '}' && arg != args.end()) {
      out += *arg++;
      i += 2;
    } else {
      out += tmpl[i++];
    }
  }
  return out;
}

fake::DateFormat us_date_format(Faker& f) {
  static const std::vector<fake::DateFormat> kFormats = {
      fake::DateFormat::kIso,         fake::DateFormat::kUsSlash,    fake::DateFormat::kLong,
      fake::DateFormat::kAbbrev,      fake::DateFormat::kDashAbbrev, fake::DateFormat::kLongWeekday,
      fake::DateFormat::kDayMonthYear};
  return f.pick(kFormats);
}

fake::MoneyStyle us_money_style(Faker& f) {
  static const std::vector<fake::MoneyStyle> kStyles = {
      fake::MoneyStyle::kSymbol, fake::MoneyStyle::kSymbol, fake::MoneyStyle::kPlain,
      fake::MoneyStyle::kCodePrefix, fake::MoneyStyle::kCodeSuffix};
  return f.pick(kStyles);
}

const fake::Currency& usd() { return fake::currencies()[0]; }

std::string snake_label(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += ascii_lower(c);
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

std::string printed_cents(int64_t cents, bool grouped) {
  std::string s;
  if (grouped) {
    fake::append_grouped_cents(&s, cents);
  } else {
    fake::append_decimal_cents(&s, cents);
  }
  return s;
}

std::string pad(std::string_view s, size_t width) {
  std::string out(s);
  if (out.size() < width) out.resize(width, ' ');
  return out;
}

std::string column(std::string_view s, size_t width) {
  return s.size() < width ? pad(s, width) : std::string(s) + ' ';
}

std::string compare_step(const std::string& a, const std::string& b) {
  return "compare: " + a + " / " + b + (a == b ? "\nsame: yes\n" : "\nsame: no\n");
}

}  // namespace anvil::datagen::specialists
