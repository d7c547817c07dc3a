// Engine events and the filters handlers attach with (the PyTorch Ignite model): a handler runs
// when its event fires and its filter accepts the event's counter (iterations for iteration
// events, epochs for epoch events).
#pragma once

#include <cstdint>
#include <string>

namespace anvil::train {

enum class Event {
  kStarted,
  kEpochStarted,
  kIterationStarted,
  kBackwardCompleted,  // fired by step functions between backward() and optimizer.step()
  kIterationCompleted,
  kEpochCompleted,
  kCompleted,
  kExceptionRaised,
  kTerminate,
  kCount_
};

const char* event_name(Event e);

struct EventFilter {
  Event event;
  int64_t every = 1;  // fire when counter % every == 0
  int64_t once = 0;   // if > 0: fire only when counter == once

  bool accepts(int64_t counter) const {
    if (once > 0) return counter == once;
    return every <= 1 || counter % every == 0;
  }
};

inline EventFilter on(Event e) { return {e, 1, 0}; }
inline EventFilter every(Event e, int64_t n) { return {e, n, 0}; }
inline EventFilter once(Event e, int64_t n) { return {e, 1, n}; }

}  // namespace anvil::train
