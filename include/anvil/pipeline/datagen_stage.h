// Data generation as a pipeline stage: intent or specialist records with a progress bar on stderr.
#pragma once

#include <string>

#include "anvil/datagen/generator.h"
#include "anvil/datagen/specialist_generator.h"

namespace anvil::pipeline {

datagen::DatagenReport generate_with_progress(const datagen::DatagenOptions& options,
                                              const std::string& label);

datagen::SpecialistDatagenReport generate_with_progress(
    const datagen::SpecialistDatagenOptions& options, const std::string& label);

}  // namespace anvil::pipeline
