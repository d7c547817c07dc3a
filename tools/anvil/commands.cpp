// Registers every subcommand.
#include "commands.h"

namespace anvil::cli {

void register_commands(CLI::App& app, Context& ctx) {
  register_datagen(app, ctx);
  register_curate(app, ctx);
  register_data(app, ctx);
  register_test(app, ctx);
  register_train(app, ctx);
  register_eval(app, ctx);
  register_predict(app, ctx);
  register_pipeline(app, ctx);
  register_profiles(app, ctx);
  register_tokenizer(app, ctx);
  register_runs(app, ctx);
  register_ui(app, ctx);
  register_plot(app, ctx);
  register_generate(app, ctx);
  register_lora(app, ctx);
  register_export(app, ctx);
  register_serve(app, ctx);
  register_route(app, ctx);
  register_launch(app, ctx);
}

}  // namespace anvil::cli
