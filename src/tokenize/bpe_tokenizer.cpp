// BpeTokenizer: construction and validation of vocab, merges and added tokens; decoding.
#include "anvil/tokenize/bpe_tokenizer.h"

#include "anvil/core/error.h"
#include "anvil/core/utf8.h"
#include "anvil/tokenize/byte_level.h"
#include "bpe_impl.h"

namespace anvil::tokenize {

void PairMap::reserve(size_t n) {
  size_t cap = 16;
  int bits = 4;
  while (cap < 2 * n) cap <<= 1, ++bits;
  if (cap <= entries_.size()) return;
  std::vector<Entry> old = std::move(entries_);
  entries_.assign(cap, Entry{});
  mask_ = cap - 1;
  shift_ = 64 - bits;
  size_ = 0;
  for (const Entry& e : old)
    if (e.key != kEmpty)
      insert(static_cast<int32_t>(e.key >> 32), static_cast<int32_t>(e.key & 0xFFFFFFFFu), e.info);
}

void PairMap::insert(int32_t left, int32_t right, MergeInfo info) {
  if (2 * (size_ + 1) > entries_.size()) reserve(size_ + 1);
  const uint64_t key = pack(left, right);
  for (size_t i = slot(key);; i = (i + 1) & mask_) {
    Entry& e = entries_[i];
    if (e.key == kEmpty) {
      e = Entry{key, info};
      ++size_;
      return;
    }
    if (e.key == key) {
      e.info = info;
      return;
    }
  }
}

void BpeConfig::validate() const {
  if (truncation_json.empty() || padding_json.empty() || post_processor_json.empty())
    throw usage_error("BpeConfig: truncation/padding/post_processor JSON must be 'null' or JSON");
}

namespace {
std::string quoted(const std::string& s) { return "'" + s + "'"; }
}  // namespace

BpeTokenizer::BpeTokenizer(std::vector<std::string> vocab,
                           const std::vector<std::pair<std::string, std::string>>& merges,
                           std::vector<AddedToken> added_tokens, BpeConfig config)
    : impl_(std::make_unique<Impl>()) {
  config.validate();
  Impl& m = *impl_;
  m.config = std::move(config);
  m.vocab = std::move(vocab);
  if (m.vocab.size() >= 0x7FFFFFFF) throw Error("vocab too large");
  const auto n_vocab = static_cast<int32_t>(m.vocab.size());

  // Vocab: byte-char strings, each once.
  m.token_to_id.reserve(m.vocab.size());
  m.bytes_to_id.reserve(m.vocab.size());
  m.byte_ids.fill(-1);
  m.decode_table.resize(m.vocab.size());
  for (int32_t id = 0; id < n_vocab; ++id) {
    const std::string& tok = m.vocab[id];
    auto [it, inserted] = m.token_to_id.emplace(tok, id);
    if (!inserted)
      throw Error("model.vocab: token " + quoted(tok) + " has two ids, " +
                  std::to_string(it->second) + " and " + std::to_string(id));
    auto bytes = byte_chars_to_bytes(tok);
    // Entries that are not byte chars (rare, e.g. specials kept in the vocab) decode as UTF-8.
    m.decode_table[id] = bytes ? *bytes : tok;
    if (bytes) {
      m.bytes_to_id.emplace(*bytes, id);
      if (bytes->size() == 1) m.byte_ids[static_cast<unsigned char>((*bytes)[0])] = id;
    }
  }
  if (!m.config.unk_token.empty()) {
    auto it = m.token_to_id.find(m.config.unk_token);
    if (it == m.token_to_id.end())
      throw Error("model.unk_token " + quoted(m.config.unk_token) + " is not in the vocab");
    m.unk_id = it->second;
  }

  // Merges: both parts and their concatenation must be vocab entries.
  m.merges.reserve(merges.size());
  m.merge_map.reserve(merges.size());
  for (size_t rank = 0; rank < merges.size(); ++rank) {
    const auto& a = merges[rank].first;  // not a structured binding: C++17 lambdas cannot
    const auto& b = merges[rank].second;  // capture those (clang rejects it)
    auto where = [&] {
      return "model.merges[" + std::to_string(rank) + "] (" + quoted(a) + ", " + quoted(b) + ")";
    };
    auto ia = m.token_to_id.find(a);
    if (ia == m.token_to_id.end()) throw Error(where() + ": " + quoted(a) + " is not in the vocab");
    auto ib = m.token_to_id.find(b);
    if (ib == m.token_to_id.end()) throw Error(where() + ": " + quoted(b) + " is not in the vocab");
    auto ic = m.token_to_id.find(a + b);
    if (ic == m.token_to_id.end())
      throw Error(where() + ": the merged token " + quoted(a + b) + " is not in the vocab");
    m.merges.emplace_back(ia->second, ib->second);
    m.merge_map.insert(ia->second, ib->second, MergeInfo{static_cast<uint32_t>(rank), ic->second});
  }

  // Added tokens: the vocab id if the content is a vocab entry, else a fresh id after the vocab.
  int64_t total = n_vocab;
  for (const auto& t : added_tokens) total = std::max(total, t.id + 1);
  m.id_used.assign(static_cast<size_t>(total), false);
  for (int32_t id = 0; id < n_vocab; ++id) m.id_used[id] = true;
  m.decode_table.resize(static_cast<size_t>(total));
  m.token_strings = m.vocab;
  m.token_strings.resize(static_cast<size_t>(total));
  std::vector<bool> added_id_seen(static_cast<size_t>(total), false);
  for (size_t i = 0; i < added_tokens.size(); ++i) {
    const AddedToken& t = added_tokens[i];
    const std::string where = "added_tokens[" + std::to_string(i) + "] (" + quoted(t.content) + ")";
    if (t.content.empty()) throw Error(where + ": empty content");
    if (!is_valid_utf8(t.content)) throw Error(where + ": content is not valid UTF-8");
    if (t.id < 0) throw Error(where + ": negative id " + std::to_string(t.id));
    if (added_id_seen[t.id])
      throw Error(where + ": duplicate id " + std::to_string(t.id) +
                  " (used by another added token)");
    added_id_seen[t.id] = true;
    auto it = m.token_to_id.find(t.content);
    if (it != m.token_to_id.end()) {
      if (it->second != t.id)
        throw Error(where + ": id " + std::to_string(t.id) + " but the vocab has it at id " +
                    std::to_string(it->second));
    } else if (t.id < n_vocab) {
      throw Error(where + ": duplicate id " + std::to_string(t.id) + " (vocab token " +
                  quoted(m.vocab[t.id]) + " has it)");
    }
    m.id_used[t.id] = true;
    m.decode_table[t.id] = t.content;
    m.token_strings[t.id] = t.content;
  }
  m.added = std::move(added_tokens);
  m.matcher = std::make_unique<AddedTokenMatcher>(m.added);
  std::vector<AddedToken> plain;
  for (const auto& t : m.added)
    if (!t.special) plain.push_back(t);
  m.plain_matcher = std::make_unique<AddedTokenMatcher>(plain);
  if (!m.config.pattern.empty()) m.splitter = std::make_unique<RegexSplitter>(m.config.pattern);
}

BpeTokenizer::~BpeTokenizer() = default;
BpeTokenizer::BpeTokenizer(BpeTokenizer&&) noexcept = default;
BpeTokenizer& BpeTokenizer::operator=(BpeTokenizer&&) noexcept = default;

int64_t BpeTokenizer::vocab_size() const { return static_cast<int64_t>(impl_->id_used.size()); }

std::string BpeTokenizer::decode(const std::vector<int64_t>& ids) const {
  const Impl& m = *impl_;
  std::string out;
  out.reserve(ids.size() * 4);
  for (size_t i = 0; i < ids.size(); ++i) {
    const int64_t id = ids[i];
    if (id < 0 || id >= vocab_size() || !m.id_used[id])
      throw Error("decode: id " + std::to_string(id) + " at position " + std::to_string(i) +
                  " is not a token (vocab size " + std::to_string(vocab_size()) + ")");
    out += m.decode_table[id];
  }
  return out;
}

const std::string& BpeTokenizer::token(int64_t id) const {
  if (id < 0 || id >= vocab_size() || !impl_->id_used[id])
    throw Error("token id " + std::to_string(id) + " is not a token (vocab size " +
                std::to_string(vocab_size()) + ")");
  return impl_->token_strings[id];
}

int64_t BpeTokenizer::token_id(const std::string& token) const {
  for (const auto& t : impl_->added)
    if (t.content == token) return t.id;
  auto it = impl_->token_to_id.find(token);
  return it == impl_->token_to_id.end() ? -1 : it->second;
}

const std::vector<std::string>& BpeTokenizer::vocab() const { return impl_->vocab; }
const std::vector<std::pair<int32_t, int32_t>>& BpeTokenizer::merges() const {
  return impl_->merges;
}
const std::vector<AddedToken>& BpeTokenizer::added_tokens() const { return impl_->added; }
const BpeConfig& BpeTokenizer::config() const { return impl_->config; }

}  // namespace anvil::tokenize
