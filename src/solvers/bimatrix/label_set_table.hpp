#pragma once
// An insert-only hash set of LabelSets with open addressing in one flat
// array: the vertex walk inserts and probes it once per edge, so it must not
// allocate per element.
#include <vector>

#include "label_set.hpp"

namespace equilibria::bimatrix {

class LabelSetTable {
 public:
  LabelSetTable() : slots_(1024), used_(1024, 0) {}

  // True when `s` was not present (and is now).
  bool insert(const LabelSet& s) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    return insert_into(slots_, used_, s);
  }
  std::size_t size() const { return size_; }

 private:
  bool insert_into(std::vector<LabelSet>& slots, std::vector<char>& used, const LabelSet& s) {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = s.hash() & mask;; i = (i + 1) & mask) {
      if (!used[i]) {
        used[i] = 1;
        slots[i] = s;
        ++size_;
        return true;
      }
      if (slots[i] == s) return false;
    }
  }
  void grow() {
    std::vector<LabelSet> slots(slots_.size() * 2);
    std::vector<char> used(slots.size(), 0);
    size_ = 0;
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      if (used_[i]) insert_into(slots, used, slots_[i]);
    }
    slots_.swap(slots);
    used_.swap(used);
  }

  std::vector<LabelSet> slots_;
  std::vector<char> used_;
  std::size_t size_ = 0;
};

}  // namespace equilibria::bimatrix
