// calendar_scheduling: several people's busy times on one day, working hours and a meeting length
// -> the earliest slot on a 15-minute grid when everyone is free, or feasible = false when there is
// none. Written as people write them: calendar lists, prose, grids, chat lines with what each
// meeting is ("standup 9-9:30", "out until 10"), attendee columns; times as "09:00", "9:00",
// "9:00 AM", "1-2pm" or bare hours read by the working day ("11-12", "1 to 2:30"); the day, the
// hours and the length in several forms ("Office hours are 9 to 5", "need an hour").
// Worked steps: the length, date and hours as written with their values, each busy span as
// written with its 24-hour times, the merged busy spans, then each candidate start tried with the
// calculator (its end, and whether that end is at most the next busy start).
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
    {"", "as JSON", "(feasible, date, start, end)", "- first time all are free", "-> json"},
};

std::string hhmm(int minutes) { return fake::iso_time({minutes / 60, minutes % 60}); }

// How a document writes its times of day: "09:00", "9:00", "9:00 AM", "9:30am", or bare hours a
// reader places in the working day ("9:30", "1" for 13:00: the days run 08:00-18:00, so an hour
// from 1 to 7 is in the afternoon).
enum class Clock { kIso, kPlain, kAmPm, kCompact, kBare, kCount };

std::string clock_time(int minutes, Clock clock) {
  const int h = minutes / 60, m = minutes % 60;
  const std::string h12 = std::to_string(h % 12 == 0 ? 12 : h % 12);
  const std::string mm = hhmm(minutes).substr(2);  // ":30"
  switch (clock) {
    case Clock::kIso:
      return hhmm(minutes);
    case Clock::kPlain:
      return std::to_string(h) + mm;
    case Clock::kAmPm:
      return fake::format_time({h, m}, true);
    case Clock::kCompact:
      return h12 + (m ? mm : "") + (h < 12 ? "am" : "pm");
    default:
      return h12 + (m ? mm : "");
  }
}

// A span as the document writes it: "9:00-10:30", "9:00 AM - 10:30 AM", "1-2pm" (the suffix once
// when both ends are on one side of noon), "10 to 11:30".
std::string clock_span(int start, int end, Clock clock, const std::string& separator) {
  if (clock == Clock::kCompact && (start < 12 * 60) == (end < 12 * 60))
    return clock_time(start, Clock::kBare) + separator + clock_time(end, clock);
  return clock_time(start, clock) + separator + clock_time(end, clock);
}

// The meeting length as written: "45 minutes", "45 min", "an hour", "1.5 hours".
std::string length_words(Faker& f, int duration) {
  const std::string n = std::to_string(duration);
  std::vector<std::string> ways = {n + " minutes", n + " min"};
  if (duration == 30) ways.insert(ways.end(), {"half an hour", "30 mins"});
  if (duration == 60) ways.insert(ways.end(), {"an hour", "1 hour", "one hour"});
  if (duration == 90) ways.insert(ways.end(), {"an hour and a half", "1.5 hours", "90 mins"});
  return f.pick(ways);
}

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
// the comparison went wrong in 4 of 13 wrong fresh answers: "14:00 > 14:00", "10:45 > 11:00").
// Returns the start found (-1: none) so the caller can check it against its own search.
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

// What a chat line calls a meeting ("standup 9-9:30").
const std::vector<std::string_view> kMeetings = {
    "standup",  "a client call", "1:1s",         "lunch",      "a vendor demo",  "interviews",
    "training", "the dentist",   "focus time",   "a workshop", "the board call", "a site visit",
    "a 1:1",    "an offsite",    "office hours", "a review",   "planning",       "a sales call"};

// One person's busy spans written in the document's layout; each span's text as it appears there
// goes to `written` (for the steps).
std::string person_line(Faker& f, int layout, const std::string& name, const Spans& spans, int open,
                        int close, Clock clock, const std::string& separator,
                        std::vector<std::string>* written) {
  std::vector<std::string> texts;
  for (const auto& [s, e] : spans) texts.push_back(clock_span(s, e, clock, separator));
  auto joined = [&](const std::string& comma, const std::string& last) {
    std::string out;
    for (size_t k = 0; k < texts.size(); ++k)
      out += (k == 0 ? "" : k + 1 == texts.size() ? last : comma) + texts[k];
    return out;
  };
  if (layout == 3) {
    // Chat: what each meeting is, "out until 10" for a span from opening time, "gone from 4" to
    // closing time.
    for (size_t k = 0; k < spans.size(); ++k) {
      if (k == 0 && spans[k].first == open && f.chance(0.5))
        texts[k] = "out until " + clock_time(spans[k].second, clock);
      else if (k + 1 == spans.size() && spans[k].second == close && f.chance(0.5))
        texts[k] = "gone from " + clock_time(spans[k].first, clock);
    }
    *written = texts;
    std::string out =
        name + ": " +
        std::string(f.pick(std::vector<std::string_view>{"", "I have ", "booked ", "busy "}));
    for (size_t k = 0; k < texts.size(); ++k) {
      const bool phrase = texts[k].rfind("out ", 0) == 0 || texts[k].rfind("gone ", 0) == 0;
      out += (k == 0 ? "" : k + 1 == texts.size() ? " and " : ", ");
      out += phrase ? texts[k] : std::string(f.pick(kMeetings)) + " " + texts[k];
    }
    return out + ".";
  }
  *written = texts;
  switch (layout) {
    case 0:
      return f.pick(std::vector<std::string>{name + " busy: " + joined(" ", " "),
                                             name + ": " + joined(", ", ", "),
                                             "- " + name + ": busy " + joined(", ", ", ")});
    case 1:
      return name +
             std::string(f.pick(std::vector<std::string_view>{" has meetings ", " is busy ",
                                                              "'s calendar shows busy "})) +
             joined(", ", " and ") + ".";
    case 2:
      return "| " + name + " | " + joined(" | ", " | ") + " |";
    default: {
      std::string padded = name;
      padded.resize(std::max<size_t>(name.size() + 2, 20), ' ');
      return padded + joined(", ", ", ");
    }
  }
}

