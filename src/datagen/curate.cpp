// Curation: length filters, exact and near-duplicate removal, balancing, and the report.
#include "anvil/datagen/curate.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <unordered_map>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/data/jsonl.h"
#include "anvil/datagen/record.h"
#include "anvil/datagen/specialist_record.h"
#include "datagen/jsonl_writer.h"

namespace anvil::datagen {
namespace {

struct IdentityHash {
  size_t operator()(uint64_t k) const { return static_cast<size_t>(k); }
};

std::string format_double(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

std::string report_json(const CurateOptions& o, const CurateReport& r) {
  std::string out = "{\"input\":";
  append_json_string(o.input, &out);
  out += ",\"output\":";
  append_json_string(o.output, &out);
  out += ",\"options\":";
  append_json_string(o.to_string(), &out);
  out += ",\"read\":" + std::to_string(r.read) + ",\"kept\":" + std::to_string(r.kept);
  out += ",\"kept_per_specialist\":{";
  bool first = true;
  for (const auto& [name, n] : r.kept_per_specialist) {
    if (!first) out += ',';
    first = false;
    append_json_string(name, &out);
    out += ":" + std::to_string(n);
  }
  out += "},\"removed_by_reason\":{";
  first = true;
  for (const auto& [reason, by_spec] : r.removed) {
    if (!first) out += ',';
    first = false;
    append_json_string(reason, &out);
    out += ":{";
    bool first_spec = true;
    for (const auto& [name, n] : by_spec) {
      if (!first_spec) out += ',';
      first_spec = false;
      append_json_string(name, &out);
      out += ":" + std::to_string(n);
    }
    out += '}';
  }
  out += "},\"removed\":[";
  for (size_t i = 0; i < r.removed_records.size(); ++i) {
    const RemovedRecord& x = r.removed_records[i];
    if (i) out += ',';
    out += "\n{\"line\":" + std::to_string(x.line) + ",\"specialist\":";
    append_json_string(x.specialist, &out);
    out += ",\"reason\":";
    append_json_string(x.reason, &out);
    if (x.duplicate_of) out += ",\"duplicate_of\":" + std::to_string(x.duplicate_of);
    if (x.reason == "near_duplicate") out += ",\"similarity\":" + format_double(x.similarity);
    out += '}';
  }
  out += "]}\n";
  return out;
}

}  // namespace

void CurateOptions::validate() const {
  if (input.empty()) throw usage_error("curate: an input path is required");
  if (output.empty()) throw usage_error("curate: an output path is required (-o)");
  if (output == input) throw usage_error("curate: output must differ from input ('" + input + "')");
  if (min_chars < 0 || max_chars < 0)
    throw usage_error("curate: min_chars and max_chars must be >= 0");
  if (max_chars > 0 && min_chars > max_chars) {
    throw usage_error("curate: min_chars (" + std::to_string(min_chars) + ") > max_chars (" +
                      std::to_string(max_chars) + ")");
  }
  if (near_duplicate_threshold < 0 || near_duplicate_threshold > 1) {
    throw usage_error("curate: near_duplicate_threshold must be in [0, 1], got " +
                      format_double(near_duplicate_threshold));
  }
  if (max_per_specialist < 0) throw usage_error("curate: max_per_specialist must be >= 0");
  minhash.validate();
}

std::string CurateOptions::to_string() const {
  return "min_chars=" + std::to_string(min_chars) + " max_chars=" + std::to_string(max_chars) +
         " near_duplicate_threshold=" + format_double(near_duplicate_threshold) +
         " num_hashes=" + std::to_string(minhash.num_hashes) +
         " bands=" + std::to_string(minhash.bands) +
         " shingle_words=" + std::to_string(minhash.shingle_words) +
         " balance=" + (balance ? "true" : "false") +
         " max_per_specialist=" + std::to_string(max_per_specialist);
}

int64_t CurateReport::removed_count(const std::string& reason) const {
  auto it = removed.find(reason);
  if (it == removed.end()) return 0;
  int64_t n = 0;
  for (const auto& [name, count] : it->second) n += count;
  return n;
}

std::string CurateReport::summary() const {
  std::string s = "read " + std::to_string(read) + " records, kept " + std::to_string(kept) + "\n";
  for (const char* reason :
       {"too_short", "too_long", "exact_duplicate", "near_duplicate", "balance"}) {
    const int64_t n = removed_count(reason);
    if (n == 0) continue;
    s += "  removed " + std::to_string(n) + " " + reason + ":";
    for (const auto& [name, count] : removed.at(reason))
      s += " " + name + "=" + std::to_string(count);
    s += "\n";
  }
  return s;
}

CurateReport curate_dataset(const CurateOptions& options) {
  options.validate();
  const auto start = std::chrono::steady_clock::now();
  const data::JsonlFile file(options.input);
  CurateReport report;
  SpecialistRecordParser parser;
  const MinHasher hasher(options.minhash);
  LshIndex lsh(options.minhash);
  std::vector<std::vector<uint32_t>> signatures;  // of kept records, by kept index
  std::vector<size_t> kept_lines;                 // line index (into file) of each kept record
  std::vector<std::string> kept_specialists;
  std::unordered_map<uint64_t, size_t, IdentityHash> exact;  // hash -> line number

  auto remove = [&](size_t line, const std::string& spec, const char* reason, size_t of,
                    double similarity) {
    report.removed_records.push_back({line, spec, reason, of, similarity});
    ++report.removed[reason][spec];
  };
  for (size_t i = 0; i < file.size(); ++i) {
    const size_t line_no = file.line_number(i);
    const SpecialistRecord r = parser.parse(file.line(i), options.input, line_no);
    ++report.read;
    std::string prompt;
    for (const Turn& t : r.history) prompt += t.user + "\n" + t.assistant + "\n";
    prompt += r.prompt;
    const int64_t length = r.format == RecordFormat::kText
                               ? static_cast<int64_t>(r.text.size())
                               : static_cast<int64_t>(prompt.size() + r.response.size());
    if (options.min_chars > 0 && length < options.min_chars) {
      remove(line_no, r.specialist, "too_short", 0, 0);
      continue;
    }
    if (options.max_chars > 0 && length > options.max_chars) {
      remove(line_no, r.specialist, "too_long", 0, 0);
      continue;
    }
    const uint64_t h = hash_bytes(r.specialist + '\x1f' + prompt + '\x1f' + r.response);
    auto [it, inserted] = exact.emplace(h, line_no);
    if (!inserted) {
      remove(line_no, r.specialist, "exact_duplicate", it->second, 1.0);
      continue;
    }
    if (options.near_duplicate_threshold > 0) {
      std::vector<uint32_t> sig = hasher.signature(prompt);
      size_t best = SIZE_MAX;
      double best_sim = 0;
      for (uint32_t id : lsh.candidates(sig)) {
        const double s = MinHasher::similarity(sig, signatures[id]);
        if (s >= options.near_duplicate_threshold && s > best_sim) {
          best = id;
          best_sim = s;
        }
      }
      if (best != SIZE_MAX) {
        // Near duplicates stay out of the exact index so a later exact copy points at the kept one.
        exact.erase(it);
        remove(line_no, r.specialist, "near_duplicate", file.line_number(kept_lines[best]),
               best_sim);
        continue;
      }
      lsh.insert(sig, static_cast<uint32_t>(signatures.size()));
      signatures.push_back(std::move(sig));
    } else {
      signatures.emplace_back();
    }
    kept_lines.push_back(i);
    kept_specialists.push_back(r.specialist);
  }

  // Balancing: keep the first `cap` records of each specialist.
  int64_t cap = options.max_per_specialist;
  std::map<std::string, int64_t> counts;
  for (const auto& s : kept_specialists) ++counts[s];
  if (cap == 0 && options.balance && !counts.empty()) {
    cap = INT64_MAX;
    for (const auto& [name, n] : counts) cap = std::min(cap, n);
  }
  detail::JsonlWriter writer(options.output);
  std::map<std::string, int64_t> taken;
  for (size_t k = 0; k < kept_lines.size(); ++k) {
    const std::string& spec = kept_specialists[k];
    if (cap > 0 && taken[spec] >= cap) {
      remove(file.line_number(kept_lines[k]), spec, "balance", 0, 0);
      continue;
    }
    ++taken[spec];
    writer.buffer() += file.line(kept_lines[k]);
    writer.buffer() += '\n';
    writer.maybe_flush();
    ++report.kept;
  }
  report.kept_per_specialist = taken;
  std::sort(report.removed_records.begin(), report.removed_records.end(),
            [](const RemovedRecord& a, const RemovedRecord& b) { return a.line < b.line; });
  writer.commit();
  write_file_atomic(options.report_path(), report_json(options, report));
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace anvil::datagen
