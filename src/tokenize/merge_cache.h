// MergeCache: per-session cache from a pre-token's bytes to its BPE ids, so frequent words are
// merged once. Private to the BPE encoder.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace anvil::tokenize {

// Piece bytes -> ids, open addressing; cleared wholesale when half full (frequent pieces come
// back within a few documents, so a full clear costs little and keeps memory bounded).
class MergeCache {
 public:
  static constexpr size_t kMaxKey = 64;  // longer pieces are rare and not cached

  MergeCache() : slots_(kSlots) {}

  // Appends the cached ids of `key` to `out`; false if absent.
  bool lookup(std::string_view key, uint64_t hash, std::vector<int64_t>& out) const {
    for (size_t i = hash & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return false;
      if (s.hash == hash && s.key_len == key.size() &&
          std::memcmp(keys_.data() + s.key_off, key.data(), key.size()) == 0) {
        out.insert(out.end(), ids_.begin() + s.ids_off, ids_.begin() + s.ids_off + s.ids_len);
        return true;
      }
    }
  }

  void insert(std::string_view key, uint64_t hash, const int64_t* ids, size_t n) {
    if (2 * (used_ + 1) > kSlots) clear();
    size_t i = hash & (kSlots - 1);
    while (slots_[i].hash != 0) i = (i + 1) & (kSlots - 1);
    slots_[i] = Slot{hash, static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(ids_.size()),
                     static_cast<uint16_t>(key.size()), static_cast<uint16_t>(n)};
    keys_.append(key);
    ids_.insert(ids_.end(), ids, ids + n);
    ++used_;
  }

  static uint64_t hash_of(std::string_view key) {
    return std::hash<std::string_view>{}(key) | 1;  // 0 marks an empty slot
  }

 private:
  static constexpr size_t kSlots = size_t{1} << 16;
  struct Slot {
    uint64_t hash = 0;
    uint32_t key_off = 0, ids_off = 0;
    uint16_t key_len = 0, ids_len = 0;
  };
  void clear() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    keys_.clear();
    ids_.clear();
    used_ = 0;
  }
  std::vector<Slot> slots_;
  std::string keys_;
  std::vector<int64_t> ids_;
  size_t used_ = 0;
};

}  // namespace anvil::tokenize
