// Data generation with progress.
#include "anvil/pipeline/datagen_stage.h"

#include "anvil/core/progress.h"

namespace anvil::pipeline {

namespace {
// Runs `generate(progress_callback)` with a bar that follows the callback's done counts.
template <typename Generate>
auto with_progress_bar(int64_t total, const std::string& label, Generate generate) {
  ProgressOptions po;
  po.label = label;
  po.unit = "rec";
  ProgressBar bar(total, po);
  int64_t last = 0;
  auto report = generate([&](int64_t done, int64_t) {
    bar.update(done - last);
    last = done;
  });
  bar.update(report.written - last);
  bar.finish();
  return report;
}
}  // namespace

datagen::DatagenReport generate_with_progress(const datagen::DatagenOptions& options,
                                              const std::string& label) {
  return with_progress_bar(options.n, label, [&](const auto& progress) {
    return datagen::generate_dataset(options, progress);
  });
}

datagen::SpecialistDatagenReport generate_with_progress(
    const datagen::SpecialistDatagenOptions& options, const std::string& label) {
  return with_progress_bar(options.n, label, [&](const auto& progress) {
    return datagen::generate_specialist_dataset(options, progress);
  });
}

}  // namespace anvil::pipeline
