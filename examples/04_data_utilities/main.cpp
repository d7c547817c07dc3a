// Example 04: anvil's data layer.
//
// Teaches: writing a JSONL dataset, reading it back with anvil::data::JsonlFile (memory-mapped,
// indexed, errors as path:LINE), a deterministic shuffle with anvil::Rng, a seeded train/test
// split (anvil::data::train_validation_split), batching with anvil::data::DataLoader (a seeded
// order per epoch, a background thread that prefetches batches), and normalisation with
// statistics from the training split only, applied to both splits.
//
// Asserts: all 500 records read back equal to what was written (the blank line is skipped, line
// numbers stay true); the split is 400 / 100 with no overlap and covers every record; the same
// seed gives the same shuffle, split and batch order and a different seed (or epoch) a different
// one; one epoch of the loader yields every training record exactly once in 7 batches (6 with
// drop_last); normalised training features have mean 0 (|mean| < 1e-5) and standard deviation 1
// (|sd - 1| < 1e-4) per column.
#include <anvil/anvil.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace {

using anvil::data::DataLoader;
using anvil::data::JsonlFile;
using anvil::data::LoaderOptions;
using anvil::data::Split;

int failures = 0;

void expect(bool ok, const std::string& what) {
  std::printf("  [%s] %s\n", ok ? "ok" : "FAILED", what.c_str());
  if (!ok) ++failures;
}

constexpr int64_t kRecords = 500;
constexpr int64_t kFeatures = 3;

// 1. A dataset as JSON Lines: one JSON object per line. The features have very different
// scales (around 100, around 0.01, in [0, 1)), which is what normalisation is for.
std::string make_jsonl(uint64_t seed) {
  anvil::Rng rng(seed);
  std::string text;
  for (int64_t i = 0; i < kRecords; ++i) {
    const double a = 100 + 20 * (rng.uniform() - 0.5), b = 0.01 * rng.uniform(), c = rng.uniform();
    nlohmann::json record = {{"id", i}, {"features", {a, b, c}}, {"label", a > 100 ? 1 : 0}};
    text += record.dump() + "\n";
    if (i == 250) text += "\n";  // a blank line: JsonlFile skips it
  }
  return text;
}

struct Table {
  torch::Tensor features;  // [N, kFeatures] float32
  torch::Tensor labels;    // [N] int64
  std::vector<int64_t> ids;
};

// 2. Reading it back: JsonlFile indexes the non-blank lines; parsing each one is ours.
Table read_table(const JsonlFile& file) {
  const int64_t n = static_cast<int64_t>(file.size());
  Table t{torch::empty({n, kFeatures}), torch::empty({n}, torch::kInt64), {}};
  auto features = t.features.accessor<float, 2>();
  auto labels = t.labels.accessor<int64_t, 1>();
  for (int64_t i = 0; i < n; ++i) {
    nlohmann::json record;
    try {
      record = nlohmann::json::parse(file.line(i));
    } catch (const nlohmann::json::exception& e) {
      throw anvil::Error(file.path() + ":" + std::to_string(file.line_number(i)) + ": " + e.what());
    }
    for (int64_t k = 0; k < kFeatures; ++k) features[i][k] = record["features"][k].get<float>();
    labels[i] = record["label"].get<int64_t>();
    t.ids.push_back(record["id"].get<int64_t>());
  }
  return t;
}

void check_read_back(const JsonlFile& file, const Table& t) {
  std::printf("reading %s:\n", file.path().c_str());
  expect(static_cast<int64_t>(file.size()) == kRecords,
         std::to_string(file.size()) + " records (the blank line is skipped)");
  bool ids_in_order = true;
  for (int64_t i = 0; i < kRecords; ++i) ids_in_order = ids_in_order && t.ids[i] == i;
  expect(ids_in_order, "ids read back in file order 0..499");
  expect(file.line_number(251) == 253, "record 251 is on line 253 (after the blank line)");
  std::printf("  record 0: %s\n", std::string(file.line(0)).c_str());
}

// 3. A deterministic shuffle: anvil::Rng gives the same numbers for a seed on every platform.
std::vector<int64_t> shuffled(int64_t n, uint64_t seed) {
  std::vector<int64_t> order(n);
  for (int64_t i = 0; i < n; ++i) order[i] = i;
  anvil::Rng(seed).shuffle(order);
  return order;
}

void check_shuffles() {
  std::printf("shuffling:\n");
  expect(shuffled(kRecords, 1) == shuffled(kRecords, 1), "same seed -> same order");
  expect(shuffled(kRecords, 1) != shuffled(kRecords, 2), "different seed -> different order");
}

// 4. Train/test split by seed.
void check_split(const Split& split, uint64_t seed) {
  std::printf("splitting (seed %llu):\n", (unsigned long long)seed);
  expect(split.train.size() == 400 && split.validation.size() == 100,
         "sizes " + std::to_string(split.train.size()) + " / " +
             std::to_string(split.validation.size()) + " == 400 / 100");
  std::set<int64_t> train(split.train.begin(), split.train.end());
  std::set<int64_t> all = train;
  bool overlap = false;
  for (int64_t i : split.validation) overlap = overlap || train.count(i) > 0;
  all.insert(split.validation.begin(), split.validation.end());
  expect(!overlap, "no record is in both splits");
  expect(static_cast<int64_t>(all.size()) == kRecords, "together they cover all 500 records");
  const Split again = anvil::data::train_validation_split(kRecords, 0.8, seed);
  const Split other = anvil::data::train_validation_split(kRecords, 0.8, seed + 1);
  expect(again.train == split.train, "same seed -> same split");
  expect(other.train != split.train, "different seed -> different split");
}

