// SFT records, tokenized examples and sequence packing.
#include "anvil/pipeline/sft_data.h"

#include <torch/torch.h>

#include <map>

#include "anvil/core/error.h"
#include "anvil/data/jsonl.h"
#include "anvil/datagen/calculator.h"
#include "anvil/datagen/specialist_record.h"
#include "anvil/tokenize/bpe_tokenizer.h"

namespace anvil::pipeline {

int64_t sft_eos_id(const tokenize::BpeTokenizer& tok, int64_t model_eos_id) {
  const int64_t own = tok.token_id(kSftEos);
  if (own >= 0) return own;
  return model_eos_id >= 0 && model_eos_id < tok.vocab_size() ? model_eos_id : -1;
}

void encode_completion(const tokenize::Tokenizer& tok, std::string_view completion,
                       std::vector<int64_t>& ids) {
  for (std::string_view piece : datagen::split_at_calculator_results(completion))
    tok.encode_append(piece, ids);
}

std::vector<SftRecord> load_sft_records(const std::string& path) {
  data::JsonlFile file(path);
  datagen::SpecialistRecordParser parser;
  std::vector<SftRecord> out;
  for (size_t i = 0; i < file.size(); ++i) {
    auto r = parser.parse(file.line(i), path, file.line_number(i));
    if (r.text.empty())
      throw Error(path + ":" + std::to_string(file.line_number(i)) +
                  ": record has no 'text' (language-model training reads the text form of "
                  "specialist records)")
          .about("text_records");
    auto pos = r.text.rfind(kSftAssistant);
    if (pos == std::string::npos)
      throw Error(path + ":" + std::to_string(file.line_number(i)) +
                  ": 'text' has no \"Assistant: \" turn");
    const size_t cut = pos + std::string(kSftAssistant).size();
    out.push_back({r.specialist, r.text.substr(0, cut), r.text.substr(cut), r.response});
  }
  if (out.empty()) throw Error(path + " contains no records");
  return out;
}

PackedBatch make_packed_batch(const std::vector<std::vector<const Tokenized*>>& rows,
                              int64_t seq_len, int64_t pad_id, double prompt_loss_weight) {
  if (!(prompt_loss_weight >= 0 && prompt_loss_weight <= 1))
    throw Error("prompt loss weight " + std::to_string(prompt_loss_weight) + ": must be in [0, 1]");
  const int64_t b = static_cast<int64_t>(rows.size());
  const bool weighted = prompt_loss_weight > 0;
  PackedBatch pb;
  pb.ids = torch::full({b, seq_len}, pad_id, torch::kInt64);
  pb.labels = torch::full({b, seq_len}, -100, torch::kInt64);
  pb.segments = torch::full({b, seq_len}, -1, torch::kInt64);
  pb.positions = torch::zeros({b, seq_len}, torch::kInt64);
  auto ids = pb.ids.accessor<int64_t, 2>(), labels = pb.labels.accessor<int64_t, 2>();
  auto seg = pb.segments.accessor<int64_t, 2>(), pos = pb.positions.accessor<int64_t, 2>();
  std::vector<float> weights(weighted ? static_cast<size_t>(b * seq_len) : 0, 0.0f);
  for (int64_t r = 0; r < b; ++r) {
    int64_t col = 0, s = 0;
    for (const Tokenized* t : rows[static_cast<size_t>(r)]) {
      for (size_t j = 0; j < t->ids.size(); ++j, ++col) {
        ids[r][col] = t->ids[j];
        const bool completion = static_cast<int64_t>(j) >= t->prompt_len;
        // A segment's first token has no own context (its "previous" token is the previous
        // segment's last), so it never gets a loss.
        const bool prompt_trained = weighted && j > 0 && !completion;
        labels[r][col] = completion || prompt_trained ? t->ids[j] : -100;
        if (weighted)
          weights[static_cast<size_t>(r * seq_len + col)] =
              completion       ? 1.0f
              : prompt_trained ? static_cast<float>(prompt_loss_weight)
                               : 0.0f;
        seg[r][col] = s;
        pos[r][col] = static_cast<int64_t>(j);
      }
      ++s;
      pb.tokens += static_cast<int64_t>(t->ids.size());
    }
  }
  if (weighted)
    pb.weights = torch::from_blob(weights.data(), {b, seq_len}, torch::kFloat32).clone();
  return pb;
}

// Greedy in-order packing of an epoch's (shuffled) examples into rows of seq_len tokens.
std::vector<std::vector<const Tokenized*>> pack_rows(const std::vector<const Tokenized*>& order,
                                                     int64_t seq_len) {
  std::vector<std::vector<const Tokenized*>> rows(1);
  int64_t used = 0;
  for (const Tokenized* t : order) {
    const int64_t n = static_cast<int64_t>(t->ids.size());
    if (used + n > seq_len) {
      rows.emplace_back();
      used = 0;
    }
    rows.back().push_back(t);
    used += n;
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

std::vector<const SftRecord*> held_out_sample(const std::vector<SftRecord>& recs,
                                              const std::vector<int64_t>& idx,
                                              int64_t per_specialist) {
  std::map<std::string, int64_t> taken;
  std::vector<const SftRecord*> out;
  for (int64_t i : idx) {
    const auto& r = recs[static_cast<size_t>(i)];
    if (taken[r.specialist]++ < per_specialist) out.push_back(&r);
  }
  return out;
}

}  // namespace anvil::pipeline
