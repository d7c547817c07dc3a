// Data generation with progress.
#include "anvil/pipeline/datagen_stage.h"

#include "anvil/core/progress.h"

namespace anvil::pipeline {

datagen::DatagenReport generate_with_progress(const datagen::DatagenOptions& options,
                                              const std::string& label) {
  ProgressOptions po;
  po.label = label;
  po.unit = "rec";
  ProgressBar bar(options.n, po);
  int64_t last = 0;
  auto report = datagen::generate_dataset(options, [&](int64_t done, int64_t) {
    bar.update(done - last);
    last = done;
  });
  bar.update(report.written - last);
  bar.finish();
  return report;
}

}  // namespace anvil::pipeline
