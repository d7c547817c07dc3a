// sentiment_analysis: a review (product, restaurant, hotel; star-rated post, plain comment or
// survey answer) built from aspect clauses of known polarity -> overall sentiment (positive,
// negative, neutral or mixed) and the sentiment of each aspect mentioned. About half of the
// clauses name the aspect ("the service was excellent"); the others describe it the way people do
// without naming it ("our server forgot our drinks twice", "it dies by lunchtime"). Intros carry
// no opinion; outros and star ratings are derived from the overall sentiment, so they never
// contradict the labels.
#include <string>
#include <string_view>
#include <vector>

#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

struct Aspect {
  std::string_view name;  // the label in the answer
  // Natural phrasings by polarity, in which a careful reader can tell the aspect without its name
  // being said; "{}" = the review's item (a dish, a room type, a device).
  std::vector<std::string_view> positive, negative, neutral;
};

struct Domain {
  std::string_view name;
  std::vector<Aspect> aspects;
  std::vector<std::string_view> items;   // what "{}" stands for in the natural phrasings
  std::vector<std::string_view> intros;  // context before the opinions; "{}" = a day or a month
  bool month_intros;                     // the intros take a month name (else a weekday name)
};

const std::vector<Domain> kDomains = {
    {"restaurant",
     {{"food",
       {"the {} was delicious", "every dish we ordered was packed with flavor",
        "my {} was cooked perfectly", "best {} I've had in years",
        "the {} was fresh and perfectly seasoned"},
       {"my {} came out overcooked", "the {} was bland and lukewarm",
        "the {} tasted like it had been microwaved", "my {} was so salty I couldn't finish it",
        "everything on the plate was greasy and underseasoned"},
       {"the {} was fine, nothing memorable", "the {} was decent, pretty standard",
        "my {} was alright, not bad and not great",
        "the dishes were okay, about what you'd get anywhere",
        "the {} was about what you'd expect from the menu description"}},
      {"service",
       {"our server was attentive and friendly", "the waiter checked on us just often enough",
        "our server gave great recommendations and kept the drinks coming",
        "the staff went out of their way to make my daughter's birthday special",
        "everyone working there was warm and welcoming"},
       {"our waiter got two of our orders wrong and never apologized",
        "the server was rude when we asked for separate checks",
        "we had to flag someone down just to get our water refilled",
        "the staff acted like we were bothering them",
        "nobody checked on us once after we ordered"},
       {"our server was polite enough", "the waiter took our order and that was about it",
        "the staff did their job, no more and no less", "our server was fine, nothing stood out"}},
      {"price",
       {"the prices were very reasonable", "dinner for two came to under $50, a great deal",
        "it was great value for the money", "the happy hour deals are hard to beat",
        "we were surprised how small the bill was"},
       {"the bill was way higher than it should have been", "$18 for a side salad is ridiculous",
        "it's way overpriced for what you get", "they charged us extra for bread and refills"},
       {"prices are typical for the area", "the bill came to about what we expected",
        "the prices are neither cheap nor expensive",
        "the menu has mid-range prices, nothing surprising"}},
      {"ambience",
       {"the place is cozy, with soft lighting and good music",
        "the patio is lovely on a warm evening",
        "the decor is beautiful and it's quiet enough to talk",
        "it has a great vibe, perfect for a date night"},
       {"it was so loud we couldn't hear each other", "the music was blasting the whole time",
        "the dining room felt cramped and dingy",
        "it was freezing inside and we kept our coats on"},
       {"the decor is simple, nothing fancy", "it's a pretty typical setup for a casual place",
        "the dining room is plain but fine",
        "it has a standard sports-bar feel with TVs on every wall"}},
      {"wait time",
       {"we were seated right away", "there was no wait at all, even on a Saturday night",
        "we got a table within five minutes",
        "they texted us when our table was ready, sooner than they quoted"},
       {"our booked table was not ready for forty minutes",
        "the line was out the door and we stood there for over an hour",
        "it took almost an hour to get seated",
        "they quoted 15 minutes for a table and it took 50"},
       {"we waited about 15 minutes for a table, which is normal for a busy night",
        "there was a short wait to be seated, nothing unusual",
        "the wait for a table was about what they quoted",
        "we were seated after the usual 20-minute wait"}}},
     {"pasta", "steak", "burger", "salmon", "ramen", "pizza", "risotto", "lasagna",
      "chicken sandwich", "pad thai", "curry", "brisket", "fried chicken", "pork chop",
      "veggie burger"},
     {"", "", "We went last {}.", "Came here for dinner on a {}.",
      "Tried this place for lunch last {}.", "Second time here, on a {}.",
      "Went with a group of six last {}.", "Took my parents here on {}."},
     false},
    {"hotel",
     {{"room",
       {"our {} was spacious and the bed was incredibly comfortable",
        "the bed was so comfy I slept like a baby",
        "there was plenty of space to spread out, plus blackout curtains",
        "the {} was bright and roomy, with a desk that was great for working"},
       {"our {} was tiny and the mattress sagged in the middle",
        "the AC in our {} barely worked and we couldn't sleep",
        "the walls were paper-thin and we heard the neighbors all night",
        "the furniture in our {} was falling apart and the TV didn't work"},
       {"the {} was a standard size with the usual amenities",
        "our {} was pretty typical for a chain hotel", "the bed and furniture were fine",
        "it was a basic {}, nothing more, nothing less"}},
      {"staff",
       {"the front desk went above and beyond to help us",
        "everyone at reception was friendly and helpful",
        "the concierge gave us great restaurant tips",
        "the night manager sorted out our key cards in a minute, with a smile"},
       {"the front desk clerk was rude and dismissive",
        "nobody at reception could answer a simple question",
        "the concierge rolled his eyes when we asked for help",
        "two employees kept chatting while we stood at check-in"},
       {"check-in at the front desk was routine", "the receptionist was professional, nothing more",
        "the people at the front desk were fine",
        "we barely dealt with anyone at reception, and that was okay"}},
      {"location",
       {"it's within walking distance of everything we wanted to see",
        "the hotel is right next to a subway station", "it's just steps from the beach",
        "it's in a perfect spot downtown, close to restaurants and shops"},
       {"it's in the middle of nowhere, so we needed a cab everywhere",
        "the neighborhood felt unsafe after dark",
        "there's nothing within walking distance except a highway",
        "it's much farther from downtown than the website made it sound"},
       {"it's about a 15-minute walk from downtown", "it's a short drive to the main sights",
        "it's in an ordinary suburban area near the airport",
        "the area around it is mostly office buildings"}},
      {"cleanliness",
       {"everything was spotless", "we got fresh sheets and towels every day",
        "the bathroom was sparkling clean", "there wasn't a speck of dust anywhere"},
       {"we found hair in the shower and stains on the sheets",
        "the carpet was stained and the bathroom smelled of mildew",
        "there was dust on every surface", "the sheets looked like they hadn't been changed"},
       {"it was clean enough, nothing more", "things were reasonably tidy for a short stay",
        "housekeeping kept things in normal shape", "it was tidy, about what you'd expect"}},
      {"price",
       {"it was great value for the nightly rate", "we got a fantastic rate for a downtown hotel",
        "it was cheaper than anything else nearby and worth every dollar",
        "the rate was a bargain"},
       {"it's way overpriced for what you get", "the resort fee on top of the rate was outrageous",
        "$300 a night is absurd for this", "hidden fees nearly doubled the cost of our stay"},
       {"the rate was about what other hotels in the area charge",
        "the rates are mid-range, as expected", "the nightly rate was standard for the season",
        "the cost was in line with the area"}}},
     {"room", "suite", "king room", "double room", "studio"},
     {"", "", "Stayed two nights in {}.", "We booked this hotel for a work trip in {}.",
      "Stayed here for a wedding in {}.", "Our family stayed here in {}.",
      "Spent a long weekend here in {}."},
     true},
    {"product",
     {{"battery life",
       {"it lasts two full days on a charge", "the battery easily gets me through a long workday",
        "I only charge it about twice a week",
        "the {} still had 40% left after a full day of heavy use"},
       {"it dies by lunchtime", "the battery drains even when the {} is switched off",
        "I have to charge it twice a day", "the {} barely lasts three hours unplugged"},
       {"the battery gets through a normal day, nothing more",
        "the {} lasts about as long as my old one between charges",
        "I charge it every night, like most gadgets",
        "it runs for around a day on a charge with normal use"}},
      {"build quality",
       {"it feels solid and well made", "the {} has a sturdy metal body that feels premium",
        "it survived a few drops without a scratch", "every button has a nice, solid click"},
       {"the {} feels cheap and plasticky", "a button fell off after two weeks",
        "the casing started cracking within a month",
        "the {} creaks and wobbles when you pick it up"},
       {"the {} feels like a typical plastic gadget", "it's reasonably sturdy, nothing special",
        "the {} is put together okay", "the finish is plain plastic, neither cheap nor premium"}},
      {"price",
       {"it was worth every penny", "it's a steal at this price",
        "it cost half what I expected to pay", "I can't believe how little I paid for it"},
       {"it's way overpriced for what it is", "I paid way too much for this {}",
        "it costs twice as much as similar models", "it's not worth the money at all"},
       {"it's priced about the same as similar models", "it cost about what I expected",
        "the price is in line with the competition", "it's a mid-range price for this kind of {}"}},
      {"shipping",
       {"it arrived two days early", "it showed up the next day, well packed",
        "delivery was faster than promised", "the package came quickly and in perfect condition"},
       {"it took three weeks to arrive", "the box showed up crushed and tracking never updated",
        "delivery was late twice and then the package was left out in the rain",
        "it went to the wrong address first"},
       {"it arrived within the estimated delivery window",
        "it came in about a week, as the site said", "delivery took the standard five days",
        "the package arrived on the expected date"}},
      {"customer support",
       {"the support rep sorted out my problem in one call",
        "their help desk replied within an hour and fixed it",
        "the agent on the phone was patient and knowledgeable",
        "support walked me through the setup step by step"},
       {"support never answered my emails", "I was on hold for an hour and then got disconnected",
        "the support agent just read from a script and couldn't help",
        "they keep closing my ticket without fixing anything"},
       {"I contacted support once and got a standard reply",
        "the help desk answered my question, nothing more",
        "their chat agent pointed me to a help article",
        "support got back to me in the usual couple of days"}}},
     {"phone", "tablet", "laptop", "speaker", "smartwatch", "headset", "e-reader", "camera",
      "cordless drill", "robot vacuum"},
     {"", "", "Bought this in {}.", "Ordered this in {} as a gift.", "I've had this since {}.",
      "Got this for my daughter in {}.", "Been using it daily since {}."},
     true},
};
// Clause templates that name the aspect, by polarity; "{}" = the aspect.
const std::vector<std::string_view> kPositive = {"the {} was excellent",
                                                 "I loved the {}",
                                                 "the {} exceeded my expectations",
                                                 "really impressed with the {}",
                                                 "the {} was great",
                                                 "can't complain about the {}, it was superb",
                                                 "the {} was fantastic",
                                                 "no complaints at all about the {}"};
