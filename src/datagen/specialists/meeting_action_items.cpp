// meeting_action_items: a meeting transcript with small talk, status updates, ideas parked for
// later, decisions and task assignments (asked and accepted, self-assigned, declined and taken by
// someone else) -> the action items (owner, task, due date resolved from the meeting date or
// null) and the decisions taken. Half the tasks are composed from open lists ("circulate the
// Tovaris pricing page"), so a task is copied from the transcript, not recalled; tasks are due by
// a weekday, by a date ("by September 16", "by Sep 16") or not at all ("no rush"); one meeting in
// twelve assigns nothing. The heading names the meeting and dates it in one of four styles, with
// an attendees line or not, and people phrase asking, offering, declining and deciding in several
// ways.
// Worked steps: one line per action item, its owner first, then the task and its due date as the
// transcript says them, then the date: by a weekday as a calculator call, "Derek: send the revised
// budget by Monday: <<next_weekday(2024-03-21, Monday)=2024-03-25>>"; by a date, "Mona: draft the
// headcount plan by Sep 16: 2024-09-16"; without one, "Aisha: review the CFO letter, no due date";
// "no action items" when there are none. The owner leads because the hand-written answers of
// session 22 named owners nobody in the meeting had. The task and its weekday are copied as one
// span (written apart, the model put the wrong weekday into the step in 25 of 30 wrong fresh
// answers), and the weekday argument keeps its space: ",Monday" is one token and " Monday", as
// the transcript says it, is another.
#include <optional>

#include "anvil/core/error.h"
#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kTasks = {
    "send the revised budget",    "book the conference room",   "update the project timeline",
    "draft the press release",    "review the vendor contract", "schedule the customer demo",
    "collect the survey results", "fix the login bug",          "prepare the board slides",
    "order the new laptops"};
const std::vector<std::string_view> kVerbs = {
    "send",     "draft",    "review",   "update",      "book",      "schedule", "collect",
    "finalize", "share",    "assemble", "renew",       "test",      "confirm",  "circulate",
    "write up", "clean up", "set up",   "sign off on", "proofread", "archive"};
const std::vector<std::string_view> kThings = {
    "budget",          "room booking",    "timeline",
    "press release",   "contract",        "demo",
    "survey results",  "board slides",    "laptop order",
    "changelog draft", "headcount plan",  "onboarding checklist",
    "price list",      "audit packet",    "travel policy",
    "forecast",        "pricing page",    "support rota",
    "training deck",   "security review", "launch checklist",
    "invoice backlog", "offsite agenda",  "status report",
    "dashboard"};
const std::vector<std::string_view> kTeams = {"Ops",         "Product", "Marketing", "Finance",
                                              "Engineering", "Sales",   "Design"};
const std::vector<std::string_view> kMeetings = {
    "{team} sync",   "{team} standup",   "Weekly {team} sync", "{team} planning",
    "Meeting notes", "Project check-in", "{team} weekly",      "Team meeting"};
const std::vector<std::string_view> kAccepts = {
    "Sure, will do.",   "Yep, on it.", "Will do.",    "Okay, I'll handle it.",
    "Yes, no problem.", "On it.",      "Sure thing.", "Can do."};
const std::vector<std::string_view> kOffers = {"I'll ", "I can ", "Let me ", "I'll go ahead and ",
                                               "I'm happy to "};
const std::vector<std::string_view> kDeclines = {
    "I'm out this week, sorry. Maybe {other}?", "Can't this week, sorry. Ask {other}?",
    "I'm swamped. What about {other}?", "I'm on PTO, sorry. Can {other} grab it?",
    "Not this week, I'm travelling. Maybe {other}?"};
const std::vector<std::string_view> kTakeOvers = {"No problem, I can take it.",
                                                  "Sure, I'll take it.", "Happy to.",
                                                  "I've got it.", "Sure, I'll grab it."};
// What follows a task with no due date, when anything does.
const std::vector<std::string_view> kNoRush = {
    "", "", " when you get a chance", ", no hard deadline on that", ", no rush", " at some point"};
