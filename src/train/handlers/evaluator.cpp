// Evaluator handler.
#include "anvil/train/handlers/evaluator.h"

namespace anvil::train {

void Evaluator::attach(Engine& engine) {
  engine.on(every(Event::kEpochCompleted, every_), [this](Engine& e) {
    for (const auto& [k, v] : fn_()) e.state().metrics[k] = v;
  });
}

}  // namespace anvil::train
