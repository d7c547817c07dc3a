// BPE training, the merge loop of Hugging Face's BpeTrainer::do_train (docs/formats.md §3.5):
// a max-heap of (count, pair) with ties to the smallest (left id, right id); stale entries are
// re-pushed with their current count; each merge is applied only in the words recorded with the
// entry, and the pair counts are updated incrementally from the changes it makes.
#include "anvil/tokenize/bpe_trainer.h"

#include <algorithm>
#include <queue>
#include <sstream>

#include "anvil/core/error.h"
#include "anvil/core/progress.h"
#include "anvil/tokenize/byte_level.h"

namespace anvil::tokenize {

void BpeTrainOptions::validate() const {
  const int64_t minimum = static_cast<int64_t>(special_tokens.size()) + 256;
  if (vocab_size < minimum)
    throw usage_error("vocab_size = " + std::to_string(vocab_size) + " is too small: the " +
                      std::to_string(special_tokens.size()) +
                      " special tokens and 256 byte chars need at least " +
                      std::to_string(minimum));
  if (vocab_size > 0x7FFFFFFF)
    throw usage_error("vocab_size = " + std::to_string(vocab_size) + " is too large");
  if (min_frequency < 0)
    throw usage_error("min_frequency = " + std::to_string(min_frequency) + " must be >= 0");
  for (size_t i = 0; i < special_tokens.size(); ++i) {
    if (special_tokens[i].empty())
      throw usage_error("special_tokens[" + std::to_string(i) + "] is empty");
    for (size_t j = 0; j < i; ++j)
      if (special_tokens[i] == special_tokens[j])
        throw usage_error("special token '" + special_tokens[i] + "' is given twice");
  }
  if (pattern.empty()) throw usage_error("pattern is empty");
}

std::string BpeTrainOptions::to_string() const {
  std::ostringstream s;
  s << "vocab_size=" << vocab_size << " min_frequency=" << min_frequency << " special_tokens=[";
  for (size_t i = 0; i < special_tokens.size(); ++i) s << (i ? ", " : "") << special_tokens[i];
  s << "] threads=" << threads << " pattern=" << pattern;
  if (space_apart) s << " space_apart=true";
  return s.str();
}

namespace {

using PairKey = uint64_t;  // (left << 32) | right: numeric order == (left, right) order

PairKey pair_key(int32_t l, int32_t r) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(l)) << 32) | static_cast<uint32_t>(r);
}
int32_t left_of(PairKey p) { return static_cast<int32_t>(p >> 32); }
int32_t right_of(PairKey p) { return static_cast<int32_t>(p & 0xFFFFFFFFu); }

struct Change {
  PairKey pair;
  int32_t delta;  // +1 or -1
  uint32_t word;
};

struct QueueEntry {
  int64_t count;
  PairKey pair;
  std::vector<uint32_t> words;  // where the pair was seen when this entry was pushed
};

// Top of the heap: the highest count, then the smallest pair.
struct Lower {
  bool operator()(const QueueEntry& a, const QueueEntry& b) const {
    if (a.count != b.count) return a.count < b.count;
    return a.pair > b.pair;
  }
};

// Merges every non-overlapping (c1, c2), left to right, recording how the pairs change.
void merge_word(std::vector<int32_t>& s, int32_t c1, int32_t c2, int32_t id, uint32_t w,
                std::vector<Change>& changes) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != c1 || i + 1 >= s.size() || s[i + 1] != c2) continue;
    if (i > 0) {
      changes.push_back({pair_key(s[i - 1], c1), -1, w});
      changes.push_back({pair_key(s[i - 1], id), +1, w});
    }
    s[i] = id;
    s.erase(s.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    if (i + 1 < s.size()) {
      changes.push_back({pair_key(c2, s[i + 1]), -1, w});
      changes.push_back({pair_key(id, s[i + 1]), +1, w});
    }
  }
}

// Sorted, unique word lists per pair, pushed in pair order (deterministic).
void push_updates(std::unordered_map<PairKey, std::vector<uint32_t>>& where,
                  const std::unordered_map<PairKey, int64_t>& pair_counts,
                  std::priority_queue<QueueEntry, std::vector<QueueEntry>, Lower>& queue) {
  std::vector<PairKey> keys;
  keys.reserve(where.size());
  for (const auto& kv : where) keys.push_back(kv.first);
  std::sort(keys.begin(), keys.end());
  for (PairKey p : keys) {
    auto& words = where[p];
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    const int64_t count = pair_counts.at(p);
    if (count > 0) queue.push(QueueEntry{count, p, std::move(words)});
  }
  where.clear();
}

}  // namespace

