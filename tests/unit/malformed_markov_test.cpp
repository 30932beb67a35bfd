// Every file of tests/malformed_markov is refused with an InputError naming
// the file, the expected line and cause (tests/malformed_markov/expected.tsv).
#include "equilibria/io/markov_json.hpp"
#include "equilibria/io/text_file.hpp"
#include "malformed_corpus.hpp"

namespace equilibria {
namespace {

TEST(MalformedMarkovCorpus, HasAtLeastTwentyFiveCasesCoveringEveryFile) {
  const auto cases = test::malformed_cases("malformed_markov");
  EXPECT_GE(cases.size(), 25u);
  EXPECT_EQ(cases.size(), test::files_with_extension(test::test_data_dir() + "/malformed_markov", ".json").size());
}

TEST(MalformedMarkovCorpus, EachFileIsRefusedWithFileLineAndCause) {
  test::expect_each_refused("malformed_markov", [](const std::string& path) { read_markov_json(read_text_file(path), path); });
}

}  // namespace
}  // namespace equilibria