const std::vector<std::string_view> kNegative = {"the {} was terrible",
                                                 "I was disappointed by the {}",
                                                 "the {} was a real letdown",
                                                 "the {} could not have been worse",
                                                 "not happy with the {} at all",
                                                 "the {} was awful",
                                                 "the {} was a joke",
                                                 "really unhappy with the {}"};
const std::vector<std::string_view> kNeutral = {"the {} was okay",
                                                "the {} was average",
                                                "the {} was about what I expected",
                                                "nothing special about the {}",
                                                "the {} was fine",
                                                "the {} was neither good nor bad"};
// Between two clauses of the same polarity, and between clauses of different polarities.
const std::vector<std::string_view> kSameConnectors = {". ", ", and ", ". Also, ", "; ",
                                                       ". Plus, "};
const std::vector<std::string_view> kContrastConnectors = {". But ", ", but ", "; however, ",
                                                           ". On the other hand, ", ", although "};
// Closing remarks by overall sentiment (positive, negative, neutral, mixed); no aspect in them.
const std::vector<std::string_view> kPositiveOutros = {
    "Highly recommend.", "Would recommend to anyone.", "Very happy overall.",
    "Glad I went with this one."};
const std::vector<std::string_view> kNegativeOutros = {"Not recommended.",
                                                       "Really disappointing overall.",
                                                       "I wouldn't recommend it.", "Never again."};
