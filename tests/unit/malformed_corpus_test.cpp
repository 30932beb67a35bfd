// Every file of tests/malformed is refused with an InputError naming the file,
// the expected line and cause (tests/malformed/expected.tsv).
#include "equilibria/io/nfg.hpp"
#include "malformed_corpus.hpp"

namespace equilibria {
namespace {

TEST(MalformedCorpus, HasAtLeastThirtyCasesCoveringEveryFile) {
  const auto cases = test::malformed_cases("malformed");
  EXPECT_GE(cases.size(), 30u);
  EXPECT_EQ(cases.size(), test::files_with_extension(test::test_data_dir() + "/malformed", ".nfg").size());
}

TEST(MalformedCorpus, EachFileIsRefusedWithFileLineAndCause) {
  test::expect_each_refused("malformed", [](const std::string& path) { read_nfg_file(path); });
}

}  // namespace
}  // namespace equilibria
