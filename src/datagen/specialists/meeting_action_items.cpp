// meeting_action_items: a meeting transcript with small talk, decisions and task assignments
// (including tasks declined and picked up by someone else, and self-assigned ones) -> the action
// items (owner, task, due date resolved from the meeting date) and the decisions taken. Half the
// tasks are composed from open lists ("circulate the Tovaris pricing page"), so a task is copied
// from the transcript, not recalled; the heading dates the meeting in one of three styles and
// people phrase asking, offering, declining and deciding in several ways.
// Worked steps: each task with a weekday as the transcript says it, then its due date as a
// calculator call: "send the revised budget by Monday:
// <<next_weekday(2024-03-21, Monday)=2024-03-25>>" (the task and its weekday copied as one span;
// written apart, the model put the wrong weekday into the step in every one of the 25 of 30 fresh
// answers it got wrong, owners and tasks all right, mostly "Wednesday" or "Friday"). The weekday
// argument keeps its space: ",Monday" is one token and " Monday", as the transcript says it, is
// another, so without the space the step's weekday is not a copy of any token before it.
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
    "release notes",   "hiring plan",     "onboarding checklist",
    "rate sheet",      "audit packet",    "travel policy",
    "forecast",        "pricing page",    "support rota",
    "training deck",   "security review", "launch checklist",
    "invoice backlog", "offsite agenda",  "status report",
    "dashboard"};
const std::vector<std::string_view> kTeams = {"Ops",         "Product", "Marketing", "Finance",
                                              "Engineering", "Sales",   "Design"};
const std::vector<std::string_view> kAccepts = {"Sure, will do.", "Yep, on it.", "Will do.",
                                                "Okay, I'll handle it."};
const std::vector<std::string_view> kOffers = {"I'll ", "I can ", "Let me "};
const std::vector<std::string_view> kDeclines = {
    "I'm out this week, sorry. Maybe ", "Can't this week, sorry. Ask ", "I'm swamped. What about "};
const std::vector<std::string_view> kTakeOvers = {"No problem, I can take it.",
                                                  "Sure, I'll take it.", "Happy to."};
const std::vector<std::string_view> kLaunchMoves = {"Decision: the launch moves to ",
                                                    "We're moving the launch to ",
                                                    "Heads up, the launch is pushed to "};
const std::vector<std::string_view> kVendorDecisions = {
    "So we're agreed: we'll go with {vendor} as the vendor.", "Agreed, let's go with {vendor}.",
    "Decision: {vendor} is our vendor."};
const std::vector<std::string_view> kChatter = {"Good morning everyone.",
                                                "Can everyone hear me okay?",
                                                "Let's get started.",
                                                "Thanks for joining.",
                                                "Quick update from my side: things are moving.",
                                                "I think that covers it."};

const std::vector<std::string_view> kInstructions = {
    "Extract the action items (owner, task, due as ISO date or null) and the decisions from this "
    "meeting transcript.",
    "Write up the follow-ups from the meeting below as JSON.",
    "Who agreed to do what, by when? Also list what was decided.",
};

