// Data generation as a pipeline stage: generate_dataset with a progress bar on stderr.
#pragma once

#include <string>

#include "anvil/datagen/generator.h"

namespace anvil::pipeline {

datagen::DatagenReport generate_with_progress(const datagen::DatagenOptions& options,
                                              const std::string& label);

}  // namespace anvil::pipeline
