// fact_verification (belief revision): a numbered set of current beliefs about a project and new
// evidence items from sources of different reliability -> the revised belief set. Reliable
// evidence (official notices, minutes, the sponsor's own email) replaces a contradicted belief or
// adds a new one; confirmations change nothing; hearsay is ignored. The beliefs are listed in one
// of five layouts; about half the evidence says its claim in other words than the belief sentences
// ("Orchid will now be delivered on August 15, 2025", "the Orchid team relocated to Tucson"),
// as people report news.
// Worked steps: first an index of the beliefs, each one's subject followed by its id ("beliefs:
// deadline B1, budget B2, team works from B3"); then each evidence item in order, one line each:
// its number, whether its source is reliable or hearsay, and for a reliable one its subject and
// what it does ("3 reliable: budget B2, replaces", "1 hearsay: ignored", "2 reliable: deadline B1,
// confirms", "4 reliable: team has, new fact"). The revised set follows from those lines. With the
// subject written just before the id in the index, finding which belief an item is about is
// copying what followed the subject there (session 20's steps wrote "replaces B2" directly; in 10
// of 12 wrong fresh answers the first error was the wrong belief, or none, or one where there was
// none).
#include <optional>

#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kReliable = {
    "Official memo from the PMO", "Email from the sponsor's office", "Signed change request",
    "Minutes of the steering committee", "Quarterly portfolio review (official)"};
const std::vector<std::string_view> kHearsay = {
    "Overheard in the break room", "Someone mentioned on chat", "Unconfirmed rumor",
    "A comment in the hallway",    "Chat message, unverified",  "Second-hand from a contractor"};
const std::vector<std::string_view> kStatuses = {"on track", "at risk", "delayed", "on hold"};

