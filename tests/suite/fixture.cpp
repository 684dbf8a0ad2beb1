#include "suite/fixture.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/random.hpp"
#include "suite/run.hpp"
#include "suite/suite_file.hpp"

namespace assay::testing {

core::Table model_table(std::size_t rows, std::uint64_t seed, double shift, std::int64_t first_id) {
  core::Random rng(seed);  // ours, so the data do not depend on the standard library
  std::vector<double> x1(rows), x2(rows), proba(rows);
  std::vector<std::int64_t> label(rows), pred(rows), id(rows), ts(rows);
  std::vector<std::int32_t> region(rows), sex(rows);
  for (std::size_t i = 0; i < rows; ++i) {
    x1[i] = rng.normal() + shift;
    x2[i] = rng.normal();
    const double z = 1.5 * x1[i] + 0.8 * x2[i];
    proba[i] = 1.0 / (1.0 + std::exp(-z));
    label[i] = rng.uniform() < proba[i] ? 1 : 0;
    pred[i] = proba[i] >= 0.5 ? 1 : 0;
    region[i] = static_cast<std::int32_t>(i % 3);
    sex[i] = rng.uniform() < 0.5 ? 0 : 1;
    id[i] = first_id + static_cast<std::int64_t>(i);
    ts[i] = (static_cast<std::int64_t>(seed) * 1000000 + static_cast<std::int64_t>(i)) * 1000000000LL;
  }
  core::Table table;
  table.add(core::Column::int64("id", std::move(id)));
  table.add(core::Column::timestamp("ts", std::move(ts)));
  table.add(core::Column::float64("x1", std::move(x1)));
  table.add(core::Column::float64("x2", std::move(x2)));
  table.add(core::Column::categorical("region", std::move(region), {"north", "south", "west"}));
  table.add(core::Column::categorical("sex", std::move(sex), {"f", "m"}));
  table.add(core::Column::int64("label", std::move(label)));
  table.add(core::Column::float64("proba", std::move(proba)));
  table.add(core::Column::int64("pred", std::move(pred)));
  return table;
}

ModelData model_data(std::size_t rows, double shift) {
  return {model_table(rows, 1), model_table(rows, 2, shift, 1000000)};
}

suite::Outcome run_suite_text(const std::string& yaml, const ModelData& data,
                              const std::map<std::string, std::string>& files) {
  const suite::Suite parsed = suite::parse_suite(yaml, "/virtual/suite.yaml");
  suite::Inputs inputs{&data.current, parsed.data.reference ? &data.reference : nullptr, files};
  return suite::run_suite(parsed, inputs, {});
}

core::Status status_of(const suite::Outcome& outcome, const std::string& id) {
  const core::Finding* found = nullptr;
  for (const auto& f : outcome.findings) {
    if (f.id.rfind(id, 0) == 0) {
      EXPECT_EQ(found, nullptr) << "two findings start with " << id;
      found = &f;
    }
  }
  if (found == nullptr) {
    ADD_FAILURE() << "no finding " << id;
    return core::Status::info;
  }
  return found->status;
}

}  // namespace assay::testing
