// .efg reader. A tree it accepts must survive write/read unchanged (writing
// is a fixed point) and, when small with perfect recall, certify the uniform
// behaviour exactly with non-negative regrets.
#include "equilibria/io/efg.hpp"
#include "equilibria/verify/exploitability.hpp"
#include "fuzz_common.hpp"

namespace equilibria::fuzz {

void check_tree(const GameTree& tree) {
  const std::string once = write_efg(tree);
  std::string twice;
  if (!accepts([&] { twice = write_efg(read_efg(once, "written.efg")); })) finding("the written tree does not read back");
  if (twice != once) finding("write_efg(read_efg(write_efg(t))) differs from write_efg(t)");
  constexpr int kCertifyNodes = 2000;
  if (tree.num_nodes() > kCertifyNodes || !tree.perfect_recall()) return;
  check_regrets(certify_behavior(tree, uniform_behavior<Rational>(tree)).regrets, "uniform behaviour");
}

}  // namespace equilibria::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace equilibria;
  std::optional<GameTree> tree;
  if (fuzz::accepts([&] { tree.emplace(read_efg(fuzz::as_text(data, size), "fuzz.efg")); })) fuzz::check_tree(*tree);
  return 0;
}
