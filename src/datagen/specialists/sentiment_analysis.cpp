// sentiment_analysis: a review (product, restaurant, hotel; star-rated post, plain comment or
// survey answer) built from aspect clauses of known polarity -> overall sentiment (positive,
// negative, neutral or mixed) and the sentiment of each aspect mentioned.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

struct Domain {
  std::string_view name;
  std::vector<std::string_view> aspects;
};

const std::vector<Domain> kDomains = {
    {"restaurant", {"food", "service", "price", "ambience", "wait time"}},
    {"hotel", {"room", "staff", "location", "cleanliness", "price"}},
    {"product", {"battery life", "build quality", "price", "shipping", "customer support"}},
};
// Clause templates by polarity; "{}" = the aspect.
const std::vector<std::string_view> kPositive = {"the {} was excellent",
                                                 "I loved the {}",
                                                 "the {} exceeded my expectations",
                                                 "really impressed with the {}",
                                                 "the {} was great",
                                                 "can't complain about the {}, it was superb"};
const std::vector<std::string_view> kNegative = {
    "the {} was terrible",          "I was disappointed by the {}",
    "the {} was a real letdown",    "the {} could not have been worse",
    "not happy with the {} at all", "the {} was awful"};
const std::vector<std::string_view> kNeutral = {"the {} was okay", "the {} was average",
                                                "the {} was about what I expected",
                                                "nothing special about the {}"};
const std::vector<std::string_view> kConnectors = {". ", ", and ", ". Also, ", "; ", ". But "};

const std::vector<std::string_view> kInstructions = {
    "What is the sentiment of this review? Return JSON with sentiment (positive, negative, "
    "neutral or mixed) and aspects, each with its own sentiment.",
    "Do aspect-based sentiment analysis on the text below.",
    "Classify the customer feedback: overall sentiment plus per-aspect sentiment.",
    "Read the review and tell me how the customer felt about each thing they mentioned.",
};

void generate(Faker& f, Example* ex) {
  const Domain& d = f.pick(kDomains);
  std::vector<std::string_view> aspects = d.aspects;
  f.rng().shuffle(aspects);
  aspects.resize(static_cast<size_t>(f.integer(1, 3)));
  std::vector<int> polarity(aspects.size());           // +1, -1, 0
  const int mood = static_cast<int>(f.integer(0, 3));  // 0 pos, 1 neg, 2 neutral, 3 mixed
  bool any_pos = false, any_neg = false;
  std::string body;
  for (size_t i = 0; i < aspects.size(); ++i) {
    int p = mood == 0 ? 1 : mood == 1 ? -1 : mood == 2 ? 0 : static_cast<int>(f.integer(-1, 1));
    if (mood == 3 && i + 1 == aspects.size() && !(any_pos || p > 0)) p = 1;
    if (mood == 3 && i + 1 == aspects.size() && !(any_neg || p < 0) && aspects.size() > 1) p = -1;
    polarity[i] = p;
    any_pos |= p > 0;
    any_neg |= p < 0;
    const std::vector<std::string_view>& clauses = p > 0 ? kPositive : p < 0 ? kNegative : kNeutral;
    if (i) body += f.pick(kConnectors);
    body += fill(f.pick(clauses), {aspects[i]});
  }
  body += '.';
  // Sentence case: capitalize the first letter and every letter after ". ".
  for (size_t i = 0; i < body.size(); ++i) {
    if (i == 0 || (i >= 2 && body[i - 2] == '.' && body[i - 1] == ' ')) {
      body[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(body[i])));
    }
  }
  const std::string overall = any_pos && any_neg ? "mixed"
                              : any_pos          ? "positive"
                              : any_neg          ? "negative"
                                                 : "neutral";
  // Context before the opinions, as in real reviews.
  static const std::vector<std::string_view> kIntros = {"",
                                                        "",
                                                        "We went last {}. ",
                                                        "Visited on a {}. ",
                                                        "Bought this in {}. ",
                                                        "Second time here, on a {}. ",
                                                        "Stayed over a {}. "};
  const std::string_view intro = f.pick(kIntros);
  if (!intro.empty()) {
    const bool month = intro.find("this in") != std::string_view::npos;
    const int which = static_cast<int>(f.integer(month ? 1 : 0, month ? 12 : 6));
    body = fill(intro, {month ? fake::month_name(which) : fake::weekday_name(which)}) + body;
  }
  if (f.chance(0.3)) body = f.with_typos(body, 0.08);
  ex->layout_id = static_cast<int>(f.integer(0, 2));
  std::string doc;
  if (ex->layout_id == 0) {
    doc = "Review by " + f.username(f.person()) + " (" + std::string(d.name) + ")\n" + body;
  } else if (ex->layout_id == 1) {
    doc = "\"" + body + "\"";
  } else {
    doc = "Survey response #" + f.digits(5) + "\nQ: How was your experience with our " +
          std::string(d.name) + "?\nA: " + body;
  }
  compose_prompt(f, ex, kInstructions, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("sentiment").str(overall);
  j.key("aspects").begin_array();
  for (size_t i = 0; i < aspects.size(); ++i) {
    j.begin_object().key("aspect").str(aspects[i]).key("sentiment");
    j.str(polarity[i] > 0 ? "positive" : polarity[i] < 0 ? "negative" : "neutral").end_object();
  }
  j.end_array();
  j.end_object();
}

}  // namespace

SpecialistSpec sentiment_analysis_spec() {
  return {"sentiment_analysis",
          "reviews built from aspect clauses -> overall and per-aspect sentiment",
          {{"sentiment", FieldKind::kText}, {"aspects", FieldKind::kSet}},
          &generate};
}

}  // namespace anvil::datagen::specialists
