// Near-duplicate detection for text datasets: MinHash signatures over word shingles (estimated
// Jaccard similarity) and a banded LSH index that finds candidate pairs without comparing every
// pair. Hashing is anvil's own (not std::hash), so results are identical on every platform.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace anvil::datagen {

// A fast 64-bit hash of bytes (portable; the same on every platform).
uint64_t hash_bytes(std::string_view data, uint64_t seed = 0);

struct MinHashOptions {
  int num_hashes = 128;   // signature length
  int bands = 16;         // LSH bands; num_hashes / bands rows each (threshold ~ (1/b)^(1/r))
  int shingle_words = 3;  // words per shingle
  uint64_t seed = 0x5EED;
  size_t max_bucket = 64;  // ids kept per LSH bucket (bounds the work on boilerplate-heavy data)

  // Throws a usage error naming the bad field.
  void validate() const;
};

class MinHasher {
 public:
  explicit MinHasher(MinHashOptions options);
  // Lower-cases `text`, splits it into words (runs of letters and digits) and hashes every
  // `shingle_words`-word shingle; a shorter text is one shingle.
  std::vector<uint32_t> signature(std::string_view text) const;
  // Fraction of equal positions: an estimate of the Jaccard similarity of the shingle sets.
  static double similarity(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);
  const MinHashOptions& options() const { return options_; }

 private:
  MinHashOptions options_;
  std::vector<uint64_t> mul_;  // per hash function: h_i(x) = (mul_i * x + add_i) >> 32
  std::vector<uint64_t> add_;
};

class LshIndex {
 public:
  explicit LshIndex(const MinHashOptions& options);
  // Ids inserted earlier that share at least one band with `sig`, ascending, without repeats.
  std::vector<uint32_t> candidates(const std::vector<uint32_t>& sig) const;
  void insert(const std::vector<uint32_t>& sig, uint32_t id);

 private:
  struct IdentityHash {
    size_t operator()(uint64_t k) const { return static_cast<size_t>(k); }
  };
  uint64_t band_key(const std::vector<uint32_t>& sig, int band) const;
  int bands_;
  int rows_;
  size_t max_bucket_;
  std::vector<std::unordered_map<uint64_t, std::vector<uint32_t>, IdentityHash>> buckets_;
};

}  // namespace anvil::datagen
