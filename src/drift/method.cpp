#include "drift/method.hpp"

#include <array>
#include <utility>

namespace assay::drift {

namespace {

constexpr std::array<std::pair<Method, std::string_view>, 14> kNames{{
    {Method::automatic, "auto"},     {Method::ks, "ks"},         {Method::chi2, "chi2"},
    {Method::ztest, "ztest"},        {Method::fisher, "fisher"}, {Method::psi, "psi"},
    {Method::js, "js"},              {Method::kl, "kl"},         {Method::hellinger, "hellinger"},
    {Method::wasserstein, "wasserstein"}, {Method::anderson, "anderson"}, {Method::cvm, "cvm"},
    {Method::energy, "energy"},      {Method::tvd, "tvd"},
}};

}  // namespace

std::string_view method_name(Method method) {
  for (const auto& [m, name] : kNames) {
    if (m == method) return name;
  }
  return "auto";
}

std::optional<Method> parse_method(std::string_view name) {
  for (const auto& [m, n] : kNames) {
    if (n == name) return m;
  }
  return std::nullopt;
}

std::string_view method_names() {
  return "auto|ks|chi2|ztest|fisher|psi|js|kl|hellinger|wasserstein|anderson|cvm|energy|tvd";
}

bool is_test(Method method) {
  switch (method) {
    case Method::ks:
    case Method::chi2:
    case Method::ztest:
    case Method::fisher:
    case Method::anderson:
    case Method::cvm:
      return true;
    default:
      return false;
  }
}

double default_threshold(Method method) { return is_test(method) ? 0.05 : 0.1; }

bool applicable(Method method, Shape shape, bool binary) {
  switch (method) {
    case Method::automatic:
      return true;
    case Method::ks:
    case Method::wasserstein:
    case Method::anderson:
    case Method::cvm:
    case Method::energy:
      return shape == Shape::numeric;
    case Method::chi2:
      return shape == Shape::categorical;
    case Method::ztest:
    case Method::fisher:
      return shape == Shape::categorical && binary;
    case Method::psi:
    case Method::js:
    case Method::kl:
    case Method::hellinger:
    case Method::tvd:
      return true;
  }
  return false;
}

Method choose_auto(const AutoInput& input) {
  if (input.reference_rows <= kSmallSampleRows) {
    if (input.shape == Shape::numeric) return Method::ks;
    if (input.binary) return input.min_expected_count < 5.0 ? Method::fisher : Method::ztest;
    return Method::chi2;
  }
  return input.shape == Shape::numeric ? Method::wasserstein : Method::js;
}

}  // namespace assay::drift
