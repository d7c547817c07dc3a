// Request featurization and target construction for the intent classifiers.
#include "anvil/models/intent_features.h"

#include <torch/torch.h>

#include "anvil/core/error.h"
#include "anvil/data/number_spans.h"
#include "anvil/tokenize/byte_tokenizer.h"

namespace anvil::models {

namespace {
std::vector<data::NumberSpan> usable_numbers(const std::string& text, int64_t max_length,
                                             int64_t max_numbers) {
  auto spans = data::find_numbers(text, static_cast<size_t>(max_numbers));
  while (!spans.empty() && spans.back().end > static_cast<size_t>(max_length)) spans.pop_back();
  return spans;
}
}  // namespace

ClassifierInputs encode_requests(const std::vector<std::string>& texts, int64_t max_length,
                                 int64_t max_numbers) {
  const int64_t b = static_cast<int64_t>(texts.size());
  tokenize::ByteTokenizer tok;
  auto tokens = torch::empty({b, max_length}, torch::kInt64);
  auto first = torch::zeros({b, max_numbers}, torch::kInt64);
  auto last = torch::zeros({b, max_numbers}, torch::kInt64);
  auto mask = torch::zeros({b, max_numbers}, torch::kBool);
  auto values = torch::zeros({b, max_numbers}, torch::kInt64);
  int64_t* tok_p = tokens.data_ptr<int64_t>();
  auto first_a = first.accessor<int64_t, 2>();
  auto last_a = last.accessor<int64_t, 2>();
  auto mask_a = mask.accessor<bool, 2>();
  auto values_a = values.accessor<int64_t, 2>();
  for (int64_t i = 0; i < b; ++i) {
    const std::string& text = texts[static_cast<size_t>(i)];
    tok.encode_padded(text, tok_p + i * max_length, static_cast<size_t>(max_length));
    auto spans = usable_numbers(text, max_length, max_numbers);
    for (size_t j = 0; j < spans.size(); ++j) {
      first_a[i][j] = static_cast<int64_t>(spans[j].begin);
      last_a[i][j] = static_cast<int64_t>(spans[j].end - 1);
      mask_a[i][j] = true;
      values_a[i][j] = spans[j].value;
    }
  }
  return trim_padding({tokens, first, last, mask, values});
}

ClassifierInputs trim_padding(const ClassifierInputs& inputs, int64_t margin) {
  const int64_t full = inputs.tokens.size(1);
  if (inputs.tokens.size(0) == 0) return inputs;
  // Length of each row = index of its last non-pad byte + 1.
  auto real = inputs.tokens.ne(tokenize::ByteTokenizer::kPad);
  auto positions = torch::arange(1, full + 1, inputs.tokens.options()).unsqueeze(0);
  const int64_t longest = (real.to(torch::kInt64) * positions).max().item<int64_t>();
  const int64_t keep = std::min(full, longest + margin);
  if (keep == full) return inputs;
  ClassifierInputs out = inputs;
  out.tokens = inputs.tokens.narrow(1, 0, keep).contiguous();
  return out;
}

ClassifierTargets make_targets(const std::vector<const data::IntentRecord*>& records,
                               const std::unordered_map<std::string, int64_t>& intent_index,
                               int64_t max_length, int64_t max_numbers) {
  const int64_t b = static_cast<int64_t>(records.size());
  auto intent = torch::empty({b}, torch::kInt64);
  auto count = torch::empty({b}, torch::kInt64);
  auto bins = torch::zeros({b, kMaxOperands}, torch::kInt64);
  auto signs = torch::zeros({b, kMaxOperands}, torch::kInt64);
  auto pointer = torch::zeros({b, kMaxOperands}, torch::kInt64);
  auto bins_a = bins.accessor<int64_t, 2>();
  auto signs_a = signs.accessor<int64_t, 2>();
  auto pointer_a = pointer.accessor<int64_t, 2>();
  for (int64_t i = 0; i < b; ++i) {
    const data::IntentRecord& r = *records[static_cast<size_t>(i)];
    auto it = intent_index.find(r.intent);
    if (it == intent_index.end())
      throw Error("intent '" + r.intent + "' (request \"" + r.text +
                  "\") is not one of the model's intents");
    intent[i] = it->second;
    count[i] = r.operand_count;
    auto spans = usable_numbers(r.text, max_length, max_numbers);
    std::vector<bool> used(spans.size(), false);
    for (int64_t k = 0; k < kMaxOperands; ++k) {
      const int64_t v = r.operands[static_cast<size_t>(k)];
      const int64_t mag = v < 0 ? -v : v;
      bins_a[i][k] = std::min<int64_t>(mag, kValueBins - 1);
      signs_a[i][k] = v < 0 ? 1 : 0;
      if (k >= r.operand_count) {
        pointer_a[i][k] = 0;  // "no operand"
        continue;
      }
      int64_t target = -100;
      for (size_t j = 0; j < spans.size() && target == -100; ++j)
        if (!used[j] && spans[j].value == v) {
          used[j] = true;
          target = static_cast<int64_t>(j) + 1;
        }
      for (size_t j = 0; j < spans.size() && target == -100; ++j)
        if (spans[j].value == v) target = static_cast<int64_t>(j) + 1;
      pointer_a[i][k] = target;
    }
  }
  return {intent, count, bins, signs, pointer};
}

}  // namespace anvil::models
