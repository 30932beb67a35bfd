#include "equilibria/verify/markov_mixture_certificate.hpp"

#include <algorithm>
#include <memory>
#include <cmath>
#include <stdexcept>
#include <unordered_map>


namespace equilibria {

Rational MixtureDeviation::gap_lower() const { return std::max(Rational(0), Rational(lower - value)); }
Rational MixtureDeviation::gap_upper() const { return std::max(Rational(0), Rational(upper - value)); }

namespace {

// Learners' mixes rounded to multiples of 2^-kGridBits, the largest entry
// taking the rest so that each sums to exactly 1: short exact numbers keep
// the posterior recursion's rationals small, and doubles hold them exactly.
constexpr int kGridBits = 30;

std::vector<Rational> on_dyadic_grid(const std::vector<double>& mix) {
  double total = 0;
  std::size_t largest = 0;
  for (std::size_t a = 0; a < mix.size(); ++a) {
    total += mix[a];
    if (mix[a] > mix[largest]) largest = a;
  }
  const double unit = std::ldexp(1.0, kGridBits);
  std::vector<Rational> out(mix.size());
  Rational rest = 1;
  for (std::size_t a = 0; a < mix.size(); ++a) {
    if (a == largest) continue;
    out[a] = Rational(std::round(mix[a] / total * unit)) / Rational(unit);
    rest -= out[a];
  }
  out[largest] = rest;
  return out;
}

}  // namespace

MarkovMixture uniform_mixture(const std::vector<FiniteHorizonPolicy<double>>& policies) {
  MarkovMixture m;
  m.weights.assign(policies.size(), Rational(1) / static_cast<unsigned long>(std::max<std::size_t>(1, policies.size())));
  for (const auto& policy : policies) {
    FiniteHorizonPolicy<Rational> exact(policy.size());
    for (std::size_t t = 0; t < policy.size(); ++t) {
      exact[t].resize(policy[t].size());
      for (std::size_t p = 0; p < policy[t].size(); ++p) {
        for (const auto& mix : policy[t][p]) exact[t][p].push_back(on_dyadic_grid(mix));
      }
    }
    m.components.push_back(std::move(exact));
  }
  return m;
}

namespace {

enum class Play { kBest, kFixed, kOwnMix };

// One deviator's view of the mixture: for each component, the others'
// probability of every outcome's a_{-i} (flat, step-major: t * outcomes + o),
// and the backward inductions the bounds need.
class DeviatorView {
 public:
  DeviatorView(const MarkovGame& game, const MarkovMixture& mixture, int deviator)
      : g_(game), m_(mixture), i_(deviator), h_(game.horizon()), o_(game.num_outcomes()) {
    const int n = g_.num_players();
    others_.assign(m_.components.size(), std::vector<Rational>(static_cast<std::size_t>(h_) * o_, Rational(1)));
    std::vector<int> digit(n);
    for (std::size_t k = 0; k < m_.components.size(); ++k) {
      for (int t = 0; t < h_; ++t) {
        for (int s = 0; s < g_.num_states(); ++s) {
          std::fill(digit.begin(), digit.end(), 0);
          for (std::int64_t j = 0; j < g_.num_joint(s); ++j) {
            Rational& w = others_[k][t * o_ + g_.joint_begin(s) + j];
            for (int p = 0; p < n; ++p) {
              if (p != i_) w *= m_.components[k][t][p][s][digit[p]];
            }
            for (int p = 0; p < n && ++digit[p] == g_.num_actions(s, p); ++p) digit[p] = 0;
          }
        }
      }
    }
  }

  const Rational& others(std::size_t k, int t, std::int64_t outcome) const { return others_[k][t * o_ + outcome]; }

  int action_of(int s, std::int64_t joint) const {
    return static_cast<int>((joint / g_.stride(s, i_)) % g_.num_actions(s, i_));
  }

