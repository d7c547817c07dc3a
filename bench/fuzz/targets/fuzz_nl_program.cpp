// Annotated `.nl` programs (anvil/datagen/nl_library.h): parse (which assembles), then run the
// program on its @test inputs and render every prompt.
#include <cstddef>
#include <cstdint>

#include "anvil/core/error.h"
#include "anvil/datagen/nl_library.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const auto program =
        anvil::datagen::parse_nl_source(anvil::fuzz::as_view(data, size), "fuzz.nl");
    for (const auto& test : program.tests) {
      for (const auto& prompt : program.prompts)
        (void)anvil::datagen::render_nl_prompt(program, prompt, test.inputs);
      (void)anvil::datagen::instantiate_nl_program(program, test.inputs, true);
      try {
        (void)anvil::datagen::run_nl_program(program, test.inputs);
      } catch (const anvil::Error&) {
      }
    }
  } catch (const anvil::Error&) {
  }
  return 0;
}