std::vector<TrainedMerge> learn_merges(std::vector<TrainWord> words,
                                       std::vector<std::string>& id_to_token, int64_t vocab_size,
                                       int64_t min_frequency, bool progress) {
  std::unordered_map<std::string, int32_t> token_to_id;
  for (size_t i = 0; i < id_to_token.size(); ++i)
    token_to_id.emplace(id_to_token[i], static_cast<int32_t>(i));

  // Initial pair counts, weighted by word counts, and the words each pair occurs in.
  std::unordered_map<PairKey, int64_t> pair_counts;
  std::unordered_map<PairKey, std::vector<uint32_t>> where;
  for (uint32_t w = 0; w < words.size(); ++w) {
    const auto& s = words[w].symbols;
    for (size_t i = 0; i + 1 < s.size(); ++i) {
      const PairKey p = pair_key(s[i], s[i + 1]);
      pair_counts[p] += words[w].count;
      auto& list = where[p];
      if (list.empty() || list.back() != w) list.push_back(w);
    }
  }
  std::priority_queue<QueueEntry, std::vector<QueueEntry>, Lower> queue;
  push_updates(where, pair_counts, queue);

  ProgressOptions po;
  po.label = "merges";
  po.unit = "merges";
  po.enabled = progress;
  ProgressBar bar(std::max<int64_t>(0, vocab_size - static_cast<int64_t>(id_to_token.size())), po);

  std::vector<TrainedMerge> merges;
  std::vector<Change> changes;
  while (static_cast<int64_t>(token_to_id.size()) < vocab_size && !queue.empty()) {
    QueueEntry top = std::move(const_cast<QueueEntry&>(queue.top()));
    queue.pop();
    const int64_t current = pair_counts[top.pair];
    if (top.count != current) {  // stale: re-queue with the current count
      top.count = current;
      queue.push(std::move(top));
      continue;
    }
    if (top.count < 1 || top.count < min_frequency) break;

    const int32_t left = left_of(top.pair), right = right_of(top.pair);
    std::string token = id_to_token[left] + id_to_token[right];
    auto [it, inserted] = token_to_id.emplace(token, static_cast<int32_t>(id_to_token.size()));
    if (inserted) {
      id_to_token.push_back(std::move(token));
      bar.update();
    }
    const int32_t id = it->second;
    merges.push_back({left, right, id});

    changes.clear();
    for (uint32_t w : top.words) merge_word(words[w].symbols, left, right, id, w, changes);
    for (const Change& c : changes) {
      pair_counts[c.pair] += c.delta * words[c.word].count;
      if (c.delta > 0) where[c.pair].push_back(c.word);
    }
    push_updates(where, pair_counts, queue);
  }
  bar.finish();
  return merges;
}

BpeTokenizer train_bpe(const WordCounts& word_counts, const BpeTrainOptions& options) {
  options.validate();
  // Ids: specials, then the 256 byte chars in code-point order (GPT-2's order), then merges.
  std::vector<std::string> id_to_token = options.special_tokens;
  std::vector<std::pair<uint32_t, int>> chars;
  for (int b = 0; b < 256; ++b) chars.emplace_back(byte_to_code_point(static_cast<uint8_t>(b)), b);
  std::sort(chars.begin(), chars.end());
  std::array<int32_t, 256> byte_id{};
  for (auto [cp, b] : chars) {
    std::string s = bytes_to_byte_chars(std::string(1, static_cast<char>(b)));
    auto found = std::find(id_to_token.begin(), id_to_token.end(), s);
    byte_id[b] = static_cast<int32_t>(found - id_to_token.begin());
    if (found == id_to_token.end()) id_to_token.push_back(std::move(s));
  }

  // space_apart: " Ridge" is learned as " " and "Ridge", so no merge ever starts with the space.
  WordCounts apart;
  if (options.space_apart)
    for (const auto& [word, count] : word_counts) {
      const bool split = word.size() > 1 && word[0] == ' ' && word[1] != ' ';
      if (!split) {
        apart[word] += count;
        continue;
      }
      apart[" "] += count;
      apart[word.substr(1)] += count;
    }
  const WordCounts& counted = options.space_apart ? apart : word_counts;
  std::vector<TrainWord> words;
  words.reserve(counted.size());
  for (const auto& [word, count] : counted) {
    TrainWord w;
    w.count = count;
    w.symbols.reserve(word.size());
    for (unsigned char c : word) w.symbols.push_back(byte_id[c]);
    words.push_back(std::move(w));
  }
  auto trained = learn_merges(std::move(words), id_to_token, options.vocab_size,
                              options.min_frequency, options.progress);

  // A pair merged twice (HF does this when a merge recreates an existing token) keeps its last
  // rank, as HF's merge map does when it is built.
  std::unordered_map<PairKey, size_t> last_rank;
  for (size_t i = 0; i < trained.size(); ++i)
    last_rank[pair_key(trained[i].left, trained[i].right)] = i;
  std::vector<std::pair<std::string, std::string>> merges;
  for (size_t i = 0; i < trained.size(); ++i)
    if (last_rank[pair_key(trained[i].left, trained[i].right)] == i)
      merges.emplace_back(id_to_token[trained[i].left], id_to_token[trained[i].right]);

  std::vector<AddedToken> added;
  for (size_t i = 0; i < options.special_tokens.size(); ++i)
    added.push_back(AddedToken{static_cast<int64_t>(i), options.special_tokens[i]});
  BpeConfig config;
  config.pattern = options.pattern;
  config.post_processor_json =
      R"({"type":"ByteLevel","add_prefix_space":true,"trim_offsets":false,"use_regex":true})";
  return BpeTokenizer(std::move(id_to_token), merges, std::move(added), std::move(config));
}

}  // namespace anvil::tokenize
