// question_answering: a passage (a company profile, a funding press release, a handbook policy or
// a returns FAQ, its facts said in any of two to three wordings, in any order, with look-alike
// facts beside them: founded and moved, CEO and CFO, employees and stores) and a question in one
// of several wordings -> the answer copied from the passage, or answerable = false (answer null)
// when the passage does not say. Worked steps: the sentence that answers, copied as the passage
// writes it ("evidence: Its head office relocated to Tulsa in 2018."), or
// "evidence: none". Session 24's generator wrote one company template in three layouts, and
// hand-written passages were answered with invented words (25.0%).
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Answer the question using only the context. If the context does not contain the answer, "
    "set answerable to false and answer to null.",
    "Read the passage and answer the question (JSON: answer, answerable).",
    "Context-grounded QA: answer from the text below, or say it is not stated.",
    "Use nothing but the text given; when it doesn't say, mark it unanswerable.",
};

const InstructionParts kParts = {
    {"Answer", "Answer from the text", "Use the passage to answer", "Look up the answer to",
     "Answer using only the context"},
    {"this question", "the question below", "this", "the following"},
    {"", "as JSON", "(answer, answerable)", "- null if it isn't stated", "-> json"},
};

// One fact a passage may state: the answer as written, the sentences that say it (one is drawn),
// and the ways a question asks for it ("{}" is the passage's subject).
struct Fact {
  std::string value;
  std::vector<std::string> sentences;
  std::vector<std::string_view> questions;
};

// "1,250" for 1250: counts as passages print them.

std::vector<Fact> company_facts(Faker& f, const std::string& name) {
  const fake::Person ceo = f.person();
  const fake::Person cfo = f.person();
  const fake::Person founder = f.person();
  const fake::City& first_city = f.pick(f.locale().cities);
  const fake::City& hq = f.pick(f.locale().cities);
  const std::string founded = std::to_string(f.integer(1950, 2015));
  const std::string moved = std::to_string(f.integer(2016, 2023));
  const std::string employees = fake::grouped_integer(f.integer(12, 40000));
  const std::string stores = std::to_string(f.integer(3, 90));
  // Category names that are already plural nouns ("Office Supplies") stand alone.
  const std::string category(f.pick(f.locale().product_categories).name);
  const std::string product = category + (category.back() == 's' ? "" : " products");
  const std::string revenue = "$" + std::to_string(f.integer(2, 900)) + " million";
  const std::string origin = std::string(first_city.name) + ", " + std::string(first_city.state);
  const std::string city(hq.name);
  return {
      {founded,
       {name + " was founded in " + founded + " by " + founder.full() + " in " + origin + ".",
        "Founded in " + founded + ", " + name + " started in " + origin + ".",
        name + " (est. " + founded + ") began as a small shop in " + origin + "."},
       {"When was {} founded?", "What year was {} established?", "When did {} start?"}},
      {city,
       {"Its head office relocated to " + city + " in " + moved + ".",
        "Today " + name + " is headquartered in " + city + ".",
        "Its head office has been in " + city + " since " + moved + "."},
       {"Where is {} headquartered?", "Where is {}'s head office?",
        "In which city is {} based today?"}},
      {ceo.full(),
       {"Chief executive " + ceo.full() + " joined in " + moved + ".",
        "The company is led by CEO " + ceo.full() + ".",
        ceo.full() + " has been chief executive since " + moved + "."},
       {"Who is the CEO of {}?", "Who runs {}?", "Who is {}'s chief executive?"}},
      {cfo.full(),
       {"Its chief financial officer is " + cfo.full() + ".",
        "CFO " + cfo.full() + " oversees the company's finances."},
       {"Who is the CFO of {}?", "Who is {}'s chief financial officer?"}},
      {employees,
       {name + " employs about " + employees + " people.",
        "The company has " + employees + " employees.",
        "Its staff numbers around " + employees + "."},
       {"How many people does {} employ?", "How many employees does {} have?",
        "How big is {}'s workforce?"}},
      {stores,
       {"It runs " + stores + " stores across the region.",
        "The company operates " + stores + " locations.", "Today it has " + stores + " shops."},
       {"How many stores does {} operate?", "How many locations does {} have?"}},
      {product,
       {"It sells " + product + " to businesses and consumers.",
        name + " makes and sells " + product + ".", "Its main line is " + product + "."},
       {"What does {} sell?", "What is {}'s main product line?"}},
      {revenue,
       {"In its last fiscal year it reported revenue of " + revenue + ".",
        "Annual revenue reached " + revenue + " last year.",
        name + " posted " + revenue + " in annual revenue."},
       {"What was {}'s annual revenue?", "How much revenue did {} report last year?"}},
  };
}

