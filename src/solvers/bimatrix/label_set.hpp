#pragma once
// A set of labels or basis columns below kMaxLabels, as a fixed-size bitset:
// hashable, no allocation, with the tests that matching complementary labels
// needs.
#include <array>
#include <cstdint>

namespace equilibria::bimatrix {

inline constexpr int kMaxLabels = 256;

class LabelSet {
 public:
  void insert(int i) { words_[i >> 6] |= std::uint64_t{1} << (i & 63); }
  void erase(int i) { words_[i >> 6] &= ~(std::uint64_t{1} << (i & 63)); }
  bool contains(int i) const { return (words_[i >> 6] >> (i & 63)) & 1; }
  int size() const {
    int c = 0;
    for (auto w : words_) c += __builtin_popcountll(w);
    return c;
  }
  // this ∪ other ⊇ {0, ..., universe-1}
  bool covers_with(const LabelSet& other, int universe) const {
    for (int k = 0; k * 64 < universe; ++k) {
      const int bits = universe - k * 64;
      const std::uint64_t want = bits >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1;
      if (((words_[k] | other.words_[k]) & want) != want) return false;
    }
    return true;
  }
  // {0..universe-1} minus this set.
  LabelSet complement(int universe) const {
    LabelSet c;
    for (int i = 0; i < universe; ++i) {
      if (!contains(i)) c.insert(i);
    }
    return c;
  }
  bool operator==(const LabelSet& o) const { return words_ == o.words_; }

  std::size_t hash() const {
    std::uint64_t h = 0x9e3779b97f4a7c15ull;
    for (auto w : words_) {
      h ^= w + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    }
    return static_cast<std::size_t>(h * 0xbf58476d1ce4e5b9ull);
  }

 private:
  std::array<std::uint64_t, kMaxLabels / 64> words_{};
};

struct LabelSetHash {
  std::size_t operator()(const LabelSet& s) const { return s.hash(); }
};

}  // namespace equilibria::bimatrix