  // The deviator's values at every (t, s) ((horizon + 1) x states, the last
  // row 0) against the others' weights `w` (t * outcomes + o): the best
  // response (its pure actions into `best`, if given), a fixed pure policy,
  // or the component's own mix for the deviator too (`own`, Play::kOwnMix).
  std::vector<Rational> values(const std::vector<Rational>& w, Play play, const std::vector<int>* fixed,
                               std::vector<int>* best, const FiniteHorizonPolicy<Rational>* own) const {
    const int states = g_.num_states();
    std::vector<Rational> v(static_cast<std::size_t>(h_ + 1) * states, Rational(0));
    if (best != nullptr) best->assign(static_cast<std::size_t>(h_) * states, 0);
    std::vector<Rational> q;
    Rational cont;
    for (int t = h_ - 1; t >= 0; --t) {
      for (int s = 0; s < states; ++s) {
        q.assign(g_.num_actions(s, i_), Rational(0));
        for (std::int64_t j = 0; j < g_.num_joint(s); ++j) {
          const std::int64_t o = g_.joint_begin(s) + j;
          const Rational& weight = w[t * o_ + o];
          if (sgn(weight) == 0) continue;
          cont = g_.reward(o, i_);
          for (std::int64_t e = g_.transition_begin(o); e < g_.transition_end(o); ++e) {
            cont += g_.transition_probability(e) * v[(t + 1) * states + g_.transition(e).next];
          }
          q[action_of(s, j)] += weight * cont;
        }
        Rational& out = v[t * states + s];
        if (play == Play::kFixed) {
          out = q[(*fixed)[t * states + s]];
        } else if (play == Play::kOwnMix) {
          out = 0;
          for (std::size_t a = 0; a < q.size(); ++a) out += (*own)[t][i_][s][a] * q[a];
        } else {
          int arg = 0;
          for (std::size_t a = 1; a < q.size(); ++a) {
            if (q[a] > q[arg]) arg = static_cast<int>(a);
          }
          out = q[arg];
          if (best != nullptr) (*best)[t * states + s] = arg;
        }
      }
    }
    return v;
  }

  const std::vector<Rational>& weights_of(std::size_t k) const { return others_[k]; }

 private:
  const MarkovGame& g_;
  const MarkovMixture& m_;
  int i_, h_;
  std::int64_t o_;
  std::vector<std::vector<Rational>> others_;
};

struct PosteriorHash {
  std::size_t operator()(const std::vector<Rational>& belief) const {
    std::size_t h = 0;
    for (const auto& q : belief) {
      h = h * 1315423911u ^ mpz_get_ui(q.get_num_mpz_t());
      h = h * 2654435761u ^ mpz_get_ui(q.get_den_mpz_t());
    }
    return h;
  }
};

struct Bounds {
  Rational lower, upper;
};

// The deviator's best value over history-dependent policies from (t, s) with
// posterior b, expanded while the budget lasts, bounded past it.
class PosteriorRecursion {
 public:
  PosteriorRecursion(const MarkovGame& game, const DeviatorView& view, int deviator, std::size_t components,
                     std::vector<std::vector<Rational>> informed, std::vector<std::vector<std::vector<Rational>>> candidates,
                     const MixtureCertificateOptions& options, MixtureDeviation& stats)
      : g_(game), view_(view), i_(deviator), k_(components), informed_(std::move(informed)),
        candidates_(std::move(candidates)), options_(options), stats_(stats) {}

  bool stopped() const { return stopped_; }

  // Posteriors are interned: each distinct one is hashed and stored once,
  // and nodes are keyed by (step, state, posterior id).
  int intern(std::vector<Rational> belief) {
    const auto [it, fresh] = ids_.emplace(std::move(belief), static_cast<int>(posteriors_.size()));
    if (fresh) posteriors_.push_back(&it->first);
    return it->second;
  }

  const std::vector<Rational>& posterior(int id) const { return *posteriors_[id]; }

