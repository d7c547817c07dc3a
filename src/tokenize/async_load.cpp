// Background loading of tokenizer.json: std::async on its own thread, shared by every waiter.
#include "anvil/tokenize/tokenizer_json.h"

namespace anvil::tokenize {

bool PendingTokenizer::ready() const {
  return future_.valid() && future_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

std::shared_ptr<const BpeTokenizer> PendingTokenizer::wait() const { return future_.get(); }

PendingTokenizer load_tokenizer_json_async(const std::string& path) {
  auto future = std::async(std::launch::async, [path] {
    return std::make_shared<const BpeTokenizer>(load_tokenizer_json(path));
  });
  return PendingTokenizer(future.share());
}

}  // namespace anvil::tokenize
