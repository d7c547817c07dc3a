// The decoding queue and its tickets (see generation_queue.h).
#include "anvil/serve/generation_queue.h"

#include <algorithm>

#include "anvil/datagen/calculator.h"
#include "anvil/serve/openai_protocol.h"

namespace anvil::serve {

void QueueOptions::validate() const {
  if (max_batch < 1)
    throw usage_error("max_batch = " + std::to_string(max_batch) + ": must be >= 1")
        .about("max_batch");
  if (max_queue < 1)
    throw usage_error("max_queue = " + std::to_string(max_queue) + ": must be >= 1")
        .about("max_queue");
}

namespace {

// Length of the longest prefix of `s` that ends on a whole UTF-8 character.
size_t utf8_complete(const std::string& s) {
  size_t i = s.size();
  for (size_t back = 0; back < 4 && i > 0; ++back) {
    const auto c = static_cast<unsigned char>(s[i - 1]);
    if ((c & 0xC0) != 0x80) {  // a lead byte or ASCII: is its sequence complete?
      const size_t need = c < 0x80           ? 1
                          : (c >> 5) == 0x6  ? 2
                          : (c >> 4) == 0xE  ? 3
                          : (c >> 3) == 0x1E ? 4
                                             : 1;
      return back + 1 >= need ? s.size() : i - 1;
    }
    --i;
  }
  return s.size();  // not UTF-8 at all: nothing to wait for
}

bool same_batch(const Job& a, const Job& b) {
  const auto& x = a.options;
  const auto& y = b.options;
  return a.model == b.model && x.temperature == 0 && y.temperature == 0 && x.top_k == y.top_k &&
         x.top_p == y.top_p && x.repetition_penalty == y.repetition_penalty &&
         x.stop_strings == y.stop_strings && x.stop_token_ids == y.stop_token_ids;
}

}  // namespace

size_t stream_safe_length(const std::string& text, const std::vector<std::string>& stops) {
  size_t end = utf8_complete(text);
  for (const auto& stop : stops) {
    if (stop.empty()) continue;
    // The earliest start of an ending that is a proper prefix of this stop string.
    for (size_t len = std::min(stop.size() - 1, text.size()); len > 0; --len)
      if (text.compare(text.size() - len, len, stop, 0, len) == 0) {
        end = std::min(end, text.size() - len);
        break;
      }
  }
  return end;
}

void Ticket::push(const std::string& raw) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    produced_ += raw;
    released_ = std::max(released_, stream_safe_length(produced_, stops_));
  }
  cv_.notify_all();
}

void Ticket::finish(const models::GenerationResult& r, size_t index,
                    std::optional<double> confidence) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    confidence_ = confidence;
    text_ = r.texts[index];
    produced_ = text_;
    released_ = text_.size();
    finish_ = r.finish[index];
    tokens_ = static_cast<int64_t>(r.token_ids[index].size());
    done_ = true;
  }
  cv_.notify_all();
}

void Ticket::fail(const std::string& error) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    error_ = error;
    done_ = true;
  }
  cv_.notify_all();
}

bool Ticket::next(std::string& piece) {
  std::unique_lock<std::mutex> lock(mutex_);
  cv_.wait(lock, [&] { return read_ < released_ || done_; });
  if (read_ < released_ && read_ <= produced_.size()) {
    piece = produced_.substr(read_, released_ - read_);
    read_ = released_;
    return true;
  }
  return false;
}

GenerationQueue::GenerationQueue(ModelSet& models, QueueOptions options)
    : models_(models), options_(options) {
  options_.validate();
  worker_ = std::thread([this] { run(); });
}

GenerationQueue::~GenerationQueue() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    for (auto& p : queue_) p.ticket->fail("the server is shutting down");
    queue_.clear();
  }
  cv_.notify_all();
  if (worker_.joinable()) worker_.join();
}

