// Best-k + last checkpointing.
#include "anvil/train/handlers/checkpointer.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <sstream>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"

namespace anvil::train {

Checkpointer::Checkpointer(CheckpointOptions options, SaveFn save)
    : options_(std::move(options)), save_(std::move(save)) {
  if (options_.dir.empty()) throw Error("checkpointer: directory is empty");
  if (options_.keep_best < 0)
    throw Error("train.keep_best = " + std::to_string(options_.keep_best) + ": must be >= 0");
  if (options_.every_iterations < 0)
    throw Error("checkpointer: every_iterations = " + std::to_string(options_.every_iterations) +
                ": must be >= 0");
}

std::string Checkpointer::last_path() const { return options_.dir + "/last.safetensors"; }

std::string Checkpointer::best_path() const { return best_.empty() ? "" : best_.front().second; }

double Checkpointer::best_score() const {
  return best_.empty() ? -std::numeric_limits<double>::infinity() : best_.front().first;
}

void Checkpointer::attach(Engine& engine) {
  if (options_.every_iterations > 0)
    engine.on(every(Event::kIterationCompleted, options_.every_iterations), [this](Engine& e) {
      // Never over a good checkpoint with the weights of a failed step (the NaN guard, attached
      // before this handler, has just stopped the run).
      if (e.state().failed || e.state().epoch_iteration >= e.state().epoch_length) return;
      ensure_directory(options_.dir);
      save_(e, last_path());
    });
  if (options_.on_interrupt)
    engine.on(on(Event::kTerminate), [this](Engine& e) {
      if (!e.state().interrupted || e.state().failed) return;
      ensure_directory(options_.dir);
      save_(e, last_path());
    });
  engine.on(on(Event::kEpochCompleted), [this](Engine& e) {
    ensure_directory(options_.dir);
    // Update the best list first so the state saved inside the checkpoints already includes it.
    std::string new_best;
    std::vector<std::string> evicted;
    auto it = e.state().metrics.find(options_.score_key);
    if (options_.keep_best > 0 && it != e.state().metrics.end()) {
      const double score = it->second;
      if (static_cast<int64_t>(best_.size()) < options_.keep_best || score > best_.back().first) {
        new_best = options_.dir + "/best-epoch" + std::to_string(e.state().epoch) + ".safetensors";
        best_.emplace_back(score, new_best);
        // Stable: among equal scores the earlier checkpoint ranks first.
        std::stable_sort(best_.begin(), best_.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        while (static_cast<int64_t>(best_.size()) > options_.keep_best) {
          evicted.push_back(best_.back().second);
          best_.pop_back();
        }
      }
    }
    save_(e, last_path());
    if (!new_best.empty()) save_(e, new_best);
    for (const auto& path : evicted) {
      std::error_code ec;
      std::filesystem::remove(path, ec);
    }
  });
}

std::string Checkpointer::save_state() const {
  std::ostringstream os;
  os.precision(17);
  for (const auto& [score, path] : best_) os << score << '\t' << path << '\n';
  return os.str();
}

void Checkpointer::load_state(const std::string& state) {
  best_.clear();
  std::istringstream is(state);
  std::string line;
  while (std::getline(is, line)) {
    auto tab = line.find('\t');
    if (tab == std::string::npos)
      throw Error("checkpointer: invalid saved state line '" + line + "'");
    best_.emplace_back(std::stod(line.substr(0, tab)), line.substr(tab + 1));
  }
}

}  // namespace anvil::train
