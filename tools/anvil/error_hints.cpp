// Flag hints for library errors: the library names the option an error is about (Error::option);
// the CLI says which flag or command sets it.
#include "error_hints.h"

#include <map>

namespace anvil::cli {

// One hint per option; "{}" stands for the error's option value.
std::string flag_hint(const Error& e) {
  static const std::map<std::string, std::string> kHints = {
      {"resume", "resume with `anvil train --resume {}`"},
      {"resume_pipeline", "resume with `anvil pipeline --resume {}`"},
      {"output_path", "give the output file with -o {}"},
      {"model_path", "given with --model"},
      {"data_path", "give the data with --data FILE"},
      {"device", "choose another with --device cpu or auto"},
      {"port", "choose another with --port"},
      {"folds", "set with --folds"},
      {"mode", "train.mode, or --mode {}"},
      {"stop_after_steps", "set with --stop-after-steps"},
      {"run_db", "pass --db PATH, or train with track.enabled=true first"},
      {"run_id", "`anvil runs list` shows the runs"},
      {"specialist", "`anvil datagen --list` shows them"},
      {"validate_path", "give it as `anvil datagen --validate FILE`"},
      {"text_records", "use the text form: anvil datagen --specialist ... --format text"},
      {"model_folder", "train one with `anvil train --config configs/specialist.yaml`"},
      {"intent_model", "train one with `anvil train --data FILE`, then pass --model RUN/model"},
      {"master_port", "pass --master-port with a free port"},
      {"node_rank", "set with --node-rank, below --nnodes"},
  };
  auto it = kHints.find(e.option());
  if (it == kHints.end()) return "";
  std::string hint = it->second;
  if (auto at = hint.find("{}"); at != std::string::npos) hint.replace(at, 2, e.option_value());
  // An interrupted run's message ends with where its checkpoint is: the hint continues the
  // sentence.
  const bool continues = e.option() == "resume" || e.option() == "resume_pipeline";
  return continues ? "; " + hint : " (" + hint + ")";
}

}  // namespace anvil::cli
