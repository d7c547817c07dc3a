// The data cache plan: budget parsing, glob expansion, map-or-stream decisions.
#include "anvil/data/data_cache.h"

#include <fnmatch.h>
#include <glob.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <set>
#include <sstream>

#include "anvil/core/ascii.h"
#include "anvil/core/error.h"

namespace anvil::data {

StreamMode parse_stream_mode(const std::string& text) {
  if (text == "auto") return StreamMode::kAuto;
  if (text == "always") return StreamMode::kAlways;
  if (text == "never") return StreamMode::kNever;
  throw usage_error("data.stream = '" + text + "': expected auto, always or never");
}

const char* stream_mode_name(StreamMode mode) {
  switch (mode) {
    case StreamMode::kAuto:
      return "auto";
    case StreamMode::kAlways:
      return "always";
    case StreamMode::kNever:
      return "never";
  }
  return "?";
}

const char* access_mode_name(AccessMode mode) {
  return mode == AccessMode::kMap ? "mmap" : "stream";
}

std::vector<CachePriority> parse_cache_priorities(const std::vector<std::string>& items,
                                                  const std::string& key) {
  std::vector<CachePriority> out;
  for (const auto& item : items) {
    const auto eq = item.rfind('=');
    if (eq == std::string::npos || eq == 0)
      throw usage_error(key + " item '" + item + "': expected PATTERN=N, e.g. 'hot/*.jsonl=10'");
    const std::string number = item.substr(eq + 1);
    size_t used = 0;
    int priority = 0;
    try {
      priority = std::stoi(number, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != number.size())
      throw usage_error(key + " item '" + item + "': '" + number + "' is not an integer");
    out.push_back({item.substr(0, eq), priority});
  }
  return out;
}

void DataCacheOptions::validate() const {
  if (block_bytes < 4096 || block_bytes > (uint64_t{1} << 30))
    throw usage_error("data cache block_bytes = " + std::to_string(block_bytes) +
                      ": must be in [4096, 1 GiB]");
  if (cache_blocks < 1)
    throw usage_error("data cache cache_blocks = " + std::to_string(cache_blocks) +
                      ": must be >= 1");
  for (const auto& p : priorities)
    if (p.pattern.empty()) throw usage_error("data cache priority rule with an empty pattern");
}

std::string DataCacheOptions::describe() const {
  std::ostringstream s;
  s << "budget=" << (budget_bytes ? format_bytes(budget_bytes) : std::string("auto"))
    << " stream=" << stream_mode_name(stream) << " sidecar=" << (sidecar ? "on" : "off")
    << " block=" << format_bytes(block_bytes) << " x" << cache_blocks;
  for (const auto& p : priorities) s << " priority[" << p.pattern << "]=" << p.priority;
  return s.str();
}

uint64_t available_memory_bytes() {
  std::ifstream in("/proc/meminfo");
  std::string key;
  uint64_t value = 0;
  std::string unit;
  while (in >> key >> value) {
    std::getline(in, unit);
    if (key == "MemAvailable:") return value * 1024;  // reported in kB
  }
  const long pages = ::sysconf(_SC_AVPHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
  return pages > 0 && page > 0 ? static_cast<uint64_t>(pages) * static_cast<uint64_t>(page) : 0;
}

uint64_t default_cache_budget() { return available_memory_bytes() / 10 * 8; }

uint64_t parse_cache_budget(const std::string& text, const std::string& key) {
  auto bad = [&](const std::string& why) {
    return usage_error(key + " = '" + text + "': " + why +
                       " (expected auto, a percentage like 80%, or a size like 512M or 2G)");
  };
  std::string t;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) t += c;
  if (t == "auto" || t == "0") return 0;
  if (t.empty()) throw bad("empty");
  size_t used = 0;
  double number = 0;
  try {
    number = std::stod(t, &used);
  } catch (const std::exception&) {
    throw bad("not a number");
  }
  if (!(number > 0) || !std::isfinite(number)) throw bad("must be > 0");
  const std::string suffix = ascii_upper(t.substr(used));
  if (suffix == "%") {
    if (number > 100) throw bad("a percentage above 100");
    return static_cast<uint64_t>(static_cast<double>(available_memory_bytes()) * number / 100);
  }
  static const std::pair<const char*, int> kUnits[] = {
      {"", 0},    {"B", 0}, {"K", 1},  {"KB", 1},  {"KIB", 1}, {"M", 2},  {"MB", 2},
      {"MIB", 2}, {"G", 3}, {"GB", 3}, {"GIB", 3}, {"T", 4},   {"TB", 4}, {"TIB", 4}};
  for (const auto& [name, power] : kUnits) {
    if (suffix == name) {
      const double bytes = number * std::pow(1024.0, power);
      if (bytes < 1 || bytes > 1.8e19) throw bad("out of range");
      return static_cast<uint64_t>(bytes);
    }
  }
  throw bad("unknown unit '" + t.substr(used) + "'");
}

std::string format_bytes(uint64_t bytes) {
  static const char* kNames[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double v = static_cast<double>(bytes);
  int unit = 0;
  while (v >= 1024 && unit < 4) {
    v /= 1024;
    ++unit;
  }
  char buf[32];
  if (unit == 0)
    std::snprintf(buf, sizeof(buf), "%llu B", static_cast<unsigned long long>(bytes));
  else
    std::snprintf(buf, sizeof(buf), "%.2f %s", v, kNames[unit]);
  return buf;
}

std::vector<std::string> split_data_list(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(text);
  while (std::getline(in, item, ',')) {
    const auto b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
  }
  return out;
}

std::vector<std::string> expand_data_patterns(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto add = [&](const std::string& p) {
    if (seen.insert(p).second) out.push_back(p);
  };
  for (const auto& listed : items) {
    for (const auto& item : split_data_list(listed)) {
      if (item.find_first_of("*?[") == std::string::npos) {
        struct stat st {};
        if (::stat(item.c_str(), &st) != 0)
          throw usage_error("data file '" + item + "' does not exist").about("data.path", item);
        add(item);
        continue;
      }
      glob_t g{};
      const int rc = ::glob(item.c_str(), 0, nullptr, &g);  // unreadable folders: no match
      std::vector<std::string> matches;
      if (rc == 0)
        for (size_t i = 0; i < g.gl_pathc; ++i) matches.emplace_back(g.gl_pathv[i]);
      ::globfree(&g);
      if (rc == GLOB_NOMATCH || (rc == 0 && matches.empty()))
        throw usage_error("data pattern '" + item + "' matches no file").about("data.path", item);
      if (rc != 0) throw Error("cannot expand data pattern '" + item + "': read error");
      std::sort(matches.begin(), matches.end());
      for (const auto& m : matches) {
        struct stat st {};
        if (::stat(m.c_str(), &st) == 0 && S_ISREG(st.st_mode)) add(m);
      }
    }
  }
  if (out.empty()) throw usage_error("no data files given").about("data.path");
  return out;
}

size_t CachePlan::mapped_files() const {
  return static_cast<size_t>(std::count_if(files.begin(), files.end(), [](const CachePlanFile& f) {
    return f.mode == AccessMode::kMap;
  }));
}

size_t CachePlan::streamed_files() const { return files.size() - mapped_files(); }

CachePlan plan_data_cache(const std::vector<std::string>& files, const std::vector<uint64_t>& bytes,
                          uint64_t overhead_bytes, const DataCacheOptions& options) {
  options.validate();
  if (files.size() != bytes.size())
    throw Error("plan_data_cache: " + std::to_string(files.size()) + " files but " +
                std::to_string(bytes.size()) + " sizes");
  CachePlan plan;
  plan.budget_bytes = options.budget_bytes ? options.budget_bytes : default_cache_budget();
  plan.overhead_bytes = overhead_bytes;
  for (size_t i = 0; i < files.size(); ++i) {
    CachePlanFile f;
    f.path = files[i];
    f.bytes = bytes[i];
    for (const auto& rule : options.priorities) {
      if (::fnmatch(rule.pattern.c_str(), f.path.c_str(), 0) == 0) {
        f.priority = rule.priority;
        break;
      }
    }
    plan.files.push_back(f);
  }
  std::vector<size_t> order(files.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (plan.files[a].priority != plan.files[b].priority)
      return plan.files[a].priority > plan.files[b].priority;
    return plan.files[a].bytes < plan.files[b].bytes;
  });
  uint64_t left = plan.budget_bytes > overhead_bytes ? plan.budget_bytes - overhead_bytes : 0;
  for (size_t i : order) {
    auto& f = plan.files[i];
    const bool fits = f.bytes <= left;
    f.mode = options.stream == StreamMode::kAlways  ? AccessMode::kStream
             : options.stream == StreamMode::kNever ? AccessMode::kMap
             : fits                                 ? AccessMode::kMap
                                                    : AccessMode::kStream;
    if (f.mode == AccessMode::kMap) {
      left = f.bytes <= left ? left - f.bytes : 0;
      plan.mapped_bytes += f.bytes;
    } else {
      plan.streamed_bytes += f.bytes;
    }
  }
  return plan;
}

}  // namespace anvil::data
