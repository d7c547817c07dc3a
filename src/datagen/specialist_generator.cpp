// Specialist dataset writer: records in chunks across worker threads, written in index order to
// an atomically committed file. Record i depends only on (seed, i), never on the thread count.
#include "anvil/datagen/specialist_generator.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
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
  // A weighted mix repeats a specialist in its cycle; unweighted, the cycle is the list itself.
  const std::vector<const SpecialistSpec*> specs =
      mix_cycle(select_weighted_specialists(options.specialists));
  SpecialistDatagenReport report;
  report.threads = options.threads > 0
                       ? options.threads
                       : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  detail::JsonlWriter writer(options.output);
  const int64_t chunks = (options.n + kChunk - 1) / kChunk;
  auto chunk_range = [&](int64_t c, std::string* out) {
    generate_range(specs, options.seed, options.format, c * kChunk,
                   std::min(options.n, (c + 1) * kChunk), out);
  };
  auto emit = [&](int64_t c, const std::string& data) {
    writer.buffer() += data;
    writer.maybe_flush();
    report.written = std::min(options.n, (c + 1) * kChunk);
    if (progress) progress(report.written, options.n);
  };
  if (report.threads == 1) {
    std::string data;
    for (int64_t c = 0; c < chunks; ++c) {
      data.clear();
      chunk_range(c, &data);
      emit(c, data);
    }
  } else {
    // Worker t makes chunks t, t + T, ...; this thread writes them in order while the workers
    // go on (at most 2T chunks in flight), so disk writes overlap generation.
    struct Slot {
      std::string data;
      std::exception_ptr error;
      bool ready = false;
    };
    const int64_t ring = 2 * static_cast<int64_t>(report.threads);
    std::vector<Slot> slots(static_cast<size_t>(ring));
    std::mutex mu;
    std::condition_variable cv;
    int64_t consumed = 0;
    bool abort = false;
    auto worker = [&](int64_t first) {
      for (int64_t c = first; c < chunks; c += report.threads) {
        {
          std::unique_lock<std::mutex> lock(mu);
          cv.wait(lock, [&] { return c < consumed + ring || abort; });
          if (abort) return;
        }
        std::string data;
        std::exception_ptr error;
        try {
          chunk_range(c, &data);
        } catch (...) {
          error = std::current_exception();
        }
        {
          std::lock_guard<std::mutex> lock(mu);
          Slot& s = slots[static_cast<size_t>(c % ring)];
          s.data.swap(data);
          s.error = error;
          s.ready = true;
        }
        cv.notify_all();
      }
    };
    std::vector<std::thread> workers;
    for (int t = 0; t < report.threads; ++t) workers.emplace_back(worker, t);
    std::exception_ptr failure;
    std::string data;
    for (int64_t c = 0; c < chunks && !failure; ++c) {
      {
        std::unique_lock<std::mutex> lock(mu);
        Slot& s = slots[static_cast<size_t>(c % ring)];
        cv.wait(lock, [&] { return s.ready; });
        data.swap(s.data);
        failure = s.error;
        s.ready = false;
        ++consumed;
        if (failure) abort = true;
      }
      cv.notify_all();
      if (!failure) {
        try {
          emit(c, data);
        } catch (...) {
          failure = std::current_exception();
          std::lock_guard<std::mutex> lock(mu);
          abort = true;
        }
        cv.notify_all();
      }
    }
    for (auto& w : workers) w.join();
    if (failure) std::rethrow_exception(failure);
  }
  writer.commit();
  for (int64_t i = 0; i < options.n; ++i) {
    ++report.per_specialist[specs[static_cast<size_t>(i) % specs.size()]->name];
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace anvil::datagen