void generate(Faker& f, Example* ex) {
  const fake::Date meeting = f.recent_date();
  std::vector<std::string> people;
  const int64_t n_people = f.integer(3, 4);
  while (static_cast<int64_t>(people.size()) < n_people) {
    std::string name = f.first_name();
    bool dup = false;
    for (const auto& p : people) dup |= p == name;
    if (!dup) people.push_back(name);
  }
  struct Item {
    std::string owner;
    std::string task;
    bool has_due;
    fake::Date due;
  };
  std::vector<Item> items;
  std::vector<std::string> decisions;
  // The tasks: the fixed ones, or "VERB the [NAME] THING" from open lists.
  std::vector<std::string> tasks;
  while (tasks.size() < 3) {
    std::string task =
        f.chance(0.5)
            ? std::string(f.pick(kTasks))
            : std::string(f.pick(kVerbs)) + " the " +
                  (f.chance(0.4) ? (f.chance(0.5) ? f.coined_name(2, 2) : f.last_name()) + " "
                                 : std::string()) +
                  std::string(f.pick(kThings));
    if (std::find(tasks.begin(), tasks.end(), task) == tasks.end()) tasks.push_back(task);
  }
  const int heading = static_cast<int>(f.integer(0, 2));
  std::string doc =
      heading == 0
          ? "Meeting notes - " + fake::format_date(meeting, fake::DateFormat::kLongWeekday) + "\n"
      : heading == 1 ? std::string(f.pick(kTeams)) + " sync - " +
                           fake::format_date(meeting, fake::DateFormat::kAbbrev) + "\n"
                     : std::string(f.pick(kTeams)) + " standup - " + fake::iso_date(meeting) +
                           " (" + fake::weekday_name(fake::weekday(meeting)) + ")\n";
  ex->layout_id = static_cast<int>(f.integer(0, 1));  // "Name:" vs "[hh:mm] Name:"
  int minute = 0;
  auto say = [&](const std::string& who, const std::string& what) {
    if (ex->layout_id == 1) {
      doc += "[00:" + std::string(minute < 10 ? "0" : "") + std::to_string(minute) + "] ";
      minute += 1;
    }
    doc += who + ": " + what + "\n";
  };
  say(people[0], std::string(f.pick(kChatter)));
  const int64_t n_items = f.integer(1, 3);
  for (int64_t i = 0; i < n_items; ++i) {
    Item it;
    it.task = tasks[static_cast<size_t>(i)];
    it.has_due = f.chance(0.7);
    const int wd = static_cast<int>(f.integer(0, 4));
    int delta = (wd - fake::weekday(meeting) + 7) % 7;
    if (delta == 0) delta = 7;
    it.due = fake::add_days(meeting, delta);
    if (it.has_due) {
      const std::string step = "next_weekday(" + fake::iso_date(meeting) + ", " +
                               std::string(fake::weekday_name(wd)) + ")";
      ex->work += (ex->work.empty() ? "" : "\n") + std::string(it.task) + " by " +
                  std::string(fake::weekday_name(wd)) + ": " + calculator_step(step);
      if (calculator_result(step) != fake::iso_date(it.due))
        throw Error("meeting_action_items: " + step + " is not " + fake::iso_date(it.due));
    }
    const std::string by = it.has_due ? std::string(" by ") + fake::weekday_name(wd) : "";
    const size_t asker = static_cast<size_t>(f.integer(0, static_cast<int64_t>(people.size()) - 1));
    const size_t first =
        (asker + 1 + static_cast<size_t>(f.integer(0, static_cast<int64_t>(people.size()) - 2))) %
        people.size();
    const int style = static_cast<int>(f.integer(0, 2));
    const bool please = f.chance(0.3);
    const std::string ask = people[first] +
                            (please          ? ", please "
                             : f.chance(0.5) ? ", can you "
                                             : ", could you ") +
                            it.task + by + (please ? "." : "?");
    if (style == 0) {  // asked and accepted
      say(people[asker], ask);
      say(people[first], std::string(f.pick(kAccepts)));
      it.owner = people[first];
    } else if (style == 1) {  // self-assigned
      say(people[first], std::string(f.pick(kOffers)) + it.task + by + ".");
      it.owner = people[first];
    } else {  // declined, then someone else takes it
      size_t other = (first + 1) % people.size();
      say(people[asker], ask);
      say(people[first], std::string(f.pick(kDeclines)) + people[other] + "?");
      say(people[other], std::string(f.pick(kTakeOvers)));
      it.owner = people[other];
    }
    items.push_back(it);
  }
  if (f.chance(0.7)) {
    const std::string vendor = f.company().name;
    say(people[0], expand(f.pick(kVendorDecisions), {{"vendor", vendor}}));
    decisions.push_back("go with " + vendor + " as the vendor");
  }
  if (f.chance(0.4)) {
    const fake::Date launch = fake::add_days(meeting, f.integer(14, 90));
    say(people.back(), std::string(f.pick(kLaunchMoves)) +
                           fake::format_date(launch, fake::DateFormat::kLong) + ".");
    decisions.push_back("move the launch to " + fake::iso_date(launch));
  }
  say(people[0], std::string(f.pick(kChatter)));
  doc.pop_back();
  compose_prompt(f, ex, kInstructions, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("action_items").begin_array();
  for (const Item& it : items) {
    j.begin_object().key("owner").str(it.owner).key("task").str(it.task).key("due");
    it.has_due ? j.str(fake::iso_date(it.due)) : j.null();
    j.end_object();
  }
  j.end_array();
  j.key("decisions").begin_array();
  for (const auto& d : decisions) j.str(d);
  j.end_array();
  j.end_object();
}

}  // namespace

SpecialistSpec meeting_action_items_spec() {
  return {"meeting_action_items",
          "meeting transcripts (asked, self-assigned, declined tasks) -> action items, decisions",
          {{"action_items", FieldKind::kSet}, {"decisions", FieldKind::kSet}},
          &generate};
}

}  // namespace anvil::datagen::specialists
