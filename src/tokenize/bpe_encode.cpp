// BpeTokenizer encoding: added tokens split out, regex pre-tokenization, then rank-ordered merges
// per piece (docs/formats.md §3.4) with a per-session cache of frequent pieces. Steady state
// allocates nothing per token: pieces, symbols and cache live in the reused Session::State.
#include <algorithm>
#include <cstring>
#include <functional>
#include <optional>
#include <queue>

#include "anvil/tokenize/bpe_tokenizer.h"
#include "bpe_impl.h"
#include "merge_cache.h"

namespace anvil::tokenize {

namespace {

// Pieces up to this many bytes use the quadratic scan (fast for short words); longer ones a heap.
constexpr size_t kLinearMergeMax = 96;

using Impl = BpeTokenizer::Impl;
using State = BpeTokenizer::Session::State;

// Repeatedly merges the lowest-ranked adjacent pair, leftmost first. O(n^2), tiny constants.
void merge_linear(const Impl& m, State& s) {
  auto& syms = s.syms;
  auto& ranks = s.ranks;
  size_t n = syms.size();
  ranks.resize(n);
  for (size_t i = 0; i + 1 < n; ++i) ranks[i] = m.merge_map.find(syms[i], syms[i + 1]).rank;
  while (n > 1) {
    uint32_t best = kNoRank;
    size_t at = 0;
    for (size_t i = 0; i + 1 < n; ++i)
      if (ranks[i] < best) best = ranks[i], at = i;
    if (best == kNoRank) break;
    syms[at] = m.merge_map.find(syms[at], syms[at + 1]).id;
    for (size_t i = at + 1; i + 1 < n; ++i) syms[i] = syms[i + 1], ranks[i] = ranks[i + 1];
    --n;
    if (at > 0) ranks[at - 1] = m.merge_map.find(syms[at - 1], syms[at]).rank;
    ranks[at] = at + 1 < n ? m.merge_map.find(syms[at], syms[at + 1]).rank : kNoRank;
  }
  syms.resize(n);
}

// Same result as merge_linear for long pieces: a min-heap of (rank, position) over a linked list
// of symbols; stale entries (a side was merged away) are skipped when popped.
void merge_heap(const Impl& m, State& s) {
  auto& syms = s.syms;
  const size_t n = syms.size();
  s.next.resize(n);
  s.prev.resize(n);
  auto& heap = s.heap;
  heap.clear();
  auto key = [](uint32_t rank, size_t pos) { return (uint64_t{rank} << 32) | pos; };
  for (size_t i = 0; i < n; ++i) {
    s.next[i] = i + 1 < n ? static_cast<int32_t>(i + 1) : -1;
    s.prev[i] = static_cast<int32_t>(i) - 1;
    if (i + 1 < n) {
      const uint32_t r = m.merge_map.find(syms[i], syms[i + 1]).rank;
      if (r != kNoRank) heap.push_back(key(r, i));
    }
  }
  auto cmp = std::greater<uint64_t>();
  std::make_heap(heap.begin(), heap.end(), cmp);
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), cmp);
    const uint64_t top = heap.back();
    heap.pop_back();
    const auto rank = static_cast<uint32_t>(top >> 32);
    const auto pos = static_cast<int32_t>(top & 0xFFFFFFFFu);
    if (syms[pos] < 0) continue;  // merged into its left neighbour
    const int32_t right = s.next[pos];
    if (right < 0) continue;
    const MergeInfo info = m.merge_map.find(syms[pos], syms[right]);
    if (info.rank != rank) continue;  // the pair changed since this entry was pushed
    syms[pos] = info.id;
    syms[right] = -1;
    s.next[pos] = s.next[right];
    if (s.next[pos] >= 0) s.prev[s.next[pos]] = pos;
    if (s.prev[pos] >= 0) {
      const uint32_t r = m.merge_map.find(syms[s.prev[pos]], syms[pos]).rank;
      if (r != kNoRank)
        heap.push_back(key(r, s.prev[pos])), std::push_heap(heap.begin(), heap.end(), cmp);
    }
    if (s.next[pos] >= 0) {
      const uint32_t r = m.merge_map.find(syms[pos], syms[s.next[pos]]).rank;
      if (r != kNoRank) heap.push_back(key(r, pos)), std::push_heap(heap.begin(), heap.end(), cmp);
    }
  }
  syms.erase(std::remove(syms.begin(), syms.end(), -1), syms.end());
}

