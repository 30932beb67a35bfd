// Every file of tests/malformed_markov is refused with an InputError naming
// the file, the expected line and cause (tests/malformed_markov/expected.tsv).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "equilibria/core/input_error.hpp"
#include "equilibria/io/markov_json.hpp"
#include "equilibria/io/text_file.hpp"
#include "test_games.hpp"

namespace equilibria {
namespace {

struct Expectation {
  std::string file;
  int line;
  std::string cause;
};

std::vector<Expectation> expectations() {
  std::ifstream in(test::test_data_dir() + "/malformed_markov/expected.tsv");
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

TEST(MalformedMarkovCorpus, HasAtLeastTwentyFiveCasesCoveringEveryFile) {
  const auto cases = expectations();
  EXPECT_GE(cases.size(), 25u);
  EXPECT_EQ(cases.size(), test::files_with_extension(test::test_data_dir() + "/malformed_markov", ".json").size());
}

TEST(MalformedMarkovCorpus, EachFileIsRefusedWithFileLineAndCause) {
  for (const auto& e : expectations()) {
    SCOPED_TRACE(e.file);
    const std::string path = test::test_data_dir() + "/malformed_markov/" + e.file;
    try {
      read_markov_json(read_text_file(path), path);
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
