// Private state of BpeTokenizer shared by its .cpp files: the merge table (an open-addressing map
// from (left id, right id) to rank and merged id), the added-token matcher and the session pool.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "anvil/tokenize/bpe_tokenizer.h"
#include "anvil/tokenize/pretokenizer.h"
#include "merge_cache.h"

namespace anvil::tokenize {

inline constexpr uint32_t kNoRank = 0xFFFFFFFFu;

struct MergeInfo {
  uint32_t rank = kNoRank;
  int32_t id = -1;
};

// (left id, right id) -> MergeInfo. Power-of-two capacity, load <= 1/2, linear probing.
class PairMap {
 public:
  void reserve(size_t n);
  void insert(int32_t left, int32_t right, MergeInfo info);  // overwrites: the last rank wins
  MergeInfo find(int32_t left, int32_t right) const {
    const uint64_t key = pack(left, right);
    for (size_t i = slot(key);; i = (i + 1) & mask_) {
      const Entry& e = entries_[i];
      if (e.key == key) return e.info;
      if (e.key == kEmpty) return MergeInfo{};
    }
  }

 private:
  static constexpr uint64_t kEmpty = ~uint64_t{0};
  struct Entry {
    uint64_t key = kEmpty;
    MergeInfo info;
  };
  static uint64_t pack(int32_t l, int32_t r) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(l)) << 32) | static_cast<uint32_t>(r);
  }
  size_t slot(uint64_t key) const { return (key * 0x9E3779B97F4A7C15ULL) >> shift_; }
  std::vector<Entry> entries_ = std::vector<Entry>(1);
  size_t mask_ = 0;
  int shift_ = 63;
  size_t size_ = 0;
};

// Finds added tokens in raw text: leftmost match, longest among those starting there.
class AddedTokenMatcher {
 public:
  struct Match {
    size_t begin = 0, end = 0;  // including whitespace taken by lstrip/rstrip
    int64_t id = -1;
  };
  explicit AddedTokenMatcher(const std::vector<AddedToken>& tokens);
  bool empty() const { return tokens_.empty(); }
  // The first match starting at or after `pos`, if any.
  bool find(std::string_view text, size_t pos, Match& match) const;

 private:
  std::vector<AddedToken> tokens_;  // longest first
  std::array<bool, 256> first_byte_{};
};

struct BpeTokenizer::Impl {
  BpeConfig config;
  std::vector<std::string> vocab;                        // id -> byte chars
  std::unordered_map<std::string, int32_t> token_to_id;  // byte chars -> id
  std::unordered_map<std::string, int32_t> bytes_to_id;  // raw bytes -> id (for ignore_merges)
  std::vector<std::pair<int32_t, int32_t>> merges;       // rank order
  PairMap merge_map;
  std::array<int32_t, 256> byte_ids{};  // id of each single-byte token, -1 if missing
  int32_t unk_id = -1;
  std::vector<AddedToken> added;
  std::unique_ptr<AddedTokenMatcher> matcher;
  std::unique_ptr<AddedTokenMatcher> plain_matcher;  // only the added tokens not marked special
  std::unique_ptr<RegexSplitter> splitter;  // null when config.pattern is empty
  std::vector<std::string> decode_table;    // id -> raw bytes
  std::vector<bool> id_used;
  std::vector<std::string> token_strings;  // id -> byte chars, or content for added tokens

  // Sessions reused by the thread-safe Tokenizer::encode_append.
  std::mutex pool_mutex;
  std::vector<std::unique_ptr<Session::State>> pool;
};

// What a Session reuses between calls.
struct BpeTokenizer::Session::State {
  explicit State(const Impl& m) {
    if (m.splitter) scratch.emplace(*m.splitter);
  }
  std::optional<RegexSplitter::Scratch> scratch;
  std::vector<std::string_view> pieces;
  std::string prefixed;
  std::string normalized;
  MergeCache cache;
  std::vector<int32_t> syms;
  std::vector<uint32_t> ranks;
  std::vector<int64_t> word_ids;
  // Heap merge.
  std::vector<int32_t> next, prev;
  std::vector<uint64_t> heap;
};

}  // namespace anvil::tokenize