std::vector<Fact> funding_facts(Faker& f, const std::string& name) {
  const std::string amount = "$" + std::to_string(f.integer(3, 250)) + " million";
  const std::string series(
      f.pick(std::vector<std::string_view>{"Series A", "Series B", "Series C", "seed"}));
  const std::string lead = f.company().name;
  const std::string employees = fake::grouped_integer(f.integer(15, 2000));
  const fake::Person cfo = f.person();
  const std::string use(f.pick(
      std::vector<std::string_view>{"expand into Europe", "hire engineers", "open a second factory",
                                    "build its mobile app", "expand into home monitoring"}));
  return {
      {amount,
       {name + " said it closed a " + series + " round of " + amount + ".",
        "The " + series + " round brings in " + amount + "."},
       {"How much did {} raise?", "What was the size of {}'s round?"}},
      {lead,
       {lead + " put up the largest share and led the round.", lead + " led the round."},
       {"Who led {}'s round?", "Which firm led the funding?"}},
      {employees,
       {name + ", which employs " + employees + " people, is growing fast.",
        "The company has " + employees + " employees."},
       {"How many people does {} employ?", "How many employees does {} have?"}},
      {use,
       {"The new money is meant to " + use + ".", "The money will help the company " + use + "."},
       {"What will {} use the money for?", "What is the new funding for?"}},
      {cfo.full(),
       {"\"We can hire sooner now,\" said CFO " + cfo.full() + ".",
        "Chief financial officer " + cfo.full() + " called the round a milestone."},
       {"Who is {}'s CFO?", "Who is the chief financial officer of {}?"}},
      {"", {}, {"What was {}'s revenue last year?", "Who is {}'s CEO?", "When was {} founded?"}},
  };
}

std::vector<Fact> policy_facts(Faker& f) {
  const std::string accrual = f.pick(std::vector<std::string>{"1.25", "1.5", "1", "2"});
  const std::string carry = std::to_string(f.integer(3, 10));
  const std::string notice =
      f.pick(std::vector<std::string>{"two weeks", "one week", "10 days", "30 days"});
  const std::string days = std::to_string(f.integer(2, 5));
  const std::string remote = std::to_string(f.integer(1, 3));
  return {
      {accrual,
       {"Each salaried staff member earns " + accrual +
            " days of leave for every month on payroll.",
        "PTO accrues at " + accrual + " days for each month worked."},
       {"How many PTO days do employees accrue per month?", "What is the monthly PTO accrual?"}},
      {carry,
       {"At year end, no more than " + carry + " days of leave roll forward.",
        "Employees may carry over at most " + carry + " unused days."},
       {"How many days of leave roll into next year?", "What is the carry-over limit?"}},
      {notice,
       {"Leave longer than " + days + " working days in a row must be requested " + notice +
            " ahead.",
        "Longer requests need " + notice + " of notice."},
       {"How much notice do longer PTO requests need?", "What notice is required for long leave?"}},
      {remote,
       {"Staff may work from home up to " + remote + " days a week.",
        "Remote work is allowed " + remote + " days per week."},
       {"How many days a week can staff work remotely?", "What is the remote work allowance?"}},
      {"",
       {},
       {"How much is the parental leave stipend?", "Who approves overtime?",
        "What is the dress code?"}},
  };
}

std::vector<Fact> returns_facts(Faker& f) {
  const std::string window = std::to_string(f.pick(std::vector<int64_t>{14, 30, 45, 60, 90}));
  const std::string cost = "$" + std::to_string(f.integer(3, 12)) + ".95";
  const std::string refund_days = std::to_string(f.integer(3, 14));
  const std::string portal(
      f.pick(std::vector<std::string_view>{"the Start a Return button under My Purchases",
                                           "the Orders page of your account", "our support chat"}));
  return {
      {window + " days",
       {"Items can be returned within " + window + " days of delivery, unworn and with tags.",
        "Our return window is " + window + " days from delivery."},
       {"What's the return window?", "How long do I have to return an item?"}},
      {cost,
       {"A return label costs " + cost + ", taken off what we refund.",
        "We charge " + cost + " for return shipping."},
       {"What is the return shipping fee?", "What do I pay to send an item back?"}},
      {refund_days + " business days",
       {"Refunds are issued within " + refund_days + " business days of receiving the item.",
        "Expect your refund " + refund_days + " business days after we get the return."},
       {"How long do refunds take?", "When will I get my refund?"}},
      {portal,
       {"To start a return, use " + portal + ".", "Returns are started from " + portal + "."},
       {"Where do I begin a return?", "What's the first step to send something back?"}},
      {"",
       {},
       {"Do you ship to Canada?", "Can I return a gift card?", "What is your phone number?"}},
  };
}