void generate(Faker& f, Example* ex) {
  const fake::Date day = f.recent_date();
  const bool half_past = f.chance(0.15);
  const int open = static_cast<int>(f.integer(8, 9)) * 60 + (half_past ? 30 : 0);
  const int close = static_cast<int>(f.integer(16, 18)) * 60;
  const int duration = static_cast<int>(f.pick(std::vector<int64_t>{30, 45, 60, 90}));
  const size_t people = static_cast<size_t>(f.integer(2, 4));
  std::vector<std::string> names;
  std::vector<Spans> busy(people);
  const bool crowded = f.chance(0.2);
  for (size_t i = 0; i < people; ++i) {
    std::string name = f.first_name();
    while (std::find(names.begin(), names.end(), name) != names.end()) name = f.first_name();
    names.push_back(name);
    // 1-3 meetings each (2-4 on a crowded day), as hand-written invitations list them; more
    // made the steps longer than the answers' token budget.
    const int64_t blocks = crowded ? f.integer(2, 4) : f.integer(1, 3);
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
  // Layouts: 0 lists, 1 prose, 2 a grid, 3 chat lines, 4 attendee columns.
  ex->layout_id = static_cast<int>(f.integer(0, 4));
  const auto clock = static_cast<Clock>(f.integer(0, static_cast<int64_t>(Clock::kCount) - 1));
  const std::string separator = ex->layout_id == 1 || f.chance(0.25) ? " to "
                                : clock == Clock::kAmPm              ? " - "
                                                                     : "-";
  const std::string hours = clock_span(open, close, clock, separator);
  const std::string length = length_words(f, duration);
  const std::string date = fake::format_date(
      day,
      f.pick(std::vector<fake::DateFormat>{
          fake::DateFormat::kLongWeekday, fake::DateFormat::kLong, fake::DateFormat::kAbbrev,
          fake::DateFormat::kIso, fake::DateFormat::kUsSlash, fake::DateFormat::kDayMonthYear}));
  std::string who;
  for (size_t i = 0; i < people; ++i)
    who += (i == 0 ? "" : i + 1 == people ? " and " : ", ") + names[i];
  std::string doc =
      expand(f.pick(std::vector<std::string_view>{
                 "Meeting length: {length}\nDate: {date}\nWorking hours: {hours}\n\n",
                 "Need {length} on {date}. Working hours are {hours}.\n\n",
                 "{date} - working hours {hours} - need {length}.\n\n",
                 "Trying to find {length} for {who} on {date}. The office is open {hours}.\n\n",
                 "Date: {date}\nHours: {hours}\nLength: {length}\n\n"}),
             {{"length", length}, {"date", date}, {"hours", hours}, {"who", who}});
  if (ex->layout_id == 2 && f.chance(0.5)) doc += "| Person | Busy |\n|---|---|\n";
  if (ex->layout_id == 4) doc += "Person              Busy times\n";
  // The steps' first lines: length, date and hours as written with their values, then each busy
  // span as written with its 24-hour times ("Ben 1-2pm: 13:00-14:00").
  ex->work = "length " + length + ": " + std::to_string(duration) + "\ndate " + date + ": " +
             fake::iso_date(day) + "\nhours " + hours + ": " + hhmm(open) + "-" + hhmm(close);
  for (size_t i = 0; i < people; ++i) {
    std::vector<std::string> written;
    std::string line = person_line(f, ex->layout_id, names[i], busy[i], open, close, clock,
                                   ex->layout_id == 2 ? "-" : separator, &written);
    // A grid cell holds one span; the other layouts one line per person.
    if (ex->layout_id == 2 && doc.find("| Person |") != std::string::npos) {
      std::string cells;
      for (size_t k = 0; k < written.size(); ++k) cells += (k ? ", " : "") + written[k];
      line = "| " + names[i] + " | " + cells + " |";
    }
    doc += line + "\n";
    for (size_t k = 0; k < written.size(); ++k)
      ex->work += "\n" + names[i] + " " + written[k] + ": " + hhmm(busy[i][k].first) + "-" +
                  hhmm(busy[i][k].second);
  }
  doc.pop_back();
  compose_prompt(f, ex, kInstructions, kParts, doc);
  std::string search;
  if (work_out(merged_busy(busy), open, close, duration, &search) != found)
    throw Error("calendar_scheduling: the worked steps disagree with the search");
  ex->work += "\n" + search;
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
  return {
      "calendar_scheduling",
      "busy calendars (lists, prose, grids, chat, columns; times as people write them) + length "
      "-> earliest common slot or infeasible",
      {{"feasible", FieldKind::kBool},
       {"date", FieldKind::kExact},
       {"start", FieldKind::kExact},
       {"end", FieldKind::kExact}},
      &generate};
}

}  // namespace anvil::datagen::specialists
