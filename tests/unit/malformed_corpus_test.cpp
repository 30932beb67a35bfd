// Every file of tests/malformed is refused with an InputError naming the file,
// the expected line and cause (tests/malformed/expected.tsv).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "equilibria/core/input_error.hpp"
#include "equilibria/io/nfg.hpp"
#include "test_games.hpp"

namespace equilibria {
namespace {

struct Expectation {
  std::string file;
  int line;
  std::string cause;
};

std::vector<Expectation> expectations() {
  std::ifstream in(test::test_data_dir() + "/malformed/expected.tsv");
  std::vector<Expectation> out;
  std::string row;
  while (std::getline(in, row)) {
    if (row.empty() || row[0] == '#') continue;
    std::istringstream fields(row);
    Expectation e;
    std::string line;
    std::getline(fields, e.file, '\t');
    std::getline(fields, line, '\t');
    std::getline(fields, e.cause);
    e.line = std::stoi(line);
    out.push_back(e);
  }
  return out;
}

TEST(MalformedCorpus, HasAtLeastThirtyCasesCoveringEveryFile) {
  const auto cases = expectations();
  EXPECT_GE(cases.size(), 30u);
  EXPECT_EQ(cases.size(), test::files_with_extension(test::test_data_dir() + "/malformed", ".nfg").size());
}

TEST(MalformedCorpus, EachFileIsRefusedWithFileLineAndCause) {
  for (const auto& e : expectations()) {
    SCOPED_TRACE(e.file);
    const std::string path = test::test_data_dir() + "/malformed/" + e.file;
    try {
      read_nfg_file(path);
      ADD_FAILURE() << "accepted";
    } catch (const InputError& err) {
      EXPECT_EQ(err.file(), path);
      EXPECT_EQ(err.line(), e.line) << err.what();
      EXPECT_NE(err.cause().find(e.cause), std::string::npos) << err.what();
      EXPECT_EQ(std::string(err.what()).find('\n'), std::string::npos) << "message must be one line";
    }
  }
}

}  // namespace
}  // namespace equilibria
