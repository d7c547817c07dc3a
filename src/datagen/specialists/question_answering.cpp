// question_answering: a passage about an invented company (encyclopedia style, press-release
// boilerplate, or FAQ) and a question about it -> the answer taken from the passage, or
// answerable = false (answer null) when the passage does not say.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Answer the question using only the context. If the context does not contain the answer, "
    "set answerable to false and answer to null.",
    "Read the passage and answer the question (JSON: answer, answerable).",
    "Context-grounded QA: answer from the text below, or say it is not stated.",
};

const InstructionParts kParts = {
    {"Answer", "Answer from the text", "Use the passage to answer", "Look up the answer to",
     "Answer using only the context"},
    {"this question", "the question below", "this", "the following"},
    {"", "as JSON", "(answer, answerable)", "- null if it isn't stated", "-> json"},
};

void generate(Faker& f, Example* ex) {
  const fake::Company c = f.company();
  const fake::Person ceo = f.person();
  const fake::City& hq = f.pick(f.locale().cities);
  const int founded = static_cast<int>(f.integer(1950, 2020));
  const int64_t employees = f.integer(12, 40000);
  const std::string product(f.pick(f.locale().product_categories).name);
  // Category names that are already plural nouns ("Office Supplies", "Services") stand alone.
  const bool plural = product.back() == 's';
  // "Hall Industries' revenue", not "Hall Industries's".
  const std::string possessive = c.name + (c.name.back() == 's' ? "'" : "'s");
  const int64_t revenue_m = f.integer(2, 900);  // $ millions
  ex->layout_id = static_cast<int>(f.integer(0, 2));
  std::string doc;
  if (ex->layout_id == 0) {
    doc = c.name + " is an American company founded in " + std::to_string(founded) +
          " and headquartered in " + std::string(hq.name) + ", " + std::string(hq.state) +
          ". It sells " + (plural ? product : product + " products") + " and employs about " +
          std::to_string(employees) + " people. Its chief executive is " + ceo.full() +
          ". In its last fiscal year it reported "
          "revenue of $" +
          std::to_string(revenue_m) + " million.";
  } else if (ex->layout_id == 1) {
    doc = "About " + c.name + "\n" + c.name + " (est. " + std::to_string(founded) +
          ") is a leading provider of " + (plural ? product : product + " solutions") +
          ". Led by CEO " + ceo.full() + ", the " + std::to_string(employees) +
          "-person company is based in " + std::string(hq.name) + " and posted $" +
          std::to_string(revenue_m) + " million in annual revenue. Learn more at " + c.domain + ".";
  } else {
    doc = "FAQ\nQ: When was " + c.name + " founded?\nA: In " + std::to_string(founded) +
          ".\nQ: Where is it based?\nA: " + std::string(hq.name) + ", " +
          std::string(hq.state_code) + ".\nQ: Who runs it?\nA: " + ceo.full() +
          ", our CEO.\nQ: How big is the team?\nA: " + std::to_string(employees) + " employees.";
  }
  struct Question {
    std::string_view text;
    std::string answer;       // empty: not in the passage
    bool possessive = false;  // "{}" takes the possessive of the name
  };
  const bool has_revenue = ex->layout_id != 2;
  const bool has_product = ex->layout_id != 2;
  const std::vector<Question> questions = {
      {"When was {} founded?", std::to_string(founded)},
      {"Where is {} headquartered?", std::string(hq.name)},
      {"Who is the CEO of {}?", ceo.full()},
      {"How many people does {} employ?", std::to_string(employees)},
      {"What does {} sell?", has_product ? product : ""},
      {"What was {} annual revenue?",
       has_revenue ? "$" + std::to_string(revenue_m) + " million" : "", true},
      {"Who is the CFO of {}?", ""},
      {"How many stores does {} operate?", ""},
      {"What is {} stock ticker?", "", true},
  };
  const Question& q = f.chance(0.8) ? questions[static_cast<size_t>(f.integer(0, 5))]
                                    : questions[static_cast<size_t>(f.integer(6, 8))];
  const std::string doc_q =
      "Context:\n" + doc + "\n\nQuestion: " + fill(q.text, {q.possessive ? possessive : c.name});
  compose_prompt(f, ex, kInstructions, kParts, doc_q);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("answer");
  q.answer.empty() ? j.null() : j.str(q.answer);
  j.key("answerable").boolean(!q.answer.empty());
  j.end_object();
}

}  // namespace

SpecialistSpec question_answering_spec() {
  return {"question_answering",
          "company passage (3 styles) + question -> answer from context, or not answerable",
          {{"answer", FieldKind::kText}, {"answerable", FieldKind::kBool}},
          &generate};
}

}  // namespace anvil::datagen::specialists
