// fact_verification (belief revision): a numbered set of current beliefs about a project and new
// evidence items from sources of different reliability -> the revised belief set. Reliable
// evidence (official notices, the owner's own email) replaces a contradicted belief or adds a new
// one; confirmations change nothing; hearsay is ignored.
// Worked steps: first an index of the beliefs, each one's subject followed by its id ("beliefs:
// deadline B1, budget B2, team works from B3"); then each evidence item in order, one line each:
// its number, whether its source is reliable or hearsay, and for a reliable one its subject and
// what it does ("3 reliable: budget B2, replaces", "1 hearsay: ignored", "2 reliable: deadline B1,
// confirms", "4 reliable: team has, new fact"). The revised set follows from those lines. With the
// subject written just before the id in the index, finding which belief an item is about is
// copying what followed the subject there (session 20's steps wrote "replaces B2" directly; in 10
// of 12 wrong fresh answers the first error was the wrong belief, or none, or one where there was
// none).
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kReliable = {
    "Official memo from the PMO", "Email from the project sponsor", "Signed change request"};
const std::vector<std::string_view> kHearsay = {"Overheard in the break room",
                                                "Someone mentioned on chat", "Unconfirmed rumor"};
const std::vector<std::string_view> kStatuses = {"on track", "at risk", "delayed", "on hold"};

const std::vector<std::string_view> kInstructions = {
    "Revise the beliefs given the new evidence. Only reliable sources (official or first-hand) "
    "change beliefs; ignore hearsay. Return revised_beliefs, retracted (ids) and added.",
    "Belief revision: update the fact list with the evidence below and return the new set.",
    "Here is what we believed and what we just learned. Which beliefs still hold?",
};

// Belief attributes; the sentence for a value is fixed so answers compare exactly.
enum Attr { kDeadline, kBudget, kLead, kStatus, kLocation, kTeamSize, kAttrCount };

std::string sentence(Attr a, const std::string& project, const std::string& v) {
  switch (a) {
    case kDeadline:
      return "The " + project + " deadline is " + v + ".";
    case kBudget:
      return "The " + project + " budget is " + v + ".";
    case kLead:
      return "The " + project + " lead is " + v + ".";
    case kStatus:
      return "The " + project + " status is " + v + ".";
    case kLocation:
      return "The " + project + " team works from " + v + ".";
    default:
      return "The " + project + " team has " + v + " people.";
  }
}

// The words of the sentence between the project and the value: what a belief is about.
std::string_view subject(Attr a) {
  static const char* const kSubjects[] = {"deadline", "budget",          "lead",
                                          "status",   "team works from", "team has"};
  return kSubjects[a];
}

std::string value(Faker& f, Attr a) {
  switch (a) {
    case kDeadline:
      return fake::iso_date(f.recent_date());
    case kBudget:
      return fake::format_money(f.integer(20, 900) * 100000, fake::MoneyStyle::kSymbol, usd());
    case kLead: {
      const fake::Person p = f.person();
      return p.first + " " + p.last;
    }
    case kStatus:
      return std::string(f.pick(kStatuses));
    case kLocation:
      return std::string(f.pick(f.locale().cities).name);
    default:
      return std::to_string(f.integer(3, 40));
  }
}

