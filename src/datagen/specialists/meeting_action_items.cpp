// meeting_action_items: a meeting transcript with small talk, decisions and task assignments
// (including tasks declined and picked up by someone else, and self-assigned ones) -> the action
// items (owner, task, due date resolved from the meeting date) and the decisions taken.
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
    std::string_view task;
    bool has_due;
    fake::Date due;
  };
  std::vector<Item> items;
  std::vector<std::string> decisions;
  std::vector<std::string_view> tasks = kTasks;
  f.rng().shuffle(tasks);
  std::string doc =
      "Meeting notes - " + fake::format_date(meeting, fake::DateFormat::kLongWeekday) + "\n";
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
    if (style == 0) {  // asked and accepted
      say(people[asker], people[first] + ", can you " + std::string(it.task) + by + "?");
      say(people[first], "Sure, will do.");
      it.owner = people[first];
    } else if (style == 1) {  // self-assigned
      say(people[first], "I'll " + std::string(it.task) + by + ".");
      it.owner = people[first];
    } else {  // declined, then someone else takes it
      size_t other = (first + 1) % people.size();
      say(people[asker], people[first] + ", could you " + std::string(it.task) + by + "?");
      say(people[first], "I'm out this week, sorry. Maybe " + people[other] + "?");
      say(people[other], "No problem, I can take it.");
      it.owner = people[other];
    }
    items.push_back(it);
  }
  if (f.chance(0.7)) {
    const std::string vendor = f.company().name;
    say(people[0], "So we're agreed: we'll go with " + vendor + " as the vendor.");
    decisions.push_back("go with " + vendor + " as the vendor");
  }
  if (f.chance(0.4)) {
    const fake::Date launch = fake::add_days(meeting, f.integer(14, 90));
    say(people.back(), "Decision: the launch moves to " +
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
