// log_analysis: an application log excerpt (plain text with levels, JSON lines, or syslog) from
// several services -> line, error and warning counts, the services that logged errors, the most
// frequent error message and the time of the first error.
// Worked steps (no calculator): every line numbered with its level and then its time (the time
// anchors the listing to its line of the log for the next step), each error with its service and
// message, errors and warnings with a running count, and an error from a service with no earlier
// error marked "new service"; the answer's counts are the last numbers written and its services
// the marked ones, in order. The level comes before the time: with the time first (session 23's
// run) the model wrote INFO after every time it copied, ERROR and WARN lines included.

#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kServices = {
    "payment-service", "auth-service", "api-gateway", "inventory", "notification-worker", "search"};
const std::vector<std::string_view> kInfo = {"request completed in 132ms",
                                             "user session started",
                                             "cache refreshed",
                                             "health check ok",
                                             "scheduled job finished",
                                             "connection pool resized to 20"};
const std::vector<std::string_view> kWarn = {"slow query took 2400ms", "retrying upstream call",
                                             "disk usage at 85%", "deprecated endpoint called"};
const std::vector<std::string_view> kErrors = {
    "connection timeout to db-primary", "null pointer in OrderMapper", "upstream returned 503",
    "failed to publish message to queue", "certificate expired for smtp relay"};

const std::vector<std::string_view> kInstructions = {
    "Analyze this log. Return JSON: total_lines, error_count, warning_count, "
    "services_with_errors, most_common_error, first_error_at (YYYY-MM-DDTHH:MM:SS).",
    "Summarize the errors in the log excerpt below.",
    "On-call assistant: what went wrong in these logs? Answer as JSON.",
};

void two(std::string* out, int v) {
  *out += static_cast<char>('0' + v / 10);
  *out += static_cast<char>('0' + v % 10);
}

void generate(Faker& f, Example* ex) {
  const fake::Date day = f.recent_date();
  int64_t seconds = f.integer(0, 23) * 3600;  // seconds since midnight
  seconds += f.integer(0, 3599);
  const int64_t n = f.integer(8, 24);
  ex->layout_id = static_cast<int>(f.integer(0, 2));
  const std::string host = "web-" + f.digits(2);
  // One or two error messages recur; pick which one dominates.
  const std::string_view main_error = f.pick(kErrors);
  const std::string_view other_error = f.pick(kErrors);
  std::string doc;
  int64_t errors = 0, warnings = 0, main_count = 0, other_count = 0;
  std::vector<std::string_view> error_services;
  std::string first_error;
  for (int64_t i = 0; i < n; ++i) {
    seconds = std::min<int64_t>(seconds + f.integer(0, 90), 86399);
    const int h = static_cast<int>(seconds / 3600), m = static_cast<int>(seconds / 60 % 60),
              s = static_cast<int>(seconds % 60);
    const std::string_view service = f.pick(kServices);
    const double r = f.rng().uniform();
    std::string_view level, msg;
    bool new_service = false;
    if (r < 0.2 || (i == n - 1 && errors == 0)) {
      level = "ERROR";
      // The main error must end up strictly most frequent.
      const bool main = main_error == other_error || main_count <= other_count + 1 || f.chance(0.6);
      msg = main ? main_error : other_error;
      (main ? main_count : other_count) += 1;
      ++errors;
      bool seen = false;
      for (auto sv : error_services) seen |= sv == service;
      new_service = !seen;
      if (!seen) error_services.push_back(service);
    } else if (r < 0.35) {
      level = "WARN";
      msg = f.pick(kWarn);
      ++warnings;
    } else {
      level = "INFO";
      msg = f.pick(kInfo);
    }
    std::string iso = fake::iso_date(day) + "T";
    two(&iso, h);
    iso += ':';
    two(&iso, m);
    iso += ':';
    two(&iso, s);
    if (level == "ERROR" && first_error.empty()) first_error = iso;
    ex->work += std::to_string(i + 1) + " " + std::string(level) + " " + iso.substr(11);
    if (level == "ERROR") {
      ex->work += " " + std::string(service) + ": " + std::string(msg) + " (error " +
                  std::to_string(errors) + (new_service ? ", new service)" : ")");
    } else if (level == "WARN") {
      ex->work += " (warning " + std::to_string(warnings) + ")";
    }
    ex->work += "\n";
    if (ex->layout_id == 0) {
      doc += fake::iso_date(day) + " " + iso.substr(11) + "," + f.digits(3) + " " + pad(level, 5) +
             " [" + std::string(service) + "] " + std::string(msg) + "\n";
    } else if (ex->layout_id == 1) {
      std::string lower(level);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      doc += "{\"ts\":\"" + iso + "Z\",\"level\":\"" + lower + "\",\"service\":\"" +
             std::string(service) + "\",\"msg\":\"" + std::string(msg) + "\"}\n";
    } else {
      std::string stamp = std::string(fake::month_abbr(day.month)) + " " +
                          (day.day < 10 ? " " : "") + std::to_string(day.day) + " " +
                          iso.substr(11);
      doc += stamp + " " + host + " " + std::string(service) + "[" +
             std::to_string(f.integer(100, 32000)) + "]: " + std::string(level) + " " +
             std::string(msg) + "\n";
    }
  }
  if (!doc.empty()) doc.pop_back();
  ex->work.pop_back();
  if (ex->layout_id == 2) {
    // Syslog stamps carry no year, but first_error_at needs one: the request states it, as
    // whoever pulled the logs would.
    std::vector<std::string> with_year;
    const std::string year = std::to_string(day.year);
    for (auto ins : kInstructions)
      with_year.push_back(std::string(ins) + " The logs are from " + year + ".");
    const std::vector<std::string_view> instructions(with_year.begin(), with_year.end());
    compose_prompt(f, ex, instructions, doc);
  } else {
    compose_prompt(f, ex, kInstructions, doc);
  }
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("total_lines").integer(n);
  j.key("error_count").integer(errors);
  j.key("warning_count").integer(warnings);
  j.key("services_with_errors").begin_array();
  for (auto sv : error_services) j.str(sv);
  j.end_array();
  j.key("most_common_error").str(main_count >= other_count ? main_error : other_error);
  j.key("first_error_at").str(first_error);
  j.end_object();
}

}  // namespace

SpecialistSpec log_analysis_spec() {
  return {
      "log_analysis",
      "log excerpts (text, JSON lines, syslog) -> counts, failing services, top error, first error",
      {{"total_lines", FieldKind::kNumber},
       {"error_count", FieldKind::kNumber},
       {"warning_count", FieldKind::kNumber},
       {"services_with_errors", FieldKind::kSet},
       {"most_common_error", FieldKind::kText},
       {"first_error_at", FieldKind::kExact}},
      &generate};
}

}  // namespace anvil::datagen::specialists