std::shared_ptr<Ticket> GenerationQueue::submit(Job job) {
  if (!job.model) throw Error("generation queue: a job without a model");
  auto ticket = std::make_shared<Ticket>();
  ticket->stops_ = job.options.stop_strings;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) throw ApiError(503, "the server is shutting down", "", "unavailable");
    if (in_flight_ >= options_.max_queue)
      throw ApiError(503,
                     "the server is busy: " + std::to_string(in_flight_) +
                         " requests are queued or decoding (limit " +
                         std::to_string(options_.max_queue) + "); retry later",
                     "", "server_busy");
    ++in_flight_;
    ++stats_.requests;
    queue_.push_back({std::move(job), ticket});
  }
  cv_.notify_one();
  return ticket;
}

GenerationQueue::Stats GenerationQueue::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  Stats s = stats_;
  s.waiting = static_cast<int64_t>(queue_.size());
  return s;
}

std::vector<GenerationQueue::Pending> GenerationQueue::take_batch() {
  std::unique_lock<std::mutex> lock(mutex_);
  cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
  std::vector<Pending> batch;
  if (stopping_) return batch;
  batch.push_back(std::move(queue_.front()));
  queue_.pop_front();
  for (auto it = queue_.begin();
       it != queue_.end() && static_cast<int64_t>(batch.size()) < options_.max_batch;) {
    if (same_batch(batch.front().job, it->job)) {
      batch.push_back(std::move(*it));
      it = queue_.erase(it);
    } else {
      ++it;
    }
  }
  return batch;
}

void GenerationQueue::run() {
  for (;;) {
    auto batch = take_batch();
    if (batch.empty()) return;
    decode(batch);
    std::lock_guard<std::mutex> lock(mutex_);
    in_flight_ -= static_cast<int64_t>(batch.size());
    ++stats_.batches;
    stats_.largest_batch = std::max<int64_t>(stats_.largest_batch, batch.size());
  }
}

void GenerationQueue::decode(std::vector<Pending>& batch) {
  // Requests cancelled while they waited are not decoded at all.
  std::vector<Pending> live;
  for (auto& p : batch) {
    if (p.ticket->cancelled()) {
      models::GenerationResult none;
      none.texts = {""};
      none.token_ids = {{}};
      none.finish = {models::FinishReason::kCancelled};
      p.ticket->finish(none, 0);
    } else {
      live.push_back(p);
    }
  }
  if (live.empty()) return;
  auto options = live.front().job.options;
  std::vector<std::vector<int64_t>> prompts;
  options.max_new_tokens_each.clear();
  for (const auto& p : live) {
    prompts.push_back(p.job.prompt);
    options.max_new_tokens_each.push_back(p.job.options.max_new_tokens);
  }
  options.cancelled = [&](size_t k) { return live[k].ticket->cancelled(); };
  // A specialist's worked steps call the calculator; other text never ends in "<<expression=".
  options.inject = [](size_t, const std::string& text) {
    return datagen::calculator_completion(text);
  };
  const auto& calibration = live.front().job.model->calibration;
  options.record_logprobs = calibration.has_value();
  try {
    const auto r = models::generate_ids(
        live.front().job.model->model, models_.tokenizer(), prompts, options,
        [&](size_t k, const std::string& piece) { live[k].ticket->push(piece); }, models_.pad_id());
    for (size_t k = 0; k < live.size(); ++k) {
      std::optional<double> confidence;
      if (calibration && k < r.logprobs.size())
        confidence = pipeline::served_confidence(*calibration, models_.tokenizer(), r.texts[k],
                                                 r.finish[k] == models::FinishReason::kStop,
                                                 r.token_ids[k], r.logprobs[k]);
      live[k].ticket->finish(r, k, confidence);
    }
    std::lock_guard<std::mutex> lock(mutex_);
    stats_.tokens += r.new_tokens;
  } catch (const std::exception& e) {
    for (auto& p : live) p.ticket->fail(e.what());
  }
}

}  // namespace anvil::serve
