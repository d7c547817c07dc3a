// Helpers of the data cache CLI tests: generated shards and tensor-by-tensor comparison.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "anvil/io/safetensors.h"
#include "support/run_cli.h"

namespace anvil::testing {

// `n` generated records written as `shards` files shards/part-K.jsonl (lines dealt in order).
inline void make_shards(const TempDir& dir, int n, int shards) {
  ASSERT_EQ(
      run_anvil("datagen -n " + std::to_string(n) + " --seed 5 -o all.jsonl", dir.path()).exit_code,
      0);
  const std::string text = read_text(dir / "all.jsonl");
  std::filesystem::create_directory(dir / "shards");
  std::vector<std::string> parts(static_cast<size_t>(shards));
  size_t line = 0, pos = 0;
  while (pos < text.size()) {
    const size_t nl = text.find('\n', pos);
    const size_t end = nl == std::string::npos ? text.size() : nl + 1;
    parts[line * shards / static_cast<size_t>(n)] += text.substr(pos, end - pos);
    pos = end;
    ++line;
  }
  for (int k = 0; k < shards; ++k)
    write_text(dir / ("shards/part-" + std::to_string(k) + ".jsonl"),
               parts[static_cast<size_t>(k)]);
}

// Whether two safetensors files hold the same tensors, bit for bit (metadata aside).
inline ::testing::AssertionResult same_tensors(const std::string& a_path,
                                               const std::string& b_path) {
  const auto a = io::read_safetensors(a_path), b = io::read_safetensors(b_path);
  if (a.tensors.size() != b.tensors.size())
    return ::testing::AssertionFailure() << a.tensors.size() << " vs " << b.tensors.size();
  for (const auto& t : a.tensors) {
    const auto* u = b.find(t.name);
    if (u == nullptr) return ::testing::AssertionFailure() << "missing " << t.name;
    if (t.shape != u->shape || t.bytes != u->bytes)
      return ::testing::AssertionFailure() << "tensor " << t.name << " differs";
  }
  if (a.tensors.empty()) return ::testing::AssertionFailure() << "no tensors";
  return ::testing::AssertionSuccess();
}

inline const char* kStreamTrain =
    "train --data 'shards/*.jsonl' -q train.epochs=2 train.batch_size=32 run.threads=1 "
    "data.prefetch=1 train.early_stopping_patience=0 ";

}  // namespace anvil::testing