const std::vector<std::string_view> kNeutralOutros = {
    "It was fine overall.", "Neither great nor terrible.", "An okay experience.",
    "Can't say much more than that."};
const std::vector<std::string_view> kMixedOutros = {"Mixed feelings overall.",
                                                    "Some good, some bad.", "A bit of a mixed bag.",
                                                    "Hard to say if I'd recommend it."};

const std::vector<std::string_view>& generic_clauses(int polarity) {
  return polarity > 0 ? kPositive : polarity < 0 ? kNegative : kNeutral;
}

const std::vector<std::string_view>& natural_clauses(const Aspect& a, int polarity) {
  return polarity > 0 ? a.positive : polarity < 0 ? a.negative : a.neutral;
}

const std::vector<std::string_view> kInstructions = {
    "What is the sentiment of this review? Return JSON with sentiment (positive, negative, "
    "neutral or mixed) and aspects, each with its own sentiment.",
    "Do aspect-based sentiment analysis on the text below.",
    "Classify the customer feedback: overall sentiment plus per-aspect sentiment.",
    "Read the review and tell me how the customer felt about each thing they mentioned.",
};

const InstructionParts kParts = {
    {"Analyze the sentiment of", "Classify", "Rate the tone of", "Score", "Judge",
     "Tag the sentiment in", "Break down the sentiment of", "Read"},
    {"this review", "the feedback below", "this customer comment", "the following review",
     "this survey response", "this post", "what this customer wrote", "the text below"},
    {"", "", "as JSON", "overall and per aspect", "(sentiment plus aspects)", "aspect by aspect",
     "with per-aspect sentiment", "- positive, negative, neutral or mixed"},
};

