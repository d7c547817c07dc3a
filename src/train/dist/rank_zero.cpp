// Rank 0 works, the others wait for its result or its error (one broadcast of text).
#include "anvil/train/dist/rank_zero.h"

#include "anvil/core/error.h"

namespace anvil::dist {
namespace {

// The broadcast text: '+' and the result, or '-' and rank 0's error message.
constexpr char kDone = '+', kFailed = '-';

}  // namespace

std::string from_rank_zero(const std::shared_ptr<ProcessGroup>& group,
                           const std::function<std::string()>& work) {
  if (!group) return work();
  if (group->rank() != 0) {
    const std::string reply = group->broadcast_text("");
    if (reply.empty() || reply[0] != kDone)
      throw Error("rank 0 failed at work it did for all ranks: " +
                  (reply.empty() ? std::string("no reason given") : reply.substr(1)));
    return reply.substr(1);
  }
  std::string result;
  try {
    result = work();
  } catch (const std::exception& e) {
    try {
      group->broadcast_text(std::string(1, kFailed) + e.what());
    } catch (const std::exception&) {
      // The others are gone already; rank 0's own error is the one to report.
    }
    throw;
  }
  group->broadcast_text(kDone + result);
  return result;
}

void on_rank_zero(const std::shared_ptr<ProcessGroup>& group, const std::function<void()>& work) {
  from_rank_zero(group, [&work] {
    work();
    return std::string();
  });
}

}  // namespace anvil::dist
