// Workspace::memo under concurrent checks: each shared engine run is
// computed once however many checks ask for it at the same time, and a run
// that failed gives every check the same error.

#include "suite/workspace.hpp"

#include <gtest/gtest.h>
#include <oneapi/tbb/parallel_for.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "suite/suite_file.hpp"
#include "suite/fixture.hpp"

namespace assay::suite {
namespace {

class WorkspaceMemo : public ::testing::Test {
 protected:
  testing::ModelData data = testing::model_data(50);
  Suite suite;
  Workspace workspace{suite, Inputs{&data.current, nullptr, {}}};
};

TEST_F(WorkspaceMemo, ComputesEachKeyOnceWhenManyChecksAskAtOnce) {
  std::atomic<int> computed{0};
  std::atomic<int> wrong{0};
  tbb::parallel_for(0, 64, [&](int i) {
    const std::string key = i % 2 == 0 ? "even" : "odd";
    const int& value = workspace.memo<int>(key, [&] {
      ++computed;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));  // others arrive while it runs
      return key == "even" ? 2 : 1;
    });
    if (value != (i % 2 == 0 ? 2 : 1)) ++wrong;
  });
  EXPECT_EQ(computed.load(), 2);
  EXPECT_EQ(wrong.load(), 0);
}

TEST_F(WorkspaceMemo, GivesEveryCallerTheSameError) {
  std::atomic<int> computed{0};
  std::atomic<int> errors{0};
  tbb::parallel_for(0, 16, [&](int) {
    try {
      workspace.memo<int>("broken", [&]() -> int {
        ++computed;
        throw core::Error("the engine could not compute this");
      });
    } catch (const core::Error& e) {
      if (e.message() == "the engine could not compute this") ++errors;
    }
  });
  EXPECT_EQ(computed.load(), 1);
  EXPECT_EQ(errors.load(), 16);
}

}  // namespace
}  // namespace assay::suite
