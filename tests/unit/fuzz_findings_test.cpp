// Inputs the libFuzzer harnesses (fuzz/) found mishandled, each kept as a
// regression test of the reader that mishandled it.
#include <gtest/gtest.h>

#include <string>

#include "equilibria/core/input_error.hpp"
#include "equilibria/io/efg.hpp"
#include "equilibria/io/nfg.hpp"

namespace equilibria {
namespace {

using namespace std::string_literals;

void expect_refused(void (*read)(const std::string&), const std::string& text, const std::string& cause) {
  try {
    read(text);
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(cause), std::string::npos) << e.what();
  }
}

// fuzz_nfg: a backslash before a NUL byte let the NUL into a strategy name,
// which write_nfg then wrote out as a file read_nfg refuses.
TEST(FuzzFindings, EscapedNulInsideAStringIsRefusedLikeABareOne) {
  const std::string nfg = "NFG 1 R \"t\" { \"A\" \"B\" } { { \"x\\\0y\" } { \"z\" } } 1 2"s;
  expect_refused([](const std::string& t) { read_nfg(t, "m.nfg"); }, nfg, "NUL byte inside a string");
  const std::string efg = "EFG 2 R \"t\\\0\" { \"A\" } \"\"\nt \"\" 1 \"o\" { 1 }\n"s;
  expect_refused([](const std::string& t) { read_efg(t, "m.efg"); }, efg, "NUL byte inside a string");
}

}  // namespace
}  // namespace equilibria
