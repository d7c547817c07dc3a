// Engine loop and event dispatch.
#include "anvil/train/engine.h"

#include "anvil/core/error.h"

namespace anvil::train {

const char* event_name(Event e) {
  static constexpr const char* kNames[] = {"STARTED",
                                           "EPOCH_STARTED",
                                           "ITERATION_STARTED",
                                           "BACKWARD_COMPLETED",
                                           "ITERATION_COMPLETED",
                                           "EPOCH_COMPLETED",
                                           "COMPLETED",
                                           "EXCEPTION_RAISED",
                                           "TERMINATE"};
  static_assert(sizeof(kNames) / sizeof(kNames[0]) == static_cast<size_t>(Event::kCount_),
                "event name table out of step with Event");
  return kNames[static_cast<size_t>(e)];
}

Engine::Engine(StepFn step) : step_(std::move(step)) {
  if (!step_) throw Error("Engine: step function is empty");
}

void Engine::on(EventFilter filter, Callback fn) {
  if (filter.every < 1)
    throw Error(std::string("Engine: every(") + std::to_string(filter.every) + ") for " +
                event_name(filter.event) + ": must be >= 1");
  if (filter.once < 0)
    throw Error(std::string("Engine: once(") + std::to_string(filter.once) + ") for " +
                event_name(filter.event) + ": must be >= 0 (0 = not a once filter)");
  if (!fn) throw Error(std::string("Engine: empty callback for ") + event_name(filter.event));
  callbacks_.emplace_back(filter, std::move(fn));
}

void Engine::attach(std::shared_ptr<Handler> handler) {
  for (const auto& h : handlers_)
    if (h->name() == handler->name())
      throw Error("Engine: a handler named '" + handler->name() + "' is already attached");
  handler->attach(*this);
  handlers_.push_back(std::move(handler));
}

int64_t Engine::counter_for(Event event) const {
  switch (event) {
    case Event::kEpochStarted:
    case Event::kEpochCompleted:
      return state_.epoch;
    case Event::kIterationStarted:
    case Event::kIterationCompleted:
    case Event::kBackwardCompleted:
      return state_.iteration;
    default:
      return 1;
  }
}

void Engine::fire(Event event) {
  const int64_t counter = counter_for(event);
  // Index loop: callbacks may attach further callbacks while running.
  for (size_t i = 0; i < callbacks_.size(); ++i) {
    if (callbacks_[i].first.event == event && callbacks_[i].first.accepts(counter))
      callbacks_[i].second(*this);
  }
}

void Engine::terminate(const std::string& reason, bool failed) {
  if (!state_.should_terminate) state_.terminate_reason = reason;
  state_.should_terminate = true;
  state_.failed = state_.failed || failed;
}

void Engine::run(int64_t epoch_length, int64_t max_epochs) {
  if (epoch_length < 1)
    throw Error("Engine: epoch length is " + std::to_string(epoch_length) +
                " (the dataset yields no batches)");
  state_.epoch_length = epoch_length;
  state_.max_epochs = max_epochs;
  // A run starts clean: how the previous run() ended (stopped, failed, interrupted) is history.
  state_.should_terminate = false;
  state_.failed = false;
  state_.interrupted = false;
  state_.terminate_reason.clear();
  exception_ = nullptr;
  try {
    fire(Event::kStarted);
    // A state restored from a mid-epoch checkpoint continues that epoch where it stopped.
    bool continue_epoch =
        state_.epoch >= 1 && state_.epoch_iteration > 0 && state_.epoch_iteration < epoch_length;
    while ((continue_epoch || state_.epoch < max_epochs) && !state_.should_terminate) {
      if (continue_epoch) {
        continue_epoch = false;
      } else {
        ++state_.epoch;
        state_.epoch_iteration = 0;
        fire(Event::kEpochStarted);
      }
      while (state_.epoch_iteration < epoch_length && !state_.should_terminate) {
        ++state_.iteration;
        ++state_.epoch_iteration;
        fire(Event::kIterationStarted);
        state_.output = step_(*this);
        fire(Event::kIterationCompleted);
      }
      if (state_.should_terminate) break;
      fire(Event::kEpochCompleted);
    }
    if (state_.should_terminate) fire(Event::kTerminate);
    fire(Event::kCompleted);
  } catch (...) {
    exception_ = std::current_exception();
    fire(Event::kExceptionRaised);
    throw;
  }
}

}  // namespace anvil::train