// 5. Normalisation: statistics come from the training split only (the test split must not leak
// into training), and the same transform is applied to both.
struct Normalizer {
  torch::Tensor mean, sd;  // [kFeatures]
  torch::Tensor operator()(const torch::Tensor& x) const { return (x - mean) / sd; }
};

Normalizer fit_normalizer(const torch::Tensor& train_features) {
  return {train_features.mean(/*dim=*/0), train_features.std(/*dim=*/0)};
}

void check_normalised(const torch::Tensor& train, const torch::Tensor& test) {
  std::printf("normalising (mean/sd from the training split):\n");
  const double mean_err = train.mean(0).abs().max().item<double>();
  const double sd_err = (train.std(0) - 1).abs().max().item<double>();
  char measured[64];
  std::snprintf(measured, sizeof measured, "%.2g", mean_err);
  expect(mean_err < 1e-5, std::string("train |mean| = ") + measured + " < 1e-5 per column");
  std::snprintf(measured, sizeof measured, "%.2g", sd_err);
  expect(sd_err < 1e-4, std::string("train |sd - 1| = ") + measured + " < 1e-4 per column");
  const auto m = test.mean(0), sd = test.std(0);
  std::printf("  test split (not fitted on): mean [%.3f, %.3f, %.3f]  sd [%.3f, %.3f, %.3f]\n",
              m[0].item<double>(), m[1].item<double>(), m[2].item<double>(), sd[0].item<double>(),
              sd[1].item<double>(), sd[2].item<double>());
}

// 6. Batching: the DataLoader turns record indices into batches with a function of ours.
struct Batch {
  torch::Tensor features, labels;
  std::vector<int64_t> ids;
};

LoaderOptions loader_options(uint64_t seed, bool drop_last = false) {
  LoaderOptions o;
  o.batch_size = 64;
  o.seed = seed;
  o.drop_last = drop_last;
  o.prefetch = 2;  // batches built ahead on a background thread
  return o;
}

// The ids of one epoch, in the order the loader yields them; `batch_sizes` receives the sizes.
std::vector<int64_t> epoch_ids(DataLoader<Batch>& loader, int64_t epoch,
                               std::vector<int64_t>* batch_sizes = nullptr) {
  loader.start_epoch(epoch);
  std::vector<int64_t> ids;
  while (std::optional<Batch> batch = loader.next()) {
    ids.insert(ids.end(), batch->ids.begin(), batch->ids.end());
    if (batch_sizes) batch_sizes->push_back(batch->features.size(0));
  }
  return ids;
}

void check_loader(const std::vector<int64_t>& train_indices, const torch::Tensor& features,
                  const Table& t) {
  std::printf("batching:\n");
  auto make_batch = [&](const std::vector<int64_t>& idx) {
    auto rows = torch::tensor(idx, torch::kInt64);
    Batch b{features.index_select(0, rows), t.labels.index_select(0, rows), {}};
    for (int64_t i : idx) b.ids.push_back(t.ids[i]);
    return b;
  };
  DataLoader<Batch> loader(train_indices, loader_options(7), make_batch);
  std::vector<int64_t> sizes;
  const std::vector<int64_t> epoch1 = epoch_ids(loader, 1, &sizes);
  expect(loader.batches_per_epoch() == 7 && sizes.size() == 7 && sizes.back() == 16,
         "400 records in batches of 64: 7 batches, the last of 16");
  std::vector<int64_t> seen = epoch1, expected = train_indices;
  std::sort(seen.begin(), seen.end());
  std::sort(expected.begin(), expected.end());
  expect(seen == expected, "one epoch yields every training record exactly once");

  DataLoader<Batch> same(train_indices, loader_options(7), make_batch);
  DataLoader<Batch> other(train_indices, loader_options(8), make_batch);
  expect(epoch_ids(same, 1) == epoch1, "same seed, same epoch -> same order");
  expect(epoch_ids(loader, 2) != epoch1, "same seed, next epoch -> a new order");
  expect(epoch_ids(other, 1) != epoch1, "different seed -> different order");

  DataLoader<Batch> dropping(train_indices, loader_options(7, /*drop_last=*/true), make_batch);
  expect(epoch_ids(dropping, 1).size() == 6 * 64, "drop_last: 6 full batches, 16 records left");
}

}  // namespace

int run_example() {
  const uint64_t seed = 42;
  anvil::write_file_atomic("data.jsonl", make_jsonl(seed));
  const JsonlFile file("data.jsonl");
  const Table table = read_table(file);
  check_read_back(file, table);
  check_shuffles();

  const Split split = anvil::data::train_validation_split(kRecords, /*train_ratio=*/0.8, seed);
  check_split(split, seed);

  const auto train_rows = torch::tensor(split.train, torch::kInt64);
  const auto test_rows = torch::tensor(split.validation, torch::kInt64);
  const Normalizer normalize = fit_normalizer(table.features.index_select(0, train_rows));
  const torch::Tensor features = normalize(table.features);  // every record, one transform
  check_normalised(features.index_select(0, train_rows), features.index_select(0, test_rows));

  check_loader(split.train, features, table);

  std::printf(failures == 0 ? "all checks passed\n" : "%d check(s) failed\n", failures);
  return failures == 0 ? 0 : 1;
}

int main() {
  try {
    return run_example();
  } catch (const std::exception& e) {  // anvil::Error names the file and what went wrong
    std::printf("error: %s\n", e.what());
    return 1;
  }
}
