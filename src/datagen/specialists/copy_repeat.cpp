// copy_repeat: the purest copying skill. A request to repeat 2-6 items nobody could have
// memorised (coined words, numbers up to six digits, codes like "KZ-3318") and the answer is the
// same text. Nothing in it can be guessed, so its loss only falls as far as the model copies; mixed
// into a recipe (as many records as the specialists' together) it is what makes small models copy
// street and town names they never saw (docs/specialist-quality.md, "what fixes copying").
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Repeat exactly:",
    "Copy this text exactly:",
    "Say back exactly what follows.",
    "Repeat the text below verbatim.",
};

const InstructionParts kParts = {
    {"Repeat", "Copy", "Echo", "Write back", "Say back"},
    {"this", "the text below", "these words", "what follows", "the line below"},
    {"", "", "exactly", "verbatim", "word for word", "character for character"},
};

// A coined word of 1-3 syllables (half of them in lower case), a number of up to six digits, or a
// code of 1-3 capitals and up to five digits: 2 : 1 : 1, as the measured repeat task.
std::string random_item(Faker& f) {
  const int64_t kind = f.integer(0, 3);
  if (kind < 2) {
    std::string w = f.coined_name(1, 3);
    if (f.chance(0.5)) w[0] = ascii_lower(w[0]);
    return w;
  }
  if (kind == 2) return std::to_string(f.integer(0, 999999));
  return f.letters(static_cast<int>(f.integer(1, 3))) + "-" + std::to_string(f.integer(0, 99999));
}

void generate(Faker& f, Example* ex) {
  ex->layout_id = f.chance(0.75) ? 0 : 1;  // items apart by spaces, or by ", "
  std::string text;
  const int64_t items = f.integer(2, 6);
  for (int64_t i = 0; i < items; ++i) {
    if (i) text += ex->layout_id == 0 ? " " : ", ";
    text += random_item(f);
  }
  compose_prompt(f, ex, kInstructions, kParts, text);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("text").str(text);
  j.end_object();
}

}  // namespace

SpecialistSpec copy_repeat_spec() {
  return {"copy_repeat",
          "2-6 coined words, numbers and codes -> the same text, copied exactly (auxiliary)",
          {{"text", FieldKind::kExact}},
          &generate,
          /*auxiliary=*/true};
}

}  // namespace anvil::datagen::specialists