void encode_piece(const Impl& m, State& s, std::string_view piece, std::vector<int64_t>& out) {
  if (piece.size() == 1) {
    const int32_t id = m.byte_ids[static_cast<unsigned char>(piece[0])];
    if (id >= 0) {
      out.push_back(id);
      return;
    }
  }
  if (m.config.ignore_merges) {
    auto it = m.bytes_to_id.find(std::string(piece));
    if (it != m.bytes_to_id.end()) {
      out.push_back(it->second);
      return;
    }
  }
  const bool cacheable = piece.size() <= MergeCache::kMaxKey;
  uint64_t hash = 0;
  if (cacheable) {
    hash = MergeCache::hash_of(piece);
    if (s.cache.lookup(piece, hash, out)) return;
  }
  s.syms.clear();
  for (unsigned char c : piece) {
    const int32_t id = m.byte_ids[c];
    if (id >= 0) {
      s.syms.push_back(id);
    } else if (m.unk_id >= 0) {
      s.syms.push_back(m.unk_id);  // only for vocabularies that lack some byte
    }
  }
  if (s.syms.size() <= kLinearMergeMax) {
    merge_linear(m, s);
  } else {
    merge_heap(m, s);
  }
  const size_t first = out.size();
  out.insert(out.end(), s.syms.begin(), s.syms.end());
  if (cacheable) s.cache.insert(piece, hash, out.data() + first, out.size() - first);
}

void encode_segment(const Impl& m, State& s, std::string_view text, std::vector<int64_t>& out) {
  if (text.empty()) return;
  if (m.config.normalizer == Normalizer::kNfc && nfc_normalize(text, s.normalized))
    text = s.normalized;
  if (m.config.add_prefix_space && text[0] != ' ') {
    s.prefixed.assign(1, ' ');
    s.prefixed.append(text);
    text = s.prefixed;
  }
  if (!m.splitter) {
    encode_piece(m, s, text, out);
    return;
  }
  m.splitter->split(text, *s.scratch, s.pieces);
  for (std::string_view piece : s.pieces) encode_piece(m, s, piece, out);
}

}  // namespace

BpeTokenizer::Session::Session(const BpeTokenizer& tokenizer)
    : tok_(&tokenizer), state_(std::make_unique<State>(*tokenizer.impl_)) {}
BpeTokenizer::Session::Session(const BpeTokenizer& tokenizer, std::unique_ptr<State> state)
    : tok_(&tokenizer), state_(std::move(state)) {}
BpeTokenizer::Session::~Session() = default;
BpeTokenizer::Session::Session(Session&&) noexcept = default;

namespace {

void encode_with(const BpeTokenizer::Impl& m, BpeTokenizer::Session::State& state,
                 const AddedTokenMatcher& matcher, std::string_view text, std::vector<int64_t>& out) {
  size_t pos = 0;
  AddedTokenMatcher::Match match;
  while (pos < text.size()) {
    const bool found = matcher.find(text, pos, match);
    const size_t segment_end = found ? match.begin : text.size();
    encode_segment(m, state, text.substr(pos, segment_end - pos), out);
    if (!found) break;
    out.push_back(match.id);
    pos = match.end;
  }
}

}  // namespace

void BpeTokenizer::Session::encode_append(std::string_view text, std::vector<int64_t>& out) {
  encode_with(*tok_->impl_, *state_, *tok_->impl_->matcher, text, out);
}

void BpeTokenizer::encode_append(std::string_view text, std::vector<int64_t>& out) const {
  encode_pooled(text, out, /*parse_special=*/true);
}

void BpeTokenizer::encode_text_append(std::string_view text, std::vector<int64_t>& out) const {
  encode_pooled(text, out, /*parse_special=*/false);
}

void BpeTokenizer::encode_pooled(std::string_view text, std::vector<int64_t>& out,
                                 bool parse_special) const {
  Impl& m = *impl_;
  std::unique_ptr<Session::State> state;
  {
    std::lock_guard<std::mutex> lock(m.pool_mutex);
    if (!m.pool.empty()) {
      state = std::move(m.pool.back());
      m.pool.pop_back();
    }
  }
  if (!state) state = std::make_unique<Session::State>(m);
  encode_with(m, *state, parse_special ? *m.matcher : *m.plain_matcher, text, out);
  std::lock_guard<std::mutex> lock(m.pool_mutex);
  m.pool.push_back(std::move(state));
}

}  // namespace anvil::tokenize