const std::vector<std::string_view> kLaunchMoves = {
    "Decision: the launch moves to ", "We're moving the launch to ",
    "Heads up, the launch is pushed to ", "testing turned up a bug, so the release moves to "};
const std::vector<std::string_view> kVendorDecisions = {
    "So we're agreed: we'll go with {vendor} as the vendor.",
    "Agreed, let's go with {vendor}.",
    "Decision: {vendor} is our vendor.",
    "Let's lock in {vendor} as our {role}.",
    "Okay, {vendor} it is.",
    "We'll sign with {vendor} then."};
const std::vector<std::string_view> kVendorRoles = {"vendor", "supplier", "carrier", "partner"};
const std::vector<std::string_view> kOpenings = {
    "Good morning everyone.", "Can everyone hear me okay?", "Let's get started.",
    "Thanks for joining.",    "Okay, let's start.",         "morning all"};
const std::vector<std::string_view> kClosings = {"I think that covers it.",
                                                 "That's everything - thanks, everyone.",
                                                 "Thanks everyone.", "Great, talk next week."};
// Talk that assigns nothing: a status line ("Quick update on the Tovaris rollout: blocked on the
// vendor."), a reaction, or an idea parked for later.
const std::vector<std::string_view> kStatuses = {"looks good so far",
                                                 "over budget",
                                                 "still waiting on legal",
                                                 "slipped a little",
                                                 "better than expected",
                                                 "needs another pass",
                                                 "blocked on the vendor",
                                                 "a few issues last week",
                                                 "on track",
                                                 "about half done"};
const std::vector<std::string_view> kReactions = {"Makes sense.",  "Sounds good.", "Agreed.",
                                                  "Good to hear.", "ok, noted.",   "Nice."};
const std::vector<std::string_view> kParked = {
    "We should probably revisit the {thing} at some point.",
    "Someone should look at the {thing} too, but not now.",
    "Maybe we look at the {thing} next quarter.", "Let's park the {thing} for now."};

const std::vector<std::string_view> kInstructions = {
    "Extract the action items (owner, task, due as ISO date or null) and the decisions from this "
    "meeting transcript.",
    "Write up the follow-ups from the meeting below as JSON.",
    "Who agreed to do what, by when? Also list what was decided.",
};

const InstructionParts kParts = {
    {"List", "Extract", "Pull out", "Write up", "Give me", "Summarize"},
    {"the action items and decisions from this meeting", "the follow-ups from these notes",
     "who agreed to do what in this transcript", "the to-dos from this standup",
     "the action items (owner, task, due date) and decisions", "the tasks and decisions below"},
    {"", "as JSON", "(JSON)", "-> json", "with due dates as ISO or null", "JSON please"}};

struct Item {
  std::string owner, task;
  std::optional<fake::Date> due;
};

struct Meeting {
  fake::Date date;
  std::vector<std::string> people;
  std::string doc;
  bool stamped = false;
  int minute = 0;
  std::vector<Item> items;
  std::vector<std::string> decisions;
  std::string work;

  void say(const std::string& who, const std::string& what) {
    if (stamped) {
      doc += "[09:" + std::string(minute < 10 ? "0" : "") + std::to_string(minute) + "] ";
      ++minute;
    }
    doc += who + ": " + what + "\n";
  }
  const std::string& anyone(Faker& f) const {
    return people[static_cast<size_t>(f.integer(0, static_cast<int64_t>(people.size()) - 1))];
  }
};

std::vector<std::string> attendees(Faker& f) {
  std::vector<std::string> people;
  const int64_t n = f.integer(3, 4);
  while (static_cast<int64_t>(people.size()) < n) {
    std::string name = f.first_name();
    if (std::find(people.begin(), people.end(), name) == people.end()) people.push_back(name);
  }
  return people;
}

// The fixed tasks, or "VERB the [NAME] THING" from open lists; distinct.
std::vector<std::string> tasks(Faker& f, size_t n) {
  std::vector<std::string> out;
  while (out.size() < n) {
    std::string task;
    if (f.chance(0.5)) {
      task = std::string(f.pick(kTasks));
    } else {
      task = std::string(f.pick(kVerbs)) + " the ";
      if (f.chance(0.4)) task += (f.chance(0.5) ? f.coined_name(2, 2) : f.last_name()) + " ";
      task += f.pick(kThings);
    }
    if (std::find(out.begin(), out.end(), task) == out.end()) out.push_back(task);
  }
  return out;
}

