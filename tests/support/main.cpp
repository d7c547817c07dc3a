// The test program's main: GoogleTest's own, with one change to what it prints. When a suite's
// SetUpTestSuite fails, GoogleTest marks each of the suite's tests skipped and prints
// "[  SKIPPED ]" for it; ctest (gtest_discover_tests adds a SKIP_REGULAR_EXPRESSION for that
// line, which a later property cannot take back) then counts the test as skipped, not failed, and
// a broken setup drops out of the results unseen. Here such a test is printed as failed instead,
// and the run ends with a summary that names the suites whose setup failed.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace {

using ::testing::TestEventListener;
using ::testing::TestInfo;
using ::testing::TestSuite;
using ::testing::UnitTest;

bool setup_failed(const TestSuite& suite) { return suite.ad_hoc_test_result().Failed(); }

// GoogleTest's printer for everything else.
class SetupFailuresAreFailures : public TestEventListener {
 public:
  explicit SetupFailuresAreFailures(TestEventListener* printer) : printer_(printer) {}

  void OnTestProgramStart(const UnitTest& u) override { printer_->OnTestProgramStart(u); }
  void OnTestIterationStart(const UnitTest& u, int i) override {
    printer_->OnTestIterationStart(u, i);
  }
  void OnEnvironmentsSetUpStart(const UnitTest& u) override {
    printer_->OnEnvironmentsSetUpStart(u);
  }
  void OnEnvironmentsSetUpEnd(const UnitTest& u) override { printer_->OnEnvironmentsSetUpEnd(u); }
  void OnTestSuiteStart(const TestSuite& s) override { printer_->OnTestSuiteStart(s); }
  void OnTestStart(const TestInfo& t) override { printer_->OnTestStart(t); }
  void OnTestPartResult(const ::testing::TestPartResult& r) override {
    printer_->OnTestPartResult(r);
  }
  void OnTestSuiteEnd(const TestSuite& s) override { printer_->OnTestSuiteEnd(s); }
  void OnEnvironmentsTearDownStart(const UnitTest& u) override {
    printer_->OnEnvironmentsTearDownStart(u);
  }
  void OnEnvironmentsTearDownEnd(const UnitTest& u) override {
    printer_->OnEnvironmentsTearDownEnd(u);
  }
  void OnTestProgramEnd(const UnitTest& u) override { printer_->OnTestProgramEnd(u); }

  void OnTestEnd(const TestInfo& t) override {
    const TestSuite* suite = UnitTest::GetInstance()->current_test_suite();
    if (t.result()->Skipped() && suite != nullptr && setup_failed(*suite)) {
      std::printf("[  FAILED  ] %s.%s (not run: SetUpTestSuite of %s failed, above)\n",
                  t.test_suite_name(), t.name(), t.test_suite_name());
      std::fflush(stdout);
      return;
    }
    printer_->OnTestEnd(t);
  }

  void OnTestIterationEnd(const UnitTest& u, int iteration) override {
    std::vector<const TestSuite*> broken;
    for (int i = 0; i < u.total_test_suite_count(); ++i) {
      if (setup_failed(*u.GetTestSuite(i))) broken.push_back(u.GetTestSuite(i));
    }
    if (broken.empty()) {
      printer_->OnTestIterationEnd(u, iteration);
      return;
    }
    // GoogleTest's summary would list the suites' tests as skipped; list them as failed.
    std::printf("[==========] %d tests from %d test suites ran.\n", u.test_to_run_count(),
                u.test_suite_to_run_count());
    std::printf("[  PASSED  ] %d tests.\n", u.successful_test_count());
    for (const TestSuite* s : broken) {
      std::printf("[  FAILED  ] %s: SetUpTestSuite or TearDownTestSuite failed; its tests:\n",
                  s->name());
      for (int j = 0; j < s->total_test_count(); ++j) {
        const TestInfo* t = s->GetTestInfo(j);
        if (t->should_run()) std::printf("[  FAILED  ] %s.%s\n", s->name(), t->name());
      }
    }
    int skipped = 0;  // by GTEST_SKIP, in suites whose setup ran
    for (int i = 0; i < u.total_test_suite_count(); ++i) {
      const TestSuite* s = u.GetTestSuite(i);
      for (int j = 0; j < s->total_test_count(); ++j) {
        const TestInfo* t = s->GetTestInfo(j);
        if (!t->should_run() || setup_failed(*s)) continue;
        if (t->result()->Failed()) std::printf("[  FAILED  ] %s.%s\n", s->name(), t->name());
        skipped += t->result()->Skipped();
      }
    }
    if (skipped > 0) std::printf("[  SKIPPED ] %d tests (GTEST_SKIP)\n", skipped);
    std::fflush(stdout);
  }

 private:
  std::unique_ptr<TestEventListener> printer_;
};

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::TestEventListeners& listeners = UnitTest::GetInstance()->listeners();
  if (TestEventListener* printer = listeners.default_result_printer()) {
    listeners.Append(new SetupFailuresAreFailures(listeners.Release(printer)));
  }
  return RUN_ALL_TESTS();
}
