// Flag hints for library errors: the library names the option an error is about (Error::option);
// the CLI says which flag or command sets it.
#include "error_hints.h"

#include <map>

namespace anvil::cli {

std::string flag_hint(const Error& e) {
  const std::string& v = e.option_value();
  if (e.option() == "resume") return "; resume with `anvil train --resume " + v + "`";
  static const std::map<std::string, std::string> kFlags = {
      {"output_path", "give the output file with -o "},
      {"model_path", "given with --model"},
      {"data_path", "give the data with --data FILE"},
      {"device", "choose another with --device cpu or auto"},
      {"port", "choose another with --port"},
      {"folds", "set with --folds"},
      {"stop_after_steps", "set with --stop-after-steps"},
      {"run_db", "pass --db PATH, or train with track.enabled=true first"},
      {"run_id", "`anvil runs list` shows the runs"},
      {"specialist", "`anvil datagen --list` shows them"},
      {"validate_path", "give it as `anvil datagen --validate FILE`"},
      {"text_records", "use the text form: anvil datagen --specialist ... --format text"},
      {"model_folder", "train one with `anvil train --config configs/specialist.yaml`"},
      {"intent_model", "train one with `anvil train --data FILE`, then pass --model RUN/model"},
  };
  auto it = kFlags.find(e.option());
  if (it == kFlags.end()) return "";
  return " (" + it->second + (e.option() == "output_path" ? v : "") + ")";
}

}  // namespace anvil::cli