  Bounds at(int t, int s, int id) {
    if (t == g_.horizon()) return {Rational(0), Rational(0)};
    const std::uint64_t key = (static_cast<std::uint64_t>(id) * g_.horizon() + t) * g_.num_states() + s;
    if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    if (!stopped_ && (stats_.nodes & 63) == 0 && options_.control.should_stop()) stopped_ = true;
    if (stopped_ || stats_.nodes >= options_.max_nodes) {
      // Kept like an expanded node: a node reached again costs nothing and counts once.
      const Bounds bounds = cut(t, s, posterior(id));
      memo_.emplace(key, bounds);
      return bounds;
    }
    ++stats_.nodes;
    const int mine = g_.num_actions(s, i_);
    const std::int64_t stride = g_.stride(s, i_);
    std::vector<Rational> ql(mine, Rational(0)), qu(mine, Rational(0)), pk(k_);
    Rational m;
    for (std::int64_t j0 = 0; j0 < g_.num_joint(s); ++j0) {
      if (view_.action_of(s, j0) != 0) continue;  // one a_{-i} per j0: the deviator's first action
      const std::int64_t o0 = g_.joint_begin(s) + j0;
      const std::vector<Rational>& b = posterior(id);
      m = 0;
      for (std::size_t k = 0; k < k_; ++k) {
        pk[k] = b[k] * view_.others(k, t, o0);
        m += pk[k];
      }
      if (sgn(m) == 0) continue;
      for (auto& q : pk) q /= m;
      const int next = intern(pk);
      for (int a = 0; a < mine; ++a) {
        const std::int64_t o = o0 + a * stride;
        Rational lower = g_.reward(o, i_), upper = g_.reward(o, i_);
        for (std::int64_t e = g_.transition_begin(o); e < g_.transition_end(o); ++e) {
          const Bounds child = at(t + 1, g_.transition(e).next, next);
          lower += g_.transition_probability(e) * child.lower;
          upper += g_.transition_probability(e) * child.upper;
        }
        ql[a] += m * lower;
        qu[a] += m * upper;
      }
    }
    Bounds out{*std::max_element(ql.begin(), ql.end()), *std::max_element(qu.begin(), qu.end())};
    memo_.emplace(key, out);
    return out;
  }

  // The best lower-bound candidate's value from (t, s) under posterior b.
  Rational lower_at(int t, int s, const std::vector<Rational>& b) const {
    Rational best = mean(candidates_[0], t, s, b);
    for (std::size_t c = 1; c < candidates_.size(); ++c) best = std::max(best, mean(candidates_[c], t, s, b));
    return best;
  }

 private:
  Bounds cut(int t, int s, const std::vector<Rational>& b) {
    ++stats_.cut_nodes;
    if (stats_.first_cut_step < 0 || t < stats_.first_cut_step) stats_.first_cut_step = t;
    return {lower_at(t, s, b), mean(informed_, t, s, b)};
  }

  Rational mean(const std::vector<std::vector<Rational>>& per_component, int t, int s,
                const std::vector<Rational>& b) const {
    Rational total = 0;
    for (std::size_t k = 0; k < k_; ++k) total += b[k] * per_component[k][t * g_.num_states() + s];
    return total;
  }

