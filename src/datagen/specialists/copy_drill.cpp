// copy_drill: an auxiliary skill for the extraction specialists. A short record holds a few
// labelled values that nobody could have memorised (invented names, random numbers and codes);
// the request names some of the labels and the answer is their values, copied exactly, in the
// order asked. Mixed into a recipe, it makes copying by label the only way to lower the loss.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kLabels = {
    "name",   "code",  "town",    "street", "ref",    "id",     "owner", "model",
    "serial", "label", "account", "site",   "vendor", "ticket", "batch", "contact"};

const std::vector<std::string_view> kInstructions = {
    "Copy the values of {} exactly, in that order, as JSON.",
    "Return the {} from the record below, exactly as written.",
    "What are the {}? Answer with the values only.",
};

const InstructionParts kParts = {
    {"Copy", "Extract", "Pull out", "Give me", "Read off"},
    {"the values of {}", "the {} fields", "{}", "the entries for {}"},
    {"", "", "exactly", "as JSON", "verbatim", "in the order asked"},
};

// An invented name of 1-3 words, a number of 1-6 digits, or a code of letters and digits.
std::string random_value(Faker& f) {
  std::string v;
  switch (f.integer(0, 3)) {
    case 0:
    case 1: {
      const int64_t words = f.integer(1, 3);
      for (int64_t i = 0; i < words; ++i) {
        if (i) v += " ";
        v += f.coined_name(1, 3);
      }
      return v;
    }
    case 2:
      return std::to_string(f.integer(0, 999999));
    default:
      v = f.letters(static_cast<int>(f.integer(1, 3)));
      v += "-";
      v += f.digits(static_cast<int>(f.integer(2, 5)));
      return v;
  }
}

std::string join_labels(const std::vector<std::string_view>& labels) {
  std::string s;
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i) s += i + 1 == labels.size() ? " and " : ", ";
    s += labels[i];
  }
  return s;
}

// The instruction and its parts with "{}" replaced by the labels asked for.
std::vector<std::string> filled(const std::vector<std::string_view>& templates,
                                const std::string& labels) {
  std::vector<std::string> out;
  for (auto t : templates) out.push_back(fill(t, {labels}));
  return out;
}

void generate(Faker& f, Example* ex) {
  std::vector<std::string_view> labels = kLabels;
  f.rng().shuffle(labels);
  labels.resize(static_cast<size_t>(f.integer(2, 5)));
  std::vector<std::string> values;
  for (size_t i = 0; i < labels.size(); ++i) values.push_back(random_value(f));
  ex->layout_id = static_cast<int>(f.integer(0, 2));
  std::string doc;
  for (size_t i = 0; i < labels.size(); ++i) {
    const std::string label(labels[i]);
    if (ex->layout_id == 0) doc += label + ": " + values[i] + "\n";
    if (ex->layout_id == 1) doc += (i ? "; " : "") + label + "=" + values[i];
    if (ex->layout_id == 2) doc += (i ? ", the " : "The ") + label + " is " + values[i];
  }
  if (ex->layout_id == 0) doc.pop_back();
  if (ex->layout_id == 2) doc += ".";
  // Ask for some of them (at least one), in an order of their own.
  std::vector<size_t> asked(labels.size());
  for (size_t i = 0; i < asked.size(); ++i) asked[i] = i;
  f.rng().shuffle(asked);
  asked.resize(static_cast<size_t>(f.integer(1, static_cast<int64_t>(labels.size()))));
  std::vector<std::string_view> asked_labels;
  for (size_t i : asked) asked_labels.push_back(labels[i]);
  const std::string names = join_labels(asked_labels);
  const auto instructions = filled(kInstructions, names);
  const auto objects = filled(kParts.objects, names);
  const std::vector<std::string_view> instruction_views(instructions.begin(), instructions.end());
  const InstructionParts parts{kParts.verbs, {objects.begin(), objects.end()}, kParts.formats};
  compose_prompt(f, ex, instruction_views, parts, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("values").begin_array();
  for (size_t i : asked) j.str(values[i]);
  j.end_array();
  j.end_object();
}

}  // namespace

SpecialistSpec copy_drill_spec() {
  return {"copy_drill",
          "labelled invented values (3 layouts) -> the ones asked for, copied exactly (auxiliary)",
          {{"values", FieldKind::kList}},
          &generate,
          /*auxiliary=*/true};
}

}  // namespace anvil::datagen::specialists