// "Ops sync - Mar 12, 2024", "Meeting notes - Tuesday, March 12, 2024", "Product standup -
// 2024-05-15 (Wednesday)", "Team meeting - Wed 2024-05-15"; sometimes an attendees line.
std::string heading(Faker& f, const Meeting& m) {
  const std::string_view meeting = f.pick(kMeetings);
  std::string title = expand(meeting, {{"team", std::string(f.pick(kTeams))}});
  const int style = static_cast<int>(f.integer(0, 3));
  const std::string weekday = fake::weekday_name(fake::weekday(m.date));
  if (style == 0) title += " - " + fake::format_date(m.date, fake::DateFormat::kLongWeekday);
  if (style == 1) title += " - " + fake::format_date(m.date, fake::DateFormat::kAbbrev);
  if (style == 2) title += " - " + fake::iso_date(m.date) + " (" + weekday + ")";
  if (style == 3) title += " - " + weekday.substr(0, 3) + " " + fake::iso_date(m.date);
  if (f.chance(0.3)) {
    title += "\nAttendees: ";
    for (size_t i = 0; i < m.people.size(); ++i) title += (i ? ", " : "") + m.people[i];
  }
  return title + "\n";
}

// A line that assigns nothing.
void talk(Faker& f, Meeting* m) {
  const std::string who = m->anyone(f);
  const int kind = static_cast<int>(f.integer(0, 2));
  if (kind == 0) {
    const std::string what =
        f.chance(0.5) ? std::string(f.pick(kThings)) : f.coined_name(2, 2) + " rollout";
    const std::string status(f.pick(kStatuses));
    m->say(who, (f.chance(0.4) ? "Quick update on the " : "The ") + what + ": " + status + ".");
  } else if (kind == 1) {
    m->say(who, std::string(f.pick(kReactions)));
  } else {
    const std::string_view parked = f.pick(kParked);
    m->say(who, expand(parked, {{"thing", std::string(f.pick(kThings))}}));
  }
}

// How a due date is said after the task (" by Thursday", " by September 16", " by Sep 16", or
// nothing) and the worked step from it, owner first: "Derek: send the price list by Thursday:
// <<next_weekday(2024-03-12, Thursday)=2024-03-14>>", "Mona: draft the plan by September 16:
// 2024-09-16", "Aisha: review the CFO letter, no due date".
std::string plan_due(Faker& f, const Meeting& m, Item* it, std::string* step_tail) {
  const int kind = static_cast<int>(f.integer(0, 9));
  if (kind < 5) {
    const int wd = static_cast<int>(f.integer(0, 4));
    int delta = (wd - fake::weekday(m.date) + 7) % 7;
    it->due = fake::add_days(m.date, delta == 0 ? 7 : delta);
    const std::string said = std::string(" by ") + fake::weekday_name(wd);
    const std::string call =
        "next_weekday(" + fake::iso_date(m.date) + ", " + fake::weekday_name(wd) + ")";
    if (calculator_result(call) != fake::iso_date(*it->due))
      throw Error("meeting_action_items: " + call + " is not " + fake::iso_date(*it->due));
    *step_tail = said + ": " + calculator_step(call);
    return said;
  }
  if (kind < 7) {
    it->due = fake::add_days(m.date, f.integer(3, 40));
    const std::string said = " by " +
                             std::string(f.chance(0.5) ? fake::month_name(it->due->month)
                                                       : fake::month_abbr(it->due->month)) +
                             " " + std::to_string(it->due->day);
    *step_tail = said + ": " + fake::iso_date(*it->due);
    return said;
  }
  *step_tail = ", no due date";
  return std::string(f.pick(kNoRush));
}

