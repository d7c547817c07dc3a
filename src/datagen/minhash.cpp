// MinHash signatures and banded LSH for near-duplicate detection.
#include "anvil/datagen/minhash.h"

#include <algorithm>
#include <cctype>

#include "anvil/core/ascii.h"
#include "anvil/core/error.h"
#include "anvil/core/rng.h"

namespace anvil::datagen {
namespace {

constexpr uint64_t kMul1 = 0x9E3779B97F4A7C15ULL;
constexpr uint64_t kMul2 = 0xBF58476D1CE4E5B9ULL;

uint64_t mix(uint64_t z) {
  z = (z ^ (z >> 30)) * kMul2;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

uint64_t hash_bytes(std::string_view data, uint64_t seed) {
  uint64_t h = mix(seed ^ (data.size() * kMul1));
  size_t i = 0;
  for (; i + 8 <= data.size(); i += 8) {
    uint64_t w = 0;
    for (int b = 7; b >= 0; --b)
      w = (w << 8) | static_cast<unsigned char>(data[i + static_cast<size_t>(b)]);
    h = mix(h ^ w) * kMul1;
  }
  uint64_t tail = 0;
  for (size_t b = data.size(); b > i; --b)
    tail = (tail << 8) | static_cast<unsigned char>(data[b - 1]);
  return mix(h ^ tail ^ 0xA5A5A5A5ULL);
}

void MinHashOptions::validate() const {
  if (num_hashes < 1)
    throw usage_error("minhash: num_hashes must be >= 1, got " + std::to_string(num_hashes));
  if (bands < 1 || num_hashes % bands != 0) {
    throw usage_error("minhash: bands must divide num_hashes (" + std::to_string(num_hashes) +
                      "), got " + std::to_string(bands));
  }
  if (shingle_words < 1) {
    throw usage_error("minhash: shingle_words must be >= 1, got " + std::to_string(shingle_words));
  }
  if (max_bucket < 1) throw usage_error("minhash: max_bucket must be >= 1");
}

MinHasher::MinHasher(MinHashOptions options) : options_(options) {
  options_.validate();
  Rng rng(options_.seed);
  for (int i = 0; i < options_.num_hashes; ++i) {
    mul_.push_back(rng.next_u64() | 1);
    add_.push_back(rng.next_u64());
  }
}

std::vector<uint32_t> MinHasher::signature(std::string_view text) const {
  // Word hashes first, then shingles as rolling combinations of consecutive word hashes.
  std::vector<uint64_t> words;
  std::string word;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (std::isalnum(c) || c >= 0x80) {
      word += ascii_lower(static_cast<char>(c));
    } else if (!word.empty()) {
      words.push_back(hash_bytes(word));
      word.clear();
    }
  }
  const size_t k = static_cast<size_t>(options_.shingle_words);
  std::vector<uint64_t> shingles;
  if (words.size() <= k) {
    uint64_t h = 0;
    for (uint64_t w : words) h = mix(h * kMul1 ^ w);
    shingles.push_back(h);
  } else {
    for (size_t i = 0; i + k <= words.size(); ++i) {
      uint64_t h = 0;
      for (size_t j = 0; j < k; ++j) h = mix(h * kMul1 ^ words[i + j]);
      shingles.push_back(h);
    }
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  std::vector<uint32_t> sig(mul_.size(), UINT32_MAX);
  for (uint64_t s : shingles) {
    for (size_t i = 0; i < mul_.size(); ++i) {
      const uint32_t v = static_cast<uint32_t>((mul_[i] * s + add_[i]) >> 32);
      sig[i] = std::min(sig[i], v);
    }
  }
  return sig;
}

double MinHasher::similarity(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() || a.size() != b.size()) return 0.0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

LshIndex::LshIndex(const MinHashOptions& options)
    : bands_(options.bands),
      rows_(options.num_hashes / options.bands),
      max_bucket_(options.max_bucket),
      buckets_(static_cast<size_t>(options.bands)) {
  options.validate();
}

uint64_t LshIndex::band_key(const std::vector<uint32_t>& sig, int band) const {
  uint64_t h = static_cast<uint64_t>(band) * kMul1;
  for (int r = 0; r < rows_; ++r) h = mix(h ^ sig[static_cast<size_t>(band * rows_ + r)]) * kMul1;
  return h;
}

std::vector<uint32_t> LshIndex::candidates(const std::vector<uint32_t>& sig) const {
  std::vector<uint32_t> out;
  for (int b = 0; b < bands_; ++b) {
    auto it = buckets_[static_cast<size_t>(b)].find(band_key(sig, b));
    if (it != buckets_[static_cast<size_t>(b)].end())
      out.insert(out.end(), it->second.begin(), it->second.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void LshIndex::insert(const std::vector<uint32_t>& sig, uint32_t id) {
  for (int b = 0; b < bands_; ++b) {
    auto& bucket = buckets_[static_cast<size_t>(b)][band_key(sig, b)];
    if (bucket.size() < max_bucket_) bucket.push_back(id);
  }
}

}  // namespace anvil::datagen
