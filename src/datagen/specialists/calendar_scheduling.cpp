// calendar_scheduling: several people's busy times on one day, working hours and a meeting length
// (as calendar lists, prose or a grid) -> the earliest slot on a 15-minute grid when everyone is
// free, or feasible = false when there is none.
// Worked steps: the merged busy spans, then each candidate start tried with the calculator (its
// end, and whether that end is at most the next busy start).
#include "anvil/core/error.h"
#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Find the earliest time on that day when everyone is free for the whole meeting (15-minute "
    "steps, within working hours). Return JSON with feasible, date, start, end (HH:MM, null if "
    "impossible).",
    "Schedule the meeting at the first slot that works for all attendees.",
    "When can we meet? Answer with the earliest common free slot as JSON.",
};

const InstructionParts kParts = {
    {"Find the earliest slot for", "Schedule", "Find a time for", "Book the first free slot for",
     "When can we hold"},
    {"this meeting", "the meeting below", "everyone below", "this", "the following"},
    {"", "as JSON", "(feasible, date, start, end)", "- earliest slot that works for everyone",
     "-> json"},
};

std::string hhmm(int minutes) { return fake::iso_time({minutes / 60, minutes % 60}); }
std::string spoken(int minutes) { return fake::format_time({minutes / 60, minutes % 60}, true); }

using Spans = std::vector<std::pair<int, int>>;  // [start, end) minutes after midnight

// `spans` sorted, overlapping or touching spans merged into one, as calendars show busy time.
Spans merge_spans(Spans spans) {
  std::sort(spans.begin(), spans.end());
  Spans merged;
  for (const auto& b : spans) {
    if (!merged.empty() && b.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, b.second);
    } else {
      merged.push_back(b);
    }
  }
  return merged;
}

// Every calendar's busy spans, merged into one list.
Spans merged_busy(const std::vector<Spans>& busy) {
  Spans all;
  for (const auto& cal : busy) all.insert(all.end(), cal.begin(), cal.end());
  return merge_spans(std::move(all));
}

// The worked steps: everyone's busy spans merged, then each candidate start (opening time, then
// the end of each busy span) until a meeting from there ends before the next span and by closing
// time: its end, then the calculator's comparison with the next busy start (or closing time),
// "<<add_minutes(12:30,90)=14:00>> <<at_most(14:00,14:00)=yes>> free" (written by the model,
// the comparison went wrong in 4 of 13 wrong fresh answers: "14:00 > 14:00", "10:45 > 11:00"). Returns the start found (-1:
// none) so the caller can check it against its own search.
int work_out(const Spans& merged, int open, int close, int duration, std::string* work) {
  *work = "busy:";
  for (const auto& [s, e] : merged) *work += " " + hhmm(s) + "-" + hhmm(e);
  if (merged.empty()) *work += " none";
  std::vector<int> candidates;
  if (merged.empty() || merged.front().first > open) candidates.push_back(open);
  for (const auto& span : merged) candidates.push_back(span.second);
  for (int start : candidates) {
    if (start + duration > 24 * 60) break;
    int limit = close;  // the next busy start after `start`, or closing time
    for (const auto& span : merged)
      if (span.first >= start) {
        limit = std::min(limit, span.first);
        break;
      }
    const bool fits = start + duration <= limit;
    const std::string end = hhmm(start + duration);
    *work += "\n" +
             calculator_step("add_minutes(" + hhmm(start) + "," + std::to_string(duration) + ")") +
             " " + calculator_step("at_most(" + end + "," + hhmm(limit) + ")") +
             (fits ? " free" : " busy");
    if (fits) return start;
  }
  return -1;
}

void generate(Faker& f, Example* ex) {
  const fake::Date day = f.recent_date();
  const int open = static_cast<int>(f.integer(8, 9)) * 60;
  const int close = static_cast<int>(f.integer(16, 18)) * 60;
  const int duration = static_cast<int>(f.pick(std::vector<int64_t>{30, 45, 60, 90}));
  const size_t people = static_cast<size_t>(f.integer(2, 4));
  std::vector<std::string> names;
  std::vector<Spans> busy(people);
  const bool crowded = f.chance(0.2);
  for (size_t i = 0; i < people; ++i) {
    names.push_back(f.first_name());
    const int64_t blocks = crowded ? f.integer(3, 6) : f.integer(1, 4);
    for (int64_t b = 0; b < blocks; ++b) {
      const int start = open + static_cast<int>(f.integer(0, (close - open) / 30 - 1)) * 30;
      const int len = static_cast<int>(f.integer(1, crowded ? 6 : 4)) * 30;
      busy[i].push_back({start, std::min(start + len, close)});
    }
    // Calendars show merged blocks: overlapping or touching meetings become one busy span.
    busy[i] = merge_spans(std::move(busy[i]));
  }
  int found = -1;
  for (int t = open; t + duration <= close && found < 0; t += 15) {
    bool ok = true;
    for (const auto& cal : busy) {
      for (const auto& [s, e] : cal) ok &= t + duration <= s || t >= e;
    }
    if (ok) found = t;
  }
  ex->layout_id = static_cast<int>(f.integer(0, 2));
  std::string doc = "Meeting length: " + std::to_string(duration) +
                    " minutes\nDate: " + fake::format_date(day, fake::DateFormat::kLongWeekday) +
                    "\nWorking hours: " + hhmm(open) + "-" + hhmm(close) + "\n\n";
  for (size_t i = 0; i < people; ++i) {
    if (ex->layout_id == 0) {
      doc += names[i] + " busy:";
      for (const auto& [s, e] : busy[i]) doc += " " + hhmm(s) + "-" + hhmm(e);
      doc += "\n";
    } else if (ex->layout_id == 1) {
      doc += names[i] + " has meetings";
      for (size_t k = 0; k < busy[i].size(); ++k) {
        doc += (k == 0                    ? " from "
                : k + 1 == busy[i].size() ? " and from "
                                          : ", from ") +
               spoken(busy[i][k].first) + " to " + spoken(busy[i][k].second);
      }
      doc += ".\n";
    } else {
      doc += "| " + names[i] + " |";
      for (const auto& [s, e] : busy[i]) doc += " " + hhmm(s) + "-" + hhmm(e) + " |";
      doc += "\n";
    }
  }
  doc.pop_back();
  compose_prompt(f, ex, kInstructions, kParts, doc);
  if (work_out(merged_busy(busy), open, close, duration, &ex->work) != found)
    throw Error("calendar_scheduling: the worked steps disagree with the search");
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("feasible").boolean(found >= 0);
  j.key("date").str(fake::iso_date(day));
  j.key("start");
  found >= 0 ? j.str(hhmm(found)) : j.null();
  j.key("end");
  found >= 0 ? j.str(hhmm(found + duration)) : j.null();
  j.end_object();
}

}  // namespace

SpecialistSpec calendar_scheduling_spec() {
  return {"calendar_scheduling",
          "busy calendars (list, prose, grid) + duration -> earliest common slot or infeasible",
          {{"feasible", FieldKind::kBool},
           {"date", FieldKind::kExact},
           {"start", FieldKind::kExact},
           {"end", FieldKind::kExact}},
          &generate};
}

}  // namespace anvil::datagen::specialists
