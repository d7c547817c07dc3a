// Specialist dataset writer: records in chunks across worker threads, written in index order to
// an atomically committed file. Record i depends only on (seed, i), never on the thread count.
#include "anvil/datagen/specialist_generator.h"

#include <chrono>
#include <thread>
#include <vector>

#include "anvil/core/error.h"
#include "anvil/core/rng.h"
#include "anvil/datagen/fake/faker.h"
#include "datagen/jsonl_writer.h"

namespace anvil::datagen {
namespace {

constexpr int64_t kChunk = 2048;  // records per task

// Appends records [begin, end) to `out`.
void generate_range(const std::vector<const SpecialistSpec*>& specs, uint64_t seed,
                    RecordFormat format, int64_t begin, int64_t end, std::string* out) {
  Example ex;
  for (int64_t i = begin; i < end; ++i) {
    const SpecialistSpec& spec = *specs[static_cast<size_t>(i) % specs.size()];
    generate_specialist_example(spec, seed, static_cast<uint64_t>(i), &ex);
    append_specialist_record(spec, ex, static_cast<uint64_t>(i), format, out);
    *out += '\n';
  }
}

}  // namespace

void SpecialistDatagenOptions::validate() const {
  if (n < 0) throw usage_error("datagen: n must be >= 0, got " + std::to_string(n));
  if (threads < 0)
    throw usage_error("datagen: threads must be >= 0, got " + std::to_string(threads));
  if (output.empty()) throw usage_error("datagen: output path is required");
  select_specialists(specialists);
}

std::string SpecialistDatagenOptions::to_string() const {
  return "specialists=" + specialists + " n=" + std::to_string(n) +
         " seed=" + std::to_string(seed) + " threads=" + std::to_string(threads) +
         " format=" + (format == RecordFormat::kText ? "text" : "messages") + " output=" + output;
}

void generate_specialist_example(const SpecialistSpec& spec, uint64_t seed, uint64_t index,
                                 Example* example) {
  Rng rng = Rng(seed).fork(index);
  fake::Faker faker(rng);
  example->clear();
  try {
    spec.generate(faker, example);
  } catch (const Error& e) {
    throw e.with_context("specialist '" + spec.name + "' record " + std::to_string(index));
  }
}

SpecialistDatagenReport generate_specialist_dataset(
    const SpecialistDatagenOptions& options,
    const std::function<void(int64_t, int64_t)>& progress) {
  options.validate();
  const auto start = std::chrono::steady_clock::now();
  const std::vector<const SpecialistSpec*> specs = select_specialists(options.specialists);
  SpecialistDatagenReport report;
  report.threads = options.threads > 0
                       ? options.threads
                       : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  detail::JsonlWriter writer(options.output);
  std::vector<std::string> buffers(static_cast<size_t>(report.threads));
  int64_t next = 0;
  while (next < options.n) {
    // One round: each thread fills one chunk; chunks are written in order.
    std::vector<std::thread> workers;
    std::vector<std::exception_ptr> errors(buffers.size());
    size_t used = 0;
    for (size_t t = 0; t < buffers.size() && next < options.n; ++t, ++used) {
      const int64_t begin = next;
      const int64_t end = std::min(options.n, begin + kChunk);
      next = end;
      buffers[t].clear();
      auto work = [&, t, begin, end] {
        try {
          generate_range(specs, options.seed, options.format, begin, end, &buffers[t]);
        } catch (...) {
          errors[t] = std::current_exception();
        }
      };
      if (report.threads == 1) {
        work();
      } else {
        workers.emplace_back(work);
      }
    }
    for (auto& w : workers) w.join();
    for (size_t t = 0; t < used; ++t) {
      if (errors[t]) std::rethrow_exception(errors[t]);
      writer.buffer() += buffers[t];
      writer.maybe_flush();
    }
    report.written = next;
    if (progress) progress(report.written, options.n);
  }
  writer.commit();
  for (int64_t i = 0; i < options.n; ++i) {
    ++report.per_specialist[specs[static_cast<size_t>(i) % specs.size()]->name];
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace anvil::datagen
