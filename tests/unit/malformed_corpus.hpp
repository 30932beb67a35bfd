#pragma once
// The malformed-file corpora (tests/malformed*, each with an expected.tsv of
// file, line and a substring of the cause): every file must be refused with
// an InputError naming it, that line and cause, in one line.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "equilibria/core/input_error.hpp"
#include "test_games.hpp"

namespace equilibria::test {

struct MalformedCase {
  std::string file;
  int line = 0;
  std::string cause;
};

// The rows of test_data_dir()/CORPUS/expected.tsv, comments skipped.
inline std::vector<MalformedCase> malformed_cases(const std::string& corpus) {
  std::ifstream in(test_data_dir() + "/" + corpus + "/expected.tsv");
  std::vector<MalformedCase> out;
  std::string row;
  while (std::getline(in, row)) {
    if (row.empty() || row[0] == '#') continue;
    std::istringstream fields(row);
    MalformedCase c;
    std::string line;
    std::getline(fields, c.file, '\t');
    std::getline(fields, line, '\t');
    std::getline(fields, c.cause);
    c.line = std::stoi(line);
    out.push_back(c);
  }
  return out;
}

// read(path) must throw the InputError each case expects.
template <class Read>
void expect_each_refused(const std::string& corpus, Read read) {
  for (const auto& c : malformed_cases(corpus)) {
    SCOPED_TRACE(c.file);
    const std::string path = test_data_dir() + "/" + corpus + "/" + c.file;
    try {
      read(path);
      ADD_FAILURE() << "accepted";
    } catch (const InputError& err) {
      EXPECT_EQ(err.file(), path);
      EXPECT_EQ(err.line(), c.line) << err.what();
      EXPECT_NE(err.cause().find(c.cause), std::string::npos) << err.what();
      EXPECT_EQ(std::string(err.what()).find('\n'), std::string::npos) << "message must be one line";
    }
  }
}

}  // namespace equilibria::test