void generate(Faker& f, Example* ex) {
  ex->layout_id = static_cast<int>(f.integer(0, 3));  // company, funding, policy, returns
  const fake::Company c = f.company();
  std::vector<Fact> facts = ex->layout_id == 0   ? company_facts(f, c.name)
                            : ex->layout_id == 1 ? funding_facts(f, c.name)
                            : ex->layout_id == 2 ? policy_facts(f)
                                                 : returns_facts(f);
  // The passage: 3-5 of the stated facts in any order, each in one of its wordings; a fact left
  // out (or one the domain never states) is what an unanswerable question asks.
  std::vector<size_t> stated;
  for (size_t i = 0; i < facts.size(); ++i)
    if (!facts[i].value.empty()) stated.push_back(i);
  f.rng().shuffle(stated);
  const size_t keep = std::min<size_t>(stated.size(), static_cast<size_t>(f.integer(3, 5)));
  std::vector<size_t> omitted(stated.begin() + static_cast<std::ptrdiff_t>(keep), stated.end());
  stated.resize(keep);
  for (size_t i = 0; i < facts.size(); ++i)
    if (facts[i].value.empty()) omitted.push_back(i);
  std::vector<std::string> sentences;
  for (size_t i : stated) sentences.push_back(f.pick(facts[i].sentences));
  const bool answerable = omitted.empty() || f.chance(0.8);
  const size_t asked = answerable ? f.pick(stated) : f.pick(omitted);
  std::string question = fill(f.pick(facts[asked].questions), {c.name});
  const size_t plural_possessive = question.find("s's ");  // "Logistics's" -> "Logistics'"
  if (plural_possessive != std::string::npos) question.erase(plural_possessive + 2, 1);
  std::string evidence;
  if (answerable) {
    for (size_t k = 0; k < stated.size(); ++k)
      if (stated[k] == asked) evidence = sentences[k];
  }
  std::string doc;
  if (ex->layout_id == 3) {  // an FAQ: each fact under a question of its own
    doc = "FAQ - Returns\n";
    for (size_t k = 0; k < stated.size(); ++k)
      doc += "Q: " + std::string(facts[stated[k]].questions[0]) + "\nA: " + sentences[k] + "\n";
    doc.pop_back();
  } else {
    const std::string title =
        ex->layout_id == 1
            ? std::string(f.pick(f.locale().cities).name) + ", " +
                  fake::format_date(f.recent_date(), fake::DateFormat::kLong) + " -- "
        : ex->layout_id == 2 ? "Staff policy manual, part " + std::to_string(f.integer(2, 9)) +
                                   "." + std::to_string(f.integer(1, 6)) + " - Leave\n"
                             : "";
    doc = title;
    for (size_t k = 0; k < sentences.size(); ++k) doc += (k ? " " : "") + sentences[k];
  }
  const std::string label = f.pick(std::vector<std::string>{"Question: ", "Q: ", ""});
  compose_prompt(f, ex, kInstructions, kParts,
                 f.pick(std::vector<std::string>{"Context:\n", "", "Passage:\n"}) + doc + "\n\n" +
                     label + question);
  ex->work = "evidence: " + (answerable ? evidence : "none");
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("answer");
  answerable ? j.str(facts[asked].value) : j.null();
  j.key("answerable").boolean(answerable);
  j.end_object();
}

}  // namespace

SpecialistSpec question_answering_spec() {
  return {"question_answering",
          "passage (company, funding, policy, FAQ; facts in any order and wording) + question -> "
          "answer from context, or not answerable",
          {{"answer", FieldKind::kText}, {"answerable", FieldKind::kBool}},
          &generate};
}

}  // namespace anvil::datagen::specialists
