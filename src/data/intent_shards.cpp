// Intent records across shards: in-memory loading and the streaming scan.
#include "anvil/data/intent_shards.h"

#include <set>

#include "anvil/core/error.h"
#include "anvil/data/jsonl.h"
#include "anvil/data/sharded_jsonl.h"

namespace anvil::data {

namespace {

// Parses `line` into `out` or, in skip mode, records the error; returns whether it parsed.
bool parse_or_skip(std::string_view line, const std::string& path, size_t number,
                   const LoadOptions& options, LoadReport& report, IntentRecord& out) {
  try {
    out = parse_intent_record(line, path, number);
    return true;
  } catch (const Error& e) {
    if (!options.skip_errors) throw;
    ++report.skipped;
    if (report.first_errors.size() < options.max_reported_errors)
      report.first_errors.push_back(e.what());
    return false;
  }
}

std::string no_records(const std::string& what, size_t lines, const LoadReport& report) {
  std::string why =
      lines == 0 ? "no non-blank lines" : std::to_string(report.skipped) + " bad lines skipped";
  if (!report.first_errors.empty()) why += "; first: " + report.first_errors.front();
  return what + " contain no records (" + why + ")";
}

std::string list_files(const std::vector<std::string>& files) {
  std::string s;
  for (size_t i = 0; i < files.size() && i < 3; ++i) s += (i ? ", " : "") + files[i];
  if (files.size() > 3) s += " and " + std::to_string(files.size() - 3) + " more";
  return s;
}

}  // namespace

std::vector<IntentRecord> load_intent_shards(const std::vector<std::string>& files,
                                             const LoadOptions& options, LoadReport* report) {
  if (files.size() == 1) return load_intent_records(files[0], options, report);
  if (files.empty()) throw usage_error("no data files given");
  LoadReport local;
  std::vector<IntentRecord> records;
  size_t lines = 0;
  for (const auto& path : files) {
    const JsonlFile file(path);
    lines += file.size();
    for (size_t i = 0; i < file.size(); ++i) {
      if (options.max_records != 0 && records.size() >= options.max_records) break;
      IntentRecord r;
      if (parse_or_skip(file.line(i), path, file.line_number(i), options, local, r))
        records.push_back(std::move(r));
    }
  }
  local.loaded = records.size();
  if (report) *report = local;
  if (records.empty()) throw Error(no_records("the data files " + list_files(files), lines, local));
  return records;
}

IntentScan scan_intent_records(const ShardedJsonl& shards, const LoadOptions& options) {
  IntentScan scan;
  std::set<std::string> intents;
  std::string scratch;
  IntentRecord r;
  for (size_t i = 0; i < shards.size(); ++i) {
    if (options.max_records != 0 && scan.lines.size() >= options.max_records) break;
    const std::string_view line = shards.line(i, scratch);
    const size_t k = shards.shard_of(i);
    if (!parse_or_skip(line, shards.shard_path(k), shards.line_number(i), options, scan.report, r))
      continue;
    intents.insert(r.intent);
    scan.lines.push_back(static_cast<int64_t>(i));
  }
  scan.report.loaded = scan.lines.size();
  scan.intents.assign(intents.begin(), intents.end());
  if (scan.lines.empty()) {
    std::vector<std::string> files;
    for (size_t k = 0; k < shards.shard_count(); ++k) files.push_back(shards.shard_path(k));
    throw Error(no_records("the data files " + list_files(files), shards.size(), scan.report));
  }
  return scan;
}

std::vector<IntentRecord> read_intent_records(const ShardedJsonl& shards,
                                              const std::vector<int64_t>& lines) {
  std::vector<IntentRecord> out;
  out.reserve(lines.size());
  std::string scratch;
  for (int64_t i : lines) {
    const size_t at = static_cast<size_t>(i);
    out.push_back(parse_intent_record(
        shards.line(at, scratch), shards.shard_path(shards.shard_of(at)), shards.line_number(at)));
  }
  return out;
}

}  // namespace anvil::data
