// Model card rendering (Markdown).
#include "anvil/interop/model_card.h"

namespace anvil::interop {

std::string render_model_card(const ModelCardInfo& m) {
  std::string s = "# " + m.title + "\n\n";
  s += "## Model\n\n- Architecture: " + m.architecture +
       "\n- Parameters: " + std::to_string(m.parameters) + "\n\n";
  s += "## Training\n\n- Data: " +
       (m.training_data.empty() ? std::string("unknown") : m.training_data) + "\n";
  s +=
      "- Config hash: " + (m.config_hash.empty() ? std::string("unknown") : m.config_hash) + "\n\n";
  s += "## Metrics\n\n";
  if (m.metrics.empty()) s += "No evaluation was recorded with this model.\n";
  for (const auto& [k, v] : m.metrics) s += "- " + k + ": " + v + "\n";
  s += "\n## Intended use\n\n" + m.intended_use + "\n\n## Limitations\n\n" + m.limitations + "\n\n";
  s += "## Produced by\n\n```\n" + m.command + "\n```\n";
  return s;
}

}  // namespace anvil::interop
