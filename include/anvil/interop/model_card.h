// Model cards: the README.md written next to every exported model — architecture and size,
// training data and config hash, metrics, intended use and limits, and the command that made it.
#pragma once

#include <map>
#include <string>

namespace anvil::interop {

struct ModelCardInfo {
  std::string title;
  std::string architecture;  // e.g. "LlamaForCausalLM, 4 layers, d=256, GQA 4/2"
  int64_t parameters = 0;
  std::string training_data;  // dataset path(s) and record counts, if known
  std::string config_hash;    // hash of the resolved training config, if known
  std::map<std::string, std::string> metrics;
  std::string intended_use;
  std::string limitations;
  std::string command;  // the exact command line that produced the export
};

std::string render_model_card(const ModelCardInfo& info);

}  // namespace anvil::interop