  const MarkovGame& g_;
  const DeviatorView& view_;
  int i_;
  std::size_t k_;
  std::vector<std::vector<Rational>> informed_;                 // [k][t * S + s]
  std::vector<std::vector<std::vector<Rational>>> candidates_;  // [c][k][t * S + s]
  const MixtureCertificateOptions& options_;
  MixtureDeviation& stats_;
  std::unordered_map<std::vector<Rational>, int, PosteriorHash> ids_;
  std::vector<const std::vector<Rational>*> posteriors_;  // by id, into ids_ (node-based: stable)
  std::unordered_map<std::uint64_t, Bounds> memo_;
  bool stopped_ = false;
};

void check_shape(const MarkovGame& game, const MarkovMixture& mixture) {
  if (game.discounted()) throw std::invalid_argument("the mixture certificate needs a finite-horizon game");
  if (mixture.components.empty() || mixture.weights.size() != mixture.components.size()) {
    throw std::invalid_argument("a mixture needs one weight per component, and at least one component");
  }
  for (const auto& c : mixture.components) {
    if (static_cast<int>(c.size()) != game.horizon()) throw std::invalid_argument("a component needs a policy per step");
    for (const auto& step : c) {
      if (static_cast<int>(step.size()) != game.num_players()) throw std::invalid_argument("a policy per player");
      for (int p = 0; p < game.num_players(); ++p) {
        if (static_cast<int>(step[p].size()) != game.num_states()) throw std::invalid_argument("a mix per state");
        for (int s = 0; s < game.num_states(); ++s) {
          if (static_cast<int>(step[p][s].size()) != game.num_actions(s, p)) {
            throw std::invalid_argument("a probability per action");
          }
        }
      }
    }
  }
}

}  // namespace

MixtureCertificate certify_markov_mixture(const MarkovGame& game, const MarkovMixture& mixture,
                                          const MixtureCertificateOptions& options) {
  check_shape(game, mixture);
  const std::size_t K = mixture.components.size();
  const int states = game.num_states();
  const int n = game.num_players();
  MixtureCertificate cert;
  cert.players.resize(n);
  // First every player's component values (the bounds every cut needs),
  // then the posterior recursions: a time limit then cuts them all evenly.
  std::vector<std::unique_ptr<DeviatorView>> views;
  std::vector<std::unique_ptr<PosteriorRecursion>> recursions;
  auto stopped = [&] {
    if (!options.control.should_stop()) return false;
    cert.stopped = true;
    cert.complete = false;
    cert.players.clear();
    return true;
  };
  for (int i = 0; i < n; ++i) {
    MixtureDeviation& d = cert.players[i];
    const DeviatorView& view = *views.emplace_back(std::make_unique<DeviatorView>(game, mixture, i));
    std::vector<std::vector<Rational>> informed(K);
    std::vector<std::vector<int>> component_best(K);
    std::vector<Rational> average(view.weights_of(0).size(), Rational(0));
    for (std::size_t k = 0; k < K; ++k) {
      if (stopped()) return cert;
      const std::vector<Rational>& w = view.weights_of(k);
      informed[k] = view.values(w, Play::kBest, nullptr, &component_best[k], nullptr);
      const std::vector<Rational> own = view.values(w, Play::kOwnMix, nullptr, nullptr, &mixture.components[k]);
      for (int s = 0; s < states; ++s) {
        d.value += mixture.weights[k] * game.initial()[s] * own[s];
        d.informed += mixture.weights[k] * game.initial()[s] * informed[k][s];
      }
      for (std::size_t e = 0; e < w.size(); ++e) average[e] += mixture.weights[k] * w[e];
    }
    // Lower-bound candidates: Markov policies, each evaluated against every component.
    std::vector<std::vector<int>> policies(1);
    view.values(average, Play::kBest, nullptr, &policies[0], nullptr);
    if (K > 1 && K <= static_cast<std::size_t>(kMaxComponentCandidates)) {
      policies.insert(policies.end(), component_best.begin(), component_best.end());
    }
    std::vector<std::vector<std::vector<Rational>>> candidates(policies.size(), std::vector<std::vector<Rational>>(K));
    for (std::size_t c = 0; c < policies.size(); ++c) {
      if (stopped()) return cert;
      for (std::size_t k = 0; k < K; ++k) {
        candidates[c][k] = view.values(view.weights_of(k), Play::kFixed, &policies[c], nullptr, nullptr);
      }
    }
    recursions.push_back(std::make_unique<PosteriorRecursion>(game, view, i, K, std::move(informed), std::move(candidates),
                                                              options, d));
  }
  for (int i = 0; i < n; ++i) {
    MixtureDeviation& d = cert.players[i];
    PosteriorRecursion& recursion = *recursions[i];
    for (int s = 0; s < states; ++s) {
      if (sgn(game.initial()[s]) == 0) continue;
      const Bounds root = recursion.at(0, s, recursion.intern(mixture.weights));
      d.lower += game.initial()[s] * root.lower;
      d.upper += game.initial()[s] * root.upper;
      d.markov += game.initial()[s] * recursion.lower_at(0, s, mixture.weights);
    }
    cert.stopped = cert.stopped || recursion.stopped();
    cert.gap_lower = std::max(cert.gap_lower, d.gap_lower());
    cert.gap_upper = std::max(cert.gap_upper, d.gap_upper());
  }
  return cert;
}

}  // namespace equilibria
