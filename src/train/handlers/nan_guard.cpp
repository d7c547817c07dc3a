// NaN guard.
#include "anvil/train/handlers/nan_guard.h"

#include <cmath>

namespace anvil::train {

void NanGuard::attach(Engine& engine) {
  engine.on(on(Event::kIterationCompleted), [](Engine& e) {
    for (const auto& [key, value] : e.state().output) {
      if (!std::isfinite(value)) {
        e.terminate("non-finite " + key + " (" + std::to_string(value) + ") at epoch " +
                        std::to_string(e.state().epoch) + ", iteration " +
                        std::to_string(e.state().iteration) +
                        "; try a lower train.lr or train.grad_clip",
                    /*failed=*/true);
        return;
      }
    }
  });
}

}  // namespace anvil::train
