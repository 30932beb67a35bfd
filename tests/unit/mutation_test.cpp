// Corpus files, damaged at random (truncated, bytes overwritten, tokens
// duplicated), must be refused with an InputError or read: never a crash, a
// hang or another exception. Under the sanitizer build this also checks
// memory safety on every path the damage takes.
#include <gtest/gtest.h>

#include <random>

#include "equilibria/core/input_error.hpp"
#include "equilibria/io/efg.hpp"
#include "equilibria/io/nfg.hpp"
#include "equilibria/io/preference_csv.hpp"
#include "test_games.hpp"

namespace equilibria {
namespace {

std::string damaged(const std::string& text, std::mt19937_64& rng) {
  std::string out = text;
  const char pool[] = "{}\",0123456789-/.e NaNinf\n\t\x01\xff";
  switch (rng() % 4) {
    case 0:  // truncate
      out.resize(rng() % (out.size() + 1));
      break;
    case 1:  // overwrite a few bytes
      for (int k = 0; k < 3 && !out.empty(); ++k) out[rng() % out.size()] = pool[rng() % (sizeof pool - 1)];
      break;
    case 2: {  // duplicate a slice
      if (out.empty()) break;
      const std::size_t a = rng() % out.size(), len = std::min<std::size_t>(rng() % 40, out.size() - a);
      out.insert(rng() % out.size(), out.substr(a, len));
      break;
    }
    default:  // delete a slice
      if (out.empty()) break;
      out.erase(rng() % out.size(), rng() % 40);
      break;
  }
  return out;
}

template <class Read>
void survive(const std::vector<std::string>& files, Read read, int rounds) {
  std::mt19937_64 rng(99);
  for (const auto& f : files) {
    const std::string text = read_text_file(f);
    for (int r = 0; r < rounds; ++r) {
      const std::string bad = damaged(text, rng);
      try {
        read(bad);
      } catch (const InputError& e) {
        EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
      }
    }
  }
}

TEST(Mutation, NfgReaderOnlyEverThrowsInputError) {
  survive(test::files_with_extension(test::shared_dir() + "/games/gambit", ".nfg"),
          [](const std::string& t) { read_nfg(t, "m.nfg"); }, 40);
}

TEST(Mutation, EfgReaderOnlyEverThrowsInputError) {
  survive(test::files_with_extension(test::shared_dir() + "/games/gambit", ".efg"),
          [](const std::string& t) { read_efg(t, "m.efg"); }, 15);
}

TEST(Mutation, PreferenceCsvOnlyEverThrowsInputError) {
  survive({test::test_data_dir() + "/../examples/preferences.csv"},
          [](const std::string& t) { read_preference_csv(t, "m.csv"); }, 300);
}

}  // namespace
}  // namespace equilibria
