#pragma once
// Label noise by confident learning (Northcutt, Jiang & Chuang, "Confident
// Learning: Estimating Uncertainty in Dataset Labels", JAIR 70, 2021),
// written from the paper (docs/labels.md). Input: each row's given label
// and out-of-sample probabilities of every class.
//
//   t_j      per-class threshold: the mean probability of class j over the
//            rows labelled j (the paper's expected self-confidence)
//   C[i][j]  the confident joint: rows labelled i whose probability of j is
//            >= t_j; a row above several thresholds counts for the class of
//            highest probability among them (the first class on ties); a
//            row above none is not counted
//   Q        C calibrated: each row i rescaled to the number of rows
//            labelled i, then divided by the total (an estimate of the
//            joint distribution of given and true labels)
//   noise rate of label i  1 - Q[i][i] / sum_j Q[i][j]; overall 1 - trace Q
//   noise matrix           P(given i | true j) = Q[i][j] / sum_i Q[i][j]
//   suspects  prune by noise rate (the paper's PBNR): for each i != j, the
//            round(n Q[i][j]) rows labelled i with the largest margin
//            p_j - p_i (half rounds up; equal margins: lower row first),
//            ranked by self-confidence (probability of the given label)
//            ascending, equal ones by row.
// Every class must label at least one row (else its threshold is
// undefined: an error, not a guess).

#include <cstdint>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "security/class_probabilities.hpp"

namespace assay::security {

struct Suspect {
  std::size_t row = 0;          // 0-based row of the input
  std::int32_t given = 0;       // class code of the label
  std::int32_t likely = 0;      // the class of highest probability
  double self_confidence = 0.0;
};

struct LabelNoise {
  std::vector<std::string> classes;
  std::vector<std::size_t> label_counts;
  std::vector<double> thresholds;
  std::vector<std::vector<std::size_t>> confident_joint;  // [given][true]
  std::vector<std::vector<double>> joint;                 // Q
  std::vector<double> noise_rate;                         // per given label
  double overall_noise_rate = 0.0;
  std::vector<std::vector<double>> noise_matrix;          // [given][true]
  std::vector<Suspect> suspects;                          // ranked
};

// Throws core::Error when a class labels no row.
LabelNoise confident_learning(const ClassProbabilities& p);

// Findings "labels.noise_rate" (overall) and "labels.noise_rate.<class>",
// info status; the overall one carries the noise matrix, the thresholds and
// the first `top` suspects (row numbers 1-based, as data rows).
std::vector<core::Finding> label_noise_findings(const LabelNoise& noise, std::size_t top);

}  // namespace assay::security