void generate(Faker& f, Example* ex) {
  const Domain& d = f.pick(kDomains);
  std::vector<const Aspect*> aspects;
  for (const Aspect& a : d.aspects) aspects.push_back(&a);
  f.rng().shuffle(aspects);
  aspects.resize(static_cast<size_t>(f.integer(1, 3)));
  const std::string_view item = f.pick(d.items);
  std::vector<int> polarity(aspects.size());           // +1, -1, 0
  const int mood = static_cast<int>(f.integer(0, 3));  // 0 pos, 1 neg, 2 neutral, 3 mixed
  bool any_pos = false, any_neg = false;
  std::string body;
  for (size_t i = 0; i < aspects.size(); ++i) {
    const Aspect& a = *aspects[i];
    int p = mood == 0 ? 1 : mood == 1 ? -1 : mood == 2 ? 0 : static_cast<int>(f.integer(-1, 1));
    if (mood == 3 && i + 1 == aspects.size() && !(any_pos || p > 0)) p = 1;
    if (mood == 3 && i + 1 == aspects.size() && !(any_neg || p < 0) && aspects.size() > 1) p = -1;
    polarity[i] = p;
    any_pos |= p > 0;
    any_neg |= p < 0;
    if (i) body += f.pick(p == polarity[i - 1] ? kSameConnectors : kContrastConnectors);
    // Half the clauses name the aspect, half describe it.
    const bool natural = f.chance(0.5);
    const std::string_view clause = f.pick(natural ? natural_clauses(a, p) : generic_clauses(p));
    body += fill(clause, {natural ? item : a.name});
  }
  body += '.';
  // Sentence case: capitalize the first letter and every letter after ". ".
  for (size_t i = 0; i < body.size(); ++i) {
    if (i == 0 || (i >= 2 && body[i - 2] == '.' && body[i - 1] == ' ')) {
      body[i] = ascii_upper(body[i]);
    }
  }
  const std::string overall = any_pos && any_neg ? "mixed"
                              : any_pos          ? "positive"
                              : any_neg          ? "negative"
                                                 : "neutral";
  // Context before the opinions, as in real reviews.
  const std::string_view intro = f.pick(d.intros);
  if (!intro.empty()) {
    const int which = static_cast<int>(f.integer(d.month_intros ? 1 : 0, d.month_intros ? 12 : 6));
    body = fill(intro, {d.month_intros ? fake::month_name(which) : fake::weekday_name(which)}) +
           " " + body;
  }
  // A closing remark that agrees with the overall sentiment.
  if (f.chance(0.35)) {
    const std::vector<std::string_view>& outros = overall == "positive"   ? kPositiveOutros
                                                  : overall == "negative" ? kNegativeOutros
                                                  : overall == "neutral"  ? kNeutralOutros
                                                                          : kMixedOutros;
    body += " ";
    body += f.pick(outros);
  }
  if (f.chance(0.3)) body = f.with_typos(body, 0.08);
  ex->layout_id = static_cast<int>(f.integer(0, 2));
  std::string doc;
  if (ex->layout_id == 0) {
    doc = "Review by " + f.username(f.person()) + " (" + std::string(d.name) + ")\n";
    if (f.chance(0.6)) {
      // A star rating that agrees with the overall sentiment: 4-5 positive, 1-2 negative, 3
      // neutral or mixed.
      const int stars = overall == "positive"   ? static_cast<int>(f.integer(4, 5))
                        : overall == "negative" ? static_cast<int>(f.integer(1, 2))
                                                : 3;
      const int style = static_cast<int>(f.integer(0, 3));
      std::string rating;
      if (style == 0) {
        rating = "Rating: " + std::to_string(stars) + "/5";
      } else if (style == 1) {
        for (int s = 1; s <= 5; ++s) rating += s <= stars ? "★" : "☆";
      } else if (style == 2) {
        rating = std::to_string(stars) + " out of 5 stars";
      } else {
        rating = std::to_string(stars) + "/5";
      }
      doc += rating + "\n";
    }
    doc += body;
  } else if (ex->layout_id == 1) {
    doc = "\"" + body + "\"";
  } else {
    doc = "Survey response #" + f.digits(5) + "\nQ: How was your experience with our " +
          std::string(d.name) + "?\nA: " + body;
  }
  compose_prompt(f, ex, kInstructions, kParts, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("sentiment").str(overall);
  j.key("aspects").begin_array();
  for (size_t i = 0; i < aspects.size(); ++i) {
    j.begin_object().key("aspect").str(aspects[i]->name).key("sentiment");
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