// One task assigned: asked and accepted, offered, or declined and taken by someone else.
void assign(Faker& f, Meeting* m, const std::string& task) {
  Item it;
  it.task = task;
  std::string step_tail;
  const std::string when = plan_due(f, *m, &it, &step_tail);
  const size_t n = m->people.size();
  const size_t asker = static_cast<size_t>(f.integer(0, static_cast<int64_t>(n) - 1));
  const size_t first =
      (asker + 1 + static_cast<size_t>(f.integer(0, static_cast<int64_t>(n) - 2))) % n;
  const bool please = f.chance(0.3);
  const bool can = f.chance(0.5);
  const std::string ask = m->people[first] +
                          (please ? ", please "
                           : can  ? ", can you "
                                  : ", could you ") +
                          task + when + (please ? "." : "?");
  const int style = static_cast<int>(f.integer(0, 2));
  if (style == 0) {
    m->say(m->people[asker], ask);
    m->say(m->people[first], std::string(f.pick(kAccepts)));
    it.owner = m->people[first];
  } else if (style == 1) {
    m->say(m->people[first], std::string(f.pick(kOffers)) + task + when + ".");
    it.owner = m->people[first];
  } else {
    const size_t other = (first + 1) % n;
    m->say(m->people[asker], ask);
    m->say(m->people[first], expand(f.pick(kDeclines), {{"other", m->people[other]}}));
    m->say(m->people[other], std::string(f.pick(kTakeOvers)));
    it.owner = m->people[other];
  }
  m->work += (m->work.empty() ? "" : "\n") + it.owner + ": " + task + step_tail;
  m->items.push_back(std::move(it));
}

void decide(Faker& f, Meeting* m) {
  if (f.chance(0.6)) {
    const std::string vendor = f.company().name;
    const std::string who = m->anyone(f);
    const std::string_view said = f.pick(kVendorDecisions);
    const std::string role(f.pick(kVendorRoles));
    m->say(who, expand(said, {{"vendor", vendor}, {"role", role}}));
    m->decisions.push_back("go with " + vendor + " as the vendor");
  }
  if (f.chance(0.35)) {
    const fake::Date launch = fake::add_days(m->date, f.integer(14, 90));
    m->say(m->people.back(), std::string(f.pick(kLaunchMoves)) +
                                 fake::format_date(launch, fake::DateFormat::kLong) + ".");
    m->decisions.push_back("move the launch to " + fake::iso_date(launch));
  }
}

void generate(Faker& f, Example* ex) {
  Meeting m;
  m.date = f.recent_date();
  m.people = attendees(f);
  m.doc = heading(f, m);
  ex->layout_id = static_cast<int>(f.integer(0, 1));  // "Name:" vs "[hh:mm] Name:"
  m.stamped = ex->layout_id == 1;
  m.say(m.people[0], std::string(f.pick(kOpenings)));
  const size_t n_items = f.chance(0.08) ? 0 : static_cast<size_t>(f.integer(1, 3));
  for (const std::string& task : tasks(f, n_items)) {
    if (f.chance(0.4)) talk(f, &m);
    assign(f, &m, task);
  }
  if (n_items == 0 || f.chance(0.25)) talk(f, &m);
  decide(f, &m);
  if (f.chance(0.6)) m.say(m.people[0], std::string(f.pick(kClosings)));
  m.doc.pop_back();
  ex->work = m.items.empty() ? "no action items" : m.work;
  compose_prompt(f, ex, kInstructions, kParts, m.doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("action_items").begin_array();
  for (const Item& it : m.items) {
    j.begin_object().key("owner").str(it.owner).key("task").str(it.task).key("due");
    it.due ? j.str(fake::iso_date(*it.due)) : j.null();
    j.end_object();
  }
  j.end_array();
  j.key("decisions").begin_array();
  for (const auto& d : m.decisions) j.str(d);
  j.end_array();
  j.end_object();
}

}  // namespace

SpecialistSpec meeting_action_items_spec() {
  return {
      "meeting_action_items",
      "meeting transcripts (asked, self-assigned, declined tasks; due by a weekday, a date or not "
      "at all; status talk and parked ideas) -> action items, decisions",
      {{"action_items", FieldKind::kSet}, {"decisions", FieldKind::kSet}},
      &generate};
}

}  // namespace anvil::datagen::specialists