void generate(Faker& f, Example* ex) {
  const std::string project = "Project " + std::string(f.pick(f.locale().company_words));
  std::vector<int> attrs = {kDeadline, kBudget, kLead, kStatus, kLocation, kTeamSize};
  f.rng().shuffle(attrs);
  const size_t n_beliefs = static_cast<size_t>(f.integer(3, 5));
  struct Belief {
    std::string id;
    Attr attr;
    std::string value;
    bool retracted = false;
  };
  std::vector<Belief> beliefs;
  for (size_t i = 0; i < n_beliefs; ++i) {
    const Attr a = static_cast<Attr>(attrs[i]);
    beliefs.push_back({"B" + std::to_string(i + 1), a, value(f, a)});
  }
  ex->layout_id = static_cast<int>(f.integer(0, 2));
  std::string doc;
  if (ex->layout_id == 0) {
    doc = "Current beliefs:\n";
    for (const Belief& b : beliefs) doc += b.id + ". " + sentence(b.attr, project, b.value) + "\n";
    doc += "\nNew evidence:\n";
  } else if (ex->layout_id == 1) {
    doc = "Knowledge base (id | statement)\n";
    for (const Belief& b : beliefs) doc += b.id + " | " + sentence(b.attr, project, b.value) + "\n";
    doc += "\nIncoming reports:\n";
  } else {
    doc = "As of last week we held these facts:";
    for (const Belief& b : beliefs) doc += " [" + b.id + "] " + sentence(b.attr, project, b.value);
    doc += "\n\nSince then we received:\n";
  }
  ex->work = "beliefs:";
  for (const Belief& b : beliefs)
    ex->work +=
        std::string(&b == beliefs.data() ? " " : ", ") + std::string(subject(b.attr)) + " " + b.id;
  std::vector<std::pair<Attr, std::string>> added;  // new attributes, latest reliable value
  const int64_t n_evidence = f.integer(1, 4);
  int written = 0;  // evidence items in the document
  for (int64_t e = 0; e < n_evidence; ++e) {
    const bool reliable = f.chance(0.65);
    const std::string source(reliable ? f.pick(kReliable) : f.pick(kHearsay));
    const int kind = static_cast<int>(f.integer(0, 2));  // 0 contradict, 1 confirm, 2 new fact
    std::string claim, effect;
    if (kind == 2) {
      const Attr a =
          static_cast<Attr>(attrs[n_beliefs + static_cast<size_t>(e) % (attrs.size() - n_beliefs)]);
      const std::string v = value(f, a);
      claim = sentence(a, project, v);
      effect = std::string(subject(a)) + ", new fact";
      if (reliable) {
        auto it =
            std::find_if(added.begin(), added.end(), [&](const auto& x) { return x.first == a; });
        if (it != added.end()) {
          it->second = v;
        } else {
          added.emplace_back(a, v);
        }
      }
    } else {
      Belief& b = beliefs[static_cast<size_t>(f.integer(0, static_cast<int64_t>(n_beliefs) - 1))];
      if (kind == 0) {
        std::string v = value(f, b.attr);
        for (int tries = 0; v == b.value && tries < 8; ++tries) v = value(f, b.attr);
        if (v == b.value) continue;  // (vanishingly rare) no different value found
        claim = sentence(b.attr, project, v);
        effect = std::string(subject(b.attr)) + " " + b.id + ", replaces";
        if (reliable) {
          b.retracted = true;
          b.value = v;  // the belief now holds the new value
        }
      } else {
        claim = sentence(b.attr, project, b.value);
        effect = std::string(subject(b.attr)) + " " + b.id + ", confirms";
        // Hearsay only repeats the belief; calling it "confirmed" would contradict its source.
        if (reliable) claim.insert(claim.size() - 1, " (confirmed)");
      }
    }
    doc += "- " + source + ": " + claim + "\n";
    ex->work += "\n" + std::to_string(++written) +
                (reliable ? " reliable: " + effect : " hearsay: ignored");
  }
  doc.pop_back();
  compose_prompt(f, ex, kInstructions, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("revised_beliefs").begin_array();
  for (const Belief& b : beliefs) j.str(sentence(b.attr, project, b.value));
  for (const auto& [a, v] : added) j.str(sentence(a, project, v));
  j.end_array();
  j.key("retracted").begin_array();
  for (const Belief& b : beliefs) {
    if (b.retracted) j.str(b.id);
  }
  j.end_array();
  j.key("added").begin_array();
  for (const auto& [a, v] : added) j.str(sentence(a, project, v));
  j.end_array();
  j.end_object();
}

}  // namespace

SpecialistSpec fact_verification_spec() {
  return {"fact_verification",
          "beliefs + evidence of mixed reliability -> revised belief set, retracted ids, additions",
          {{"revised_beliefs", FieldKind::kSet},
           {"retracted", FieldKind::kSet},
           {"added", FieldKind::kSet}},
          &generate};
}

}  // namespace anvil::datagen::specialists