const std::vector<std::string_view> kInstructions = {
    "Revise the beliefs given the new evidence. Only reliable sources (official or first-hand) "
    "change beliefs; ignore hearsay. Give back revised_beliefs, retracted (ids) and added.",
    "Belief revision: update the fact list with the evidence below and return the new set.",
    "Below: our beliefs so far, then new evidence. Which beliefs survive it?",
    "Update our facts about the project with these reports (only sources that are official or saw "
    "it "
    "first-hand; rumors change nothing). JSON: revised_beliefs, retracted, added.",
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

// A value as the beliefs write it, and as a report may say it ("August 15, 2025", "$560,000").
struct Value {
  std::string canonical;
  std::string said;
};

Value value(Faker& f, Attr a) {
  switch (a) {
    case kDeadline: {
      const fake::Date d = f.recent_date();
      return {fake::iso_date(d),
              fake::format_date(d, f.pick(std::vector<fake::DateFormat>{fake::DateFormat::kLong,
                                                                        fake::DateFormat::kAbbrev,
                                                                        fake::DateFormat::kIso}))};
    }
    case kBudget: {
      const std::string money =
          fake::format_money(f.integer(20, 900) * 100000, fake::MoneyStyle::kSymbol, usd());
      return {money, f.chance(0.5) ? money.substr(0, money.size() - 3) : money};  // "$560,000"
    }
    case kLead: {
      const fake::Person p = f.person();
      return {p.first + " " + p.last, p.first + " " + p.last};
    }
    case kStatus: {
      const std::string s(f.pick(kStatuses));
      return {s, s};
    }
    case kLocation: {
      const std::string c(f.pick(f.locale().cities).name);
      return {c, c};
    }
    default: {
      const std::string n = std::to_string(f.integer(3, 40));
      return {n, n};
    }
  }
}

// A claim in other words than the belief sentence, about `project` (as the report calls it) and
// `v` (the value as said): news, or that the belief `still` holds.
std::string reworded(Faker& f, Attr a, bool still, const std::string& project,
                     const std::string& v) {
  static const std::vector<std::vector<std::string_view>> kNew = {
      {"the {p} deadline moves to {v}", "{p} will now be delivered on {v}",
       "the due date for {p} is now {v}"},
      {"the {p} budget is now {v}", "{p} gets a budget of {v}", "funding for {p} changed to {v}"},
      {"{v} now leads {p}", "{v} takes over as {p} lead", "the new lead of {p} is {v}"},
      {"{p} is now {v}", "{p} has been marked {v}", "the status of {p} changed to {v}"},
      {"the {p} team moves to {v}", "{p} now works out of {v}", "the {p} team relocated to {v}"},
      {"{p} now has {v} people", "the {p} team is {v} people now", "headcount on {p} is {v}"}};
  static const std::vector<std::vector<std::string_view>> kStill = {
      {"the {p} deadline stays {v}", "{p} is still due on {v}"},
      {"the {p} budget stays at {v}", "{p} keeps its budget of {v}"},
      {"{v} is still the {p} lead", "{v} keeps leading {p}"},
      {"{p} is still {v}", "{p} remains {v}"},
      {"the {p} team stays in {v}", "{p} still works out of {v}"},
      {"{p} still has {v} people", "headcount on {p} stays at {v}"}};
  std::string claim = expand(f.pick((still ? kStill : kNew)[a]), {{"p", project}, {"v", v}});
  claim[0] = ascii_upper(claim[0]);
  return claim + ".";
}

struct Belief {
  std::string id;
  Attr attr;
  std::string value;
  bool retracted = false;
};

// The beliefs in one of five layouts, with the heading of the evidence list that follows.
std::string belief_list(int layout, const std::vector<Belief>& beliefs,
                        const std::string& project) {
  static const char* const kHeads[] = {
      "Current beliefs:\n", "Knowledge base (id | statement)\n",
      "As of last week we held these facts:", "| id | belief |\n|---|---|\n", "Facts on file:\n"};
  static const char* const kEvidence[] = {"New evidence:\n", "Incoming reports:\n",
                                          "Since then we received:\n", "Reported this week:\n",
                                          "News since then:\n"};
  std::string doc = kHeads[layout];
  for (const Belief& b : beliefs) {
    const std::string s = sentence(b.attr, project, b.value);
    static const char* const kRow[][2] = {
        {"", ". "}, {"", " | "}, {" [", "] "}, {"| ", " | "}, {"", ": "}};
    doc += kRow[layout][0] + b.id + kRow[layout][1] + s + (layout == 3 ? " |" : "") +
           (layout == 2 ? "" : "\n");
  }
  return doc + (layout == 2 ? "\n\n" : "\n") + kEvidence[layout];
}

// The beliefs and additions of one record, as the reports come in.
struct Revision {
  std::string project, word;  // "Project Orchard", "Orchard"
  std::vector<int> attrs;     // shuffled: the first ones are believed, the rest may be added
  std::vector<Belief> beliefs;
  std::vector<std::pair<Attr, std::string>> added;  // new attributes, latest reliable value
};

struct Report {
  std::string claim;   // "The Project Orchard budget is $560,000.00."
  std::string effect;  // "budget B2, replaces"
};

// The e-th report: a contradiction, a confirmation or a new fact, said as the belief sentences say
// it or in other words; a reliable one revises `r`. None when no different value was found.
std::optional<Report> report(Faker& f, Revision& r, int64_t e, bool reliable) {
  const int kind = static_cast<int>(f.integer(0, 2));  // 0 contradict, 1 confirm, 2 new fact
  const bool in_other_words = f.chance(0.5);
  const std::string called = f.chance(0.5) ? r.project : r.word;  // how the report names it
  const size_t n_beliefs = r.beliefs.size();
  if (kind == 2) {
    const Attr a = static_cast<Attr>(
        r.attrs[n_beliefs + static_cast<size_t>(e) % (r.attrs.size() - n_beliefs)]);
    const Value v = value(f, a);
    if (reliable) {
      auto it =
          std::find_if(r.added.begin(), r.added.end(), [&](const auto& x) { return x.first == a; });
      if (it != r.added.end()) {
        it->second = v.canonical;
      } else {
        r.added.emplace_back(a, v.canonical);
      }
    }
    return Report{in_other_words ? reworded(f, a, false, called, v.said)
                                 : sentence(a, r.project, v.canonical),
                  std::string(subject(a)) + ", new fact"};
  }
  Belief& b = r.beliefs[static_cast<size_t>(f.integer(0, static_cast<int64_t>(n_beliefs) - 1))];
  const std::string about = std::string(subject(b.attr)) + " " + b.id;
  if (kind == 1) {
    std::string claim = in_other_words ? reworded(f, b.attr, true, called, b.value)
                                       : sentence(b.attr, r.project, b.value);
    // Hearsay only repeats the belief; calling it "confirmed" would contradict its source.
    if (reliable && !in_other_words) claim.insert(claim.size() - 1, " (confirmed)");
    return Report{claim, about + ", confirms"};
  }
  Value v = value(f, b.attr);
  for (int tries = 0; v.canonical == b.value && tries < 8; ++tries) v = value(f, b.attr);
  if (v.canonical == b.value) return std::nullopt;  // (vanishingly rare) no different value
  Report out{in_other_words ? reworded(f, b.attr, false, called, v.said)
                            : sentence(b.attr, r.project, v.canonical),
             about + ", replaces"};
  if (reliable) {
    b.retracted = true;
    b.value = v.canonical;  // the belief now holds the new value
  }
  return out;
}

void write_answer(const Revision& r, std::string* response) {
  JsonBuilder j(response);
  j.begin_object();
  j.key("revised_beliefs").begin_array();
  for (const Belief& b : r.beliefs) j.str(sentence(b.attr, r.project, b.value));
  for (const auto& [a, v] : r.added) j.str(sentence(a, r.project, v));
  j.end_array();
  j.key("retracted").begin_array();
  for (const Belief& b : r.beliefs) {
    if (b.retracted) j.str(b.id);
  }
  j.end_array();
  j.key("added").begin_array();
  for (const auto& [a, v] : r.added) j.str(sentence(a, r.project, v));
  j.end_array();
  j.end_object();
}

void generate(Faker& f, Example* ex) {
  Revision r;
  r.word = f.pick(f.locale().company_words);
  r.project = "Project " + r.word;
  r.attrs = {kDeadline, kBudget, kLead, kStatus, kLocation, kTeamSize};
  f.rng().shuffle(r.attrs);
  const size_t n_beliefs = static_cast<size_t>(f.integer(3, 5));
  for (size_t i = 0; i < n_beliefs; ++i) {
    const Attr a = static_cast<Attr>(r.attrs[i]);
    r.beliefs.push_back({"B" + std::to_string(i + 1), a, value(f, a).canonical});
  }
  ex->layout_id = static_cast<int>(f.integer(0, 4));
  std::string doc = belief_list(ex->layout_id, r.beliefs, r.project);
  const int bullets = static_cast<int>(f.integer(0, 2));  // "- ", "* ", "1. "
  ex->work = "beliefs:";
  for (const Belief& b : r.beliefs)
    ex->work += std::string(&b == r.beliefs.data() ? " " : ", ") + std::string(subject(b.attr)) +
                " " + b.id;
  const int64_t n_evidence = f.integer(1, 4);
  int written = 0;  // evidence items in the document
  for (int64_t e = 0; e < n_evidence; ++e) {
    const bool reliable = f.chance(0.65);
    const std::string source(reliable ? f.pick(kReliable) : f.pick(kHearsay));
    const std::optional<Report> item = report(f, r, e, reliable);
    if (!item) continue;
    ++written;
    doc += (bullets == 0   ? "- "
            : bullets == 1 ? "* "
                           : std::to_string(written) + ". ") +
           source + ": " + item->claim + "\n";
    ex->work += "\n" + std::to_string(written) +
                (reliable ? " reliable: " + item->effect : " hearsay: ignored");
  }
  doc.pop_back();
  compose_prompt(f, ex, kInstructions, doc);
  write_answer(r, &ex->response);
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
