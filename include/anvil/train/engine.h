// Engine: the training loop reduced to its core. It runs `max_epochs` epochs of `epoch_length`
// iterations, calls the step function once per iteration and fires events; everything else
// (evaluation, checkpoints, early stopping, schedules, clipping, NaN guard, progress) is a handler
// attached from outside. State is shared and documented below.
#pragma once

#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "anvil/train/events.h"

namespace anvil::train {

struct State {
  int64_t epoch = 0;  // 1-based epoch currently running (0 before the first)
  int64_t max_epochs = 0;
  int64_t iteration = 0;        // global iteration count, 1-based after the first step
  int64_t epoch_iteration = 0;  // iteration within the current epoch, 1-based
  int64_t epoch_length = 0;
  std::map<std::string, double> output;   // last step's output, e.g. {"loss": 0.41}
  std::map<std::string, double> metrics;  // written by evaluators, e.g. {"val_intent_acc": 0.97}
  bool should_terminate = false;
  std::string terminate_reason;  // set by whoever asked to stop
  bool failed = false;           // a handler stopped the run because something went wrong
  bool interrupted = false;      // stopped by the user (Ctrl-C / SIGTERM, see StopOnSignal)
};

class Engine;

// A handler object: attaches its callbacks in attach(). Stateful handlers save/restore their
// state with checkpoints (as a small JSON string) so a resumed run continues exactly.
class Handler {
 public:
  virtual ~Handler() = default;
  virtual void attach(Engine& engine) = 0;
  virtual std::string name() const = 0;  // unique key for the checkpointed state
  virtual std::string save_state() const { return ""; }
  virtual void load_state(const std::string& /*state*/) {}
};

class Engine {
 public:
  using StepFn = std::function<std::map<std::string, double>(Engine&)>;
  using Callback = std::function<void(Engine&)>;

  explicit Engine(StepFn step);

  // Registers `fn` for `filter`. Throws if the filter is invalid (every < 1, once < 0).
  void on(EventFilter filter, Callback fn);
  // Attaches a handler object (kept alive by the engine; its state is checkpointed by name).
  void attach(std::shared_ptr<Handler> handler);

  // Runs epochs state().epoch+1 .. max_epochs. To resume, restore state() first. A state restored
  // mid-epoch (1 <= epoch_iteration < epoch_length) first finishes that epoch from iteration
  // epoch_iteration+1 without firing EPOCH_STARTED again: the caller restores what its
  // EPOCH_STARTED callbacks would have set up (e.g. the epoch's data order and position).
  void run(int64_t epoch_length, int64_t max_epochs);
  // Asks the loop to stop after the current iteration.
  void terminate(const std::string& reason, bool failed = false);
  // Fires `event` with the counter that belongs to it (used by step functions for
  // kBackwardCompleted).
  void fire(Event event);

  State& state() { return state_; }
  const State& state() const { return state_; }
  const std::vector<std::shared_ptr<Handler>>& handlers() const { return handlers_; }
  // Exception that ended the last run, if any (also rethrown by run()).
  std::exception_ptr exception() const { return exception_; }

 private:
  int64_t counter_for(Event event) const;

  StepFn step_;
  State state_;
  std::vector<std::pair<EventFilter, Callback>> callbacks_;
  std::vector<std::shared_ptr<Handler>> handlers_;
  std::exception_ptr exception_;
};

}  // namespace anvil::train
