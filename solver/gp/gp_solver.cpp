#include "gp_solver.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>

#include <Eigen/Cholesky>
#include <Eigen/SVD>

namespace tessera::solver::gp {

namespace {

// Barrier target growth per step (Boyd & Vandenberghe 11.7 suggest 10), adapted
// to the last step length s: mu = kMuShort + (kMuFull - kMuShort) * s^2. On the
// reference suite this needs 2410 Newton iterations in all (worst 71) against
// 3030 (worst 184) for a fixed 10 and 3129 (worst 63) for a fixed 3: aggressive
// after full steps, cautious after steps cut short by the boundary.
constexpr double kMuShort = 3.0;
constexpr double kMuFull = 10.0;
constexpr double kAlpha = 0.01;       // sufficient residual decrease in the line search
constexpr double kBeta = 0.5;         // backtracking factor
constexpr double kStrictFeasibility = 1e-6;  // log-space margin for a start point to skip phase I
constexpr double kPhase1Target = 1.0; // phase I stops once every constraint is below exp(-1)
constexpr double kMinStep = 1e-14;
constexpr double kMaxLogStep = 10.0;
constexpr int kChunk = 96;            // rows per rank update

using Clock = std::chrono::steady_clock;

std::string fmt(double v) {
    std::ostringstream s;
    s.precision(6);
    s << v;
    return s.str();
}

}  // namespace

std::string GpOptions::validate() const {
    std::string e;
    auto check = [&e](bool ok, const std::string& what) {
        if (!ok) e += (e.empty() ? "" : "\n") + what;
    };
    check(maxIterations >= 1 && maxIterations <= 100000, "maxIterations must be in [1, 100000], got " + std::to_string(maxIterations));
    check(timeLimitSeconds > 0, "timeLimitSeconds must be > 0, got " + fmt(timeLimitSeconds));
    check(gapTolerance >= 1e-14 && gapTolerance <= 1e-2, "gapTolerance must be in [1e-14, 1e-2], got " + fmt(gapTolerance));
    check(feasibilityTolerance >= 1e-14 && feasibilityTolerance <= 1e-2,
          "feasibilityTolerance must be in [1e-14, 1e-2], got " + fmt(feasibilityTolerance));
    check(unboundedObjective > 0 && unboundedObjective <= 1e-10,
          "unboundedObjective must be in (0, 1e-10], got " + fmt(unboundedObjective));
    for (const auto& [name, value] : startPoint)
        check(value > 0 && std::isfinite(value), "startPoint['" + name + "'] must be positive and finite, got " + fmt(value));
    return e;
}

// Everything the Newton loop touches, sized once per problem.
class GpWorkspace {
public:
    explicit GpWorkspace(const CompiledGp& gp);
    GpResult solve(const CompiledGp& gp, const GpOptions& options);

private:
    enum class Phase { One, Two };
    enum class Outcome { Converged, Feasible, Infeasible, Unbounded, Stalled, IterationLimit, TimeLimit, Cancelled };

    bool evaluate(const Eigen::VectorXd& v, bool withGradient);
    void constraintValues(const Eigen::VectorXd& v, Eigen::VectorXd& c) const;
    double residualNorm(const Eigen::VectorXd& lam, const Eigen::VectorXd& c, double t);
    Outcome run(Phase phase, const GpOptions& options, Clock::time_point started);
    GpResult finish(const CompiledGp& gp, core::Status status, std::string message, Clock::time_point started);

    int n = 0, k = 0, m = 0, terms = 0, p = 0;
    std::vector<int> start;
    std::vector<char> multiTerm;       // posynomial has more than one term (non-zero curvature)
    // Equality elimination: y = y0 + Z z.
    Eigen::MatrixXd Z, svdU, svdV;
    Eigen::VectorXd svdS;
    int rank = 0;
    Eigen::VectorXd y0;
    Eigen::MatrixXd F;                 // terms x k, = exponents * Z
    Eigen::VectorXd g;                 // terms, = logCoefficients + exponents * y0
    // Per-iteration state.
    Eigen::VectorXd u, w, fval;
    Eigen::MatrixXd grad;              // k x (m+1): gradients of the log-sum-exps in z
    Eigen::MatrixXd Fs;                // centred, weighted rows of the multi-term posynomials
    Eigen::MatrixXd Dc, Dcs, H;
    int curvedRows = 0;                // rows of Fs (terms of multi-term posynomials)
    // Barrier terms: monomial constraints with few non-zero exponents (bounds,
    // mostly) are added entry by entry; the others by a dense rank update.
    std::vector<int> denseCons, sparseCons;
    std::vector<int> sparseStart;      // per sparse constraint, its range in sparseIdx/sparseVal
    std::vector<int> sparseIdx;
    std::vector<double> sparseVal;
    Eigen::VectorXd jacobi, v, dv, vTrial, lam, dlam, lamTrial, c, cTrial, objGrad, rDual, rhs, scale, Dcdv;
    Eigen::LDLT<Eigen::MatrixXd, Eigen::Lower> ldlt;
    int nv = 0;                        // k (+1 for phase I's s)
    Phase phase = Phase::Two;
    double relax = 0.0;                // constraints are f_i <= relax (degenerate feasible sets)
    double lastGap = 0.0, lastResidual = 0.0, lastStep = 0.0;
    int iterations = 0, phase1Iterations = 0;
    double unboundedLog = 0.0;
    bool stalledNearOptimum = false;
};

GpWorkspace::GpWorkspace(const CompiledGp& gp) {
    n = gp.variableCount();
    m = gp.inequalityCount();
    terms = gp.termCount();
    p = static_cast<int>(gp.equalityNames.size());
    start = gp.termStart;
    multiTerm.resize(static_cast<std::size_t>(m + 1));
    for (int q = 0; q <= m; ++q) multiTerm[static_cast<std::size_t>(q)] = (start[q + 1] - start[q]) > 1;
    if (p > 0) {
        Eigen::JacobiSVD<Eigen::MatrixXd> svd(gp.equalityExponents, Eigen::ComputeFullU | Eigen::ComputeFullV);
        svdS = svd.singularValues();
        const double tol = 1e-10 * std::max(1.0, svdS.size() ? svdS(0) : 0.0);
        rank = 0;
        while (rank < svdS.size() && svdS(rank) > tol) ++rank;
        svdU = svd.matrixU();
        svdV = svd.matrixV();
        Z = svdV.rightCols(n - rank);
    } else {
        Z = Eigen::MatrixXd::Identity(n, n);
    }
    k = static_cast<int>(Z.cols());
    F = gp.exponents * Z;
    g.resize(terms);
    u.resize(terms);
    w.resize(terms);
    fval.resize(m + 1);
    grad.resize(k, m + 1);
    for (int q = 0; q <= m; ++q)
        if (multiTerm[static_cast<std::size_t>(q)]) curvedRows += start[q + 1] - start[q];
    Fs.resize(curvedRows, k);
    Dc.resize(k + 1, m);
    sparseStart.push_back(0);
    for (int i = 0; i < m; ++i) {
        const int j = start[i + 1];
        int nnz = 0;
        for (int col = 0; col < k; ++col) nnz += F(j, col) != 0.0;
        if (multiTerm[static_cast<std::size_t>(i + 1)] || nnz > std::max(2, k / 8)) {
            denseCons.push_back(i);
            continue;
        }
        sparseCons.push_back(i);
        for (int col = 0; col < k; ++col)
            if (F(j, col) != 0.0) {
                sparseIdx.push_back(col);
                sparseVal.push_back(F(j, col));
            }
        sparseStart.push_back(static_cast<int>(sparseIdx.size()));
    }
    Dcs.resize(k + 1, static_cast<Eigen::Index>(denseCons.size()));
    H.resize(k + 1, k + 1);
    ldlt = Eigen::LDLT<Eigen::MatrixXd, Eigen::Lower>(k + 1);
    for (auto* vec : {&jacobi, &v, &dv, &vTrial, &objGrad, &rDual, &rhs}) vec->resize(k + 1);
    for (auto* vec : {&lam, &dlam, &lamTrial, &c, &cTrial, &scale, &Dcdv}) vec->resize(m);
}

bool GpWorkspace::evaluate(const Eigen::VectorXd& vv, bool withGradient) {
    u.noalias() = F * vv.head(k);
    u += g;
    for (int q = 0; q <= m; ++q) {
        const int a = start[q], len = start[q + 1] - start[q];
        const double mx = u.segment(a, len).maxCoeff();
        double sum = 0.0;
        for (int j = a; j < a + len; ++j) sum += (w(j) = std::exp(u(j) - mx));
        fval(q) = mx + std::log(sum);
        if (withGradient) {
            w.segment(a, len) /= sum;
            grad.col(q).noalias() = F.middleRows(a, len).transpose() * w.segment(a, len);
        }
    }
    return fval.allFinite();
}

void GpWorkspace::constraintValues(const Eigen::VectorXd& vv, Eigen::VectorXd& out) const {
    const double s = phase == Phase::One ? vv(k) : 0.0;
    for (int i = 0; i < m; ++i) out(i) = fval(i + 1) - relax - s;
}

// Norm of the modified KKT residual (dual, centrality) at the last evaluated point.
double GpWorkspace::residualNorm(const Eigen::VectorXd& lambda, const Eigen::VectorXd& cc, double t) {
    objGrad.head(nv).setZero();
    if (phase == Phase::One) objGrad(k) = 1.0;
    else objGrad.head(k) = grad.col(0);
    rDual.head(k).noalias() = grad.rightCols(m) * lambda;
    rDual.head(k) += objGrad.head(k);
    if (phase == Phase::One) rDual(k) = objGrad(k) - lambda.sum();
    double centrality = 0.0;
    for (int i = 0; i < m; ++i) {
        const double r = -lambda(i) * cc(i) - 1.0 / t;
        centrality += r * r;
    }
    return std::sqrt(rDual.head(nv).squaredNorm() + centrality);
}

GpWorkspace::Outcome GpWorkspace::run(Phase ph, const GpOptions& options, Clock::time_point started) {
    phase = ph;
    lastStep = 0.0;
    int tinySteps = 0;
    nv = k + (phase == Phase::One ? 1 : 0);
    // Sized per phase (at most two allocations per solve), never inside the loop.
    H.resize(nv, nv);
    evaluate(v, true);
    constraintValues(v, c);
    double t = 1.0;
    double startGap = -1;  // the first iteration's duality gap, for progress
    for (;;) {
        // Current point: evaluated with gradients, c holds the constraint values.
        const double eta = m > 0 ? -c.dot(lam) : 0.0;
        residualNorm(lam, c, 1.0);
        const double dualRes = rDual.head(nv).norm();
        const double objGradNorm = objGrad.head(nv).norm();
        lastGap = eta;
        lastResidual = dualRes;
        const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
        if (startGap < 0) startGap = eta;
        if (options.progress) {
            // Interior-point methods shrink the gap about geometrically: the
            // share of the way (log scale) to the tolerance estimates progress.
            double fraction = 0;
            if (phase == Phase::Two && startGap > options.gapTolerance && eta > 0)
                fraction = std::clamp(std::log(startGap / eta) / std::log(startGap / options.gapTolerance), 0.0, 1.0);
            char what[96];
            std::snprintf(what, sizeof what, "phase %d, iteration %d, gap %.2g", phase == Phase::One ? 1 : 2, iterations, eta);
            if (!options.progress(fraction, what)) return Outcome::Cancelled;
        }
        const bool dualOk = dualRes <= options.feasibilityTolerance * (1.0 + objGradNorm);
        if (phase == Phase::One) {
            const double maxF = (m > 0 ? fval.tail(m).maxCoeff() : -kPhase1Target) - relax;
            // Feasible with a margin comparable to the best achievable one: a good enough interior point.
            if (maxF < 0 && (maxF <= -kPhase1Target || eta <= 0.5 * -maxF)) return Outcome::Feasible;
            if (dualOk && v(k) - eta > options.feasibilityTolerance) return Outcome::Infeasible;
            if (dualOk && eta <= options.gapTolerance) return maxF < 0 ? Outcome::Feasible : Outcome::Converged;
        } else {
            if (fval(0) < unboundedLog) return Outcome::Unbounded;
            if (dualOk && eta <= options.gapTolerance) return Outcome::Converged;
        }
        if (iterations >= options.maxIterations) return Outcome::IterationLimit;
        if (elapsed > options.timeLimitSeconds) return Outcome::TimeLimit;
        ++iterations;
        if (phase == Phase::One) ++phase1Iterations;

        // Tie the barrier target to the dual residual too: while the dual is
        // infeasible the surrogate gap understates the distance to optimality,
        // and letting t outrun it starves the multipliers.
        const double mu = kMuShort + (kMuFull - kMuShort) * lastStep * lastStep;
        t = m > 0 ? mu * m / std::max({eta, dualRes, 1e-300}) : 1.0;
        // Hessian of the Lagrangian plus the barrier's Gauss-Newton part, lower triangle.
        // The Hessian of a log-sum-exp is sum_j w_j (F_j - grad)(F_j - grad)^T: formed
        // from centred rows it stays positive semidefinite without cancellation.
        // Monomials are linear in log space and contribute no rows.
        int rows = 0;
        for (int q = 0; q <= m; ++q) {
            const double coef = q == 0 ? (phase == Phase::One ? 0.0 : 1.0) : lam(q - 1);
            if (!multiTerm[static_cast<std::size_t>(q)] || coef <= 0.0) continue;
            for (int j = start[q]; j < start[q + 1]; ++j)
                Fs.row(rows++) = std::sqrt(coef * w(j)) * (F.row(j) - grad.col(q).transpose());
        }
        H.setZero();
        // In chunks, so that Eigen's product blocking stays on the stack (no heap traffic).
        for (int r0 = 0; r0 < rows; r0 += kChunk)
            H.topLeftCorner(k, k).selfadjointView<Eigen::Lower>().rankUpdate(Fs.middleRows(r0, std::min(kChunk, rows - r0)).transpose());
        Dc.topRows(k) = grad.rightCols(m);
        if (phase == Phase::One) Dc.row(k).setConstant(-1.0);
        for (int i = 0; i < m; ++i) scale(i) = 1.0 / (-c(i));
        const int nd = static_cast<int>(denseCons.size());
        for (int r = 0; r < nd; ++r) {
            const int i = denseCons[static_cast<std::size_t>(r)];
            Dcs.col(r).head(nv) = Dc.col(i).head(nv) * std::sqrt(lam(i) * scale(i));
        }
        for (int c0 = 0; c0 < nd; c0 += kChunk)
            H.selfadjointView<Eigen::Lower>().rankUpdate(Dcs.topRows(nv).middleCols(c0, std::min(kChunk, nd - c0)));
        for (std::size_t r = 0; r < sparseCons.size(); ++r) {
            const int i = sparseCons[r];
            const double wgt = lam(i) * scale(i);
            const int a = sparseStart[r], b = sparseStart[r + 1];
            for (int p1 = a; p1 < b; ++p1) {
                for (int p2 = a; p2 <= p1; ++p2) {
                    // sparseIdx is increasing, so (p1, p2) is in the lower triangle.
                    H(sparseIdx[static_cast<std::size_t>(p1)], sparseIdx[static_cast<std::size_t>(p2)]) +=
                        wgt * sparseVal[static_cast<std::size_t>(p1)] * sparseVal[static_cast<std::size_t>(p2)];
                }
                if (phase == Phase::One) H(k, sparseIdx[static_cast<std::size_t>(p1)]) -= wgt * sparseVal[static_cast<std::size_t>(p1)];
            }
            if (phase == Phase::One) H(k, k) += wgt;
        }
        rhs.head(nv).noalias() = Dc.topRows(nv) * scale;
        rhs.head(nv) *= 1.0 / t;
        rhs.head(nv) += objGrad.head(nv);
        rhs.head(nv) *= -1.0;
        // Jacobi scaling: barrier terms of nearly active constraints make the
        // diagonal span many orders of magnitude; after scaling, a tiny
        // regularisation only touches directions without curvature.
        for (int i = 0; i < nv; ++i) {
            const double hii = H(i, i);
            jacobi(i) = hii > 1e-300 ? 1.0 / std::sqrt(hii) : 1.0;
        }
        for (int j = 0; j < nv; ++j)
            for (int i = j; i < nv; ++i) H(i, j) *= jacobi(i) * jacobi(j);
        H.diagonal().array() += 1e-12;
        rhs.head(nv).array() *= jacobi.head(nv).array();
        ldlt.compute(H);
        if (ldlt.info() != Eigen::Success) return Outcome::Stalled;
        dv.head(nv) = ldlt.solve(rhs.head(nv));
        dv.head(nv).array() *= jacobi.head(nv).array();
        if (!dv.head(nv).allFinite()) return Outcome::Stalled;
        Dcdv.noalias() = Dc.topRows(nv).transpose() * dv.head(nv);
        double smax = 1.0;
        for (int i = 0; i < m; ++i) {
            dlam(i) = -lam(i) - (1.0 / t + lam(i) * Dcdv(i)) / c(i);
        }
        // Directions without curvature (monomial objectives, linear constraints)
        // give huge Newton steps; move at most a factor exp(kMaxLogStep) per iteration.
        if (const double big = dv.head(nv).cwiseAbs().maxCoeff(); big * smax > kMaxLogStep) smax = kMaxLogStep / big;
        double step = std::min(1.0, smax);
        const double f0Start = fval(0);
        const double r0 = residualNorm(lam, c, t);
        // Backtrack to strict feasibility (and finite values).
        for (;;) {
            vTrial.head(nv) = v.head(nv) + step * dv.head(nv);
            if (evaluate(vTrial, false)) {
                constraintValues(vTrial, cTrial);
                if (m == 0 || cTrial.maxCoeff() < 0) break;
            }
            step *= kBeta;
            if (step < kMinStep) return Outcome::Stalled;
        }
        if (phase == Phase::Two && fval(0) < unboundedLog) {
            v.head(nv) = vTrial.head(nv);
            evaluate(v, true);
            return Outcome::Unbounded;
        }
        if (phase == Phase::One && m > 0 && fval.tail(m).maxCoeff() - relax <= -kPhase1Target) {
            v.head(nv) = vTrial.head(nv);
            evaluate(v, true);
            constraintValues(v, c);
            return Outcome::Feasible;
        }
        // Backtrack to a sufficient decrease of the residual.
        for (;;) {
            vTrial.head(nv) = v.head(nv) + step * dv.head(nv);
            if (evaluate(vTrial, true)) {
                constraintValues(vTrial, cTrial);
                // The multipliers are not allowed to cut the step: one that would
                // turn non-positive is reset to its central-path value mu / s_i.
                for (int i = 0; i < m; ++i) {
                    const double l = lam(i) + step * dlam(i);
                    lamTrial(i) = l > 0.01 * lam(i) ? l : std::max(0.01 * lam(i), 1.0 / (t * -cTrial(i)));
                }
                if ((m == 0 || cTrial.maxCoeff() < 0) && residualNorm(lamTrial, cTrial, t) <= (1.0 - kAlpha * step) * r0) break;
                // Along a ray where the objective falls without bound the residual
                // cannot shrink; a feasible point that is better by a factor e is
                // progress all the same (and leads to the Unbounded verdict).
                if (phase == Phase::Two && (m == 0 || cTrial.maxCoeff() < 0) && fval(0) < f0Start - 1.0) break;
            }
            step *= kBeta;
            if (step < kMinStep) {
                evaluate(v, true);
                constraintValues(v, c);
                stalledNearOptimum = phase == Phase::Two && eta <= 1e3 * options.gapTolerance &&
                                     dualRes <= 1e3 * options.feasibilityTolerance * (1.0 + objGradNorm);
                return Outcome::Stalled;
            }
        }
        v.head(nv) = vTrial.head(nv);
        lam = lamTrial;
        c = cTrial;
        lastStep = step;
        // Rounding limits the attainable accuracy: tiny steps in a row mean no more progress.
        tinySteps = step < 1e-6 && step * dv.head(nv).cwiseAbs().maxCoeff() < 1e-10 ? tinySteps + 1 : 0;
        if (tinySteps >= 5) {
            stalledNearOptimum = phase == Phase::Two && eta <= 1e3 * options.gapTolerance &&
                                 dualRes <= 1e3 * options.feasibilityTolerance * (1.0 + objGradNorm);
            return Outcome::Stalled;
        }
    }
}

GpResult GpWorkspace::finish(const CompiledGp& gp, core::Status status, std::string message, Clock::time_point started) {
    GpResult r;
    r.status = status;
    r.message = std::move(message);
    r.iterations = iterations;
    r.phase1Iterations = phase1Iterations;
    r.logX = y0 + Z * v.head(k);
    for (int i = 0; i < n; ++i) r.x[gp.variables[static_cast<std::size_t>(i)]] = std::exp(r.logX(i));
    if (status == core::Status::Optimal || status == core::Status::IterationLimit || status == core::Status::TimeLimit ||
        status == core::Status::Cancelled || status == core::Status::Unbounded) {
        r.objective = std::exp(fval(0));
    }
    if (status == core::Status::Optimal || status == core::Status::Infeasible) {
        for (int i = 0; i < m; ++i) r.duals[gp.inequalityNames[static_cast<std::size_t>(i)]] = lam(i);
    }
    if (status == core::Status::Optimal && p > 0) {
        // Equality duals: least-squares solution of G^T nu = -(grad f0 + sum lam_i grad f_i) in y.
        Eigen::VectorXd weighted(terms);
        for (int q = 0; q <= m; ++q) {
            const double coef = q == 0 ? 1.0 : lam(q - 1);
            weighted.segment(start[q], start[q + 1] - start[q]) = coef * w.segment(start[q], start[q + 1] - start[q]);
        }
        const Eigen::VectorXd gradY = gp.exponents.transpose() * weighted;
        // G = U S V^T, so nu = -U_r S_r^-1 V_r^T gradY.
        Eigen::VectorXd tmp = svdV.leftCols(rank).transpose() * gradY;
        for (int i = 0; i < rank; ++i) tmp(i) /= svdS(i);
        const Eigen::VectorXd nu = -svdU.leftCols(rank) * tmp;
        for (int i = 0; i < p; ++i) r.duals[gp.equalityNames[static_cast<std::size_t>(i)]] = nu(i);
    }
    r.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return r;
}

GpResult GpWorkspace::solve(const CompiledGp& gp, const GpOptions& options) {
    const auto started = Clock::now();
    iterations = phase1Iterations = 0;
    relax = 0.0;
    stalledNearOptimum = false;
    unboundedLog = std::log(options.unboundedObjective);
    // Start point, projected onto the monomial equalities G y = h.
    Eigen::VectorXd ys = Eigen::VectorXd::Zero(n);
    for (int i = 0; i < n; ++i)
        if (auto it = options.startPoint.find(gp.variables[static_cast<std::size_t>(i)]); it != options.startPoint.end())
            ys(i) = std::log(it->second);
    v.setZero();
    lam.setOnes();
    if (p > 0) {
        const Eigen::VectorXd h = -gp.equalityLogConstants;
        const Eigen::VectorXd r = h - gp.equalityExponents * ys;
        Eigen::VectorXd tmp = svdU.leftCols(rank).transpose() * r;
        for (int i = 0; i < rank; ++i) tmp(i) /= svdS(i);
        y0 = ys + svdV.leftCols(rank) * tmp;
        const double inconsistency = (gp.equalityExponents * y0 - h).norm();
        if (inconsistency > options.feasibilityTolerance * (1.0 + h.norm()) * 100) {
            return finish(gp, core::Status::Infeasible,
                          "the monomial equalities are inconsistent (least-squares residual " + fmt(inconsistency) +
                              " in log space)", started);
        }
    } else {
        y0 = ys;
    }
    g = gp.logCoefficients + gp.exponents * y0;
    v.setZero();
    if (!evaluate(v, true)) return finish(gp, core::Status::NumericalFailure, "the start point gives non-finite values", started);
    if (k == 0) {
        // The equalities fix every variable: nothing to optimise, only to check.
        lam.setZero();
        const std::string why = n == 0 ? "the problem has no variables" : "the monomial equalities fix every variable";
        if (m > 0) {
            Eigen::Index worst = 0;
            if (fval.tail(m).maxCoeff(&worst) > options.feasibilityTolerance)
                return finish(gp, core::Status::Infeasible,
                              why + " and constraint '" + gp.inequalityNames[static_cast<std::size_t>(worst)] +
                                  "' does not hold there", started);
        }
        return finish(gp, core::Status::Optimal, "optimal: " + why, started);
    }

    auto stopped = [&](Outcome o) -> std::optional<GpResult> {
        switch (o) {
        case Outcome::IterationLimit:
            return finish(gp, core::Status::IterationLimit, "stopped after " + std::to_string(iterations) + " iterations (maxIterations)", started);
        case Outcome::TimeLimit:
            return finish(gp, core::Status::TimeLimit, "stopped after " + fmt(options.timeLimitSeconds) + " s (timeLimitSeconds)", started);
        case Outcome::Cancelled:
            return finish(gp, core::Status::Cancelled, "cancelled by the progress callback", started);
        default: return std::nullopt;
        }
    };

    // Phase I unless the start point is already strictly feasible. A warm start
    // on (or within rounding of) the boundary counts as infeasible: its initial
    // duals 1 / (m * -f) would be astronomically large.
    if (m > 0 && fval.tail(m).maxCoeff() >= -kStrictFeasibility) {
        v(k) = fval.tail(m).maxCoeff() + 1.0;
        for (int i = 0; i < m; ++i) lam(i) = 1.0 / (m * (v(k) - fval(i + 1)));
        const Outcome o = run(Phase::One, options, started);
        if (auto r = stopped(o)) {
            r->objective = std::numeric_limits<double>::quiet_NaN();
            r->message += " in phase I (no feasible point found yet)";
            return *r;
        }
        if (o == Outcome::Infeasible || (o == Outcome::Converged && v(k) > options.feasibilityTolerance)) {
            std::vector<std::pair<double, std::string>> culprits;
            for (int i = 0; i < m; ++i) culprits.emplace_back(lam(i), gp.inequalityNames[static_cast<std::size_t>(i)]);
            std::sort(culprits.rbegin(), culprits.rend());
            std::string names;
            for (std::size_t i = 0; i < culprits.size() && i < 5 && culprits[i].first > 1e-3; ++i)
                names += (names.empty() ? "" : ", ") + culprits[i].second;
            const double bound = std::max(v(k) - lastGap, 0.0);
            return finish(gp, core::Status::Infeasible,
                          "no point satisfies the constraints: each would have to be relaxed by a factor of at least " +
                              fmt(std::exp(bound)) + " (phase I); conflicting constraints: " + names,
                          started);
        }
        if (o == Outcome::Stalled && !(fval.tail(m).maxCoeff() < 0))
            return finish(gp, core::Status::NumericalFailure, "phase I made no progress (ill-conditioned problem)", started);
        if (o == Outcome::Converged) {
            // The feasible set has (numerically) no interior, e.g. x <= 1 and 1/x <= 1.
            relax = std::max(v(k), 0.0) + options.feasibilityTolerance;
        }
        for (int i = 0; i < m; ++i) lam(i) = 1.0 / (m * (relax - fval(i + 1)));
    } else {
        for (int i = 0; i < m; ++i) lam(i) = 1.0 / (m * (-fval(i + 1)));
    }
    v(k) = 0.0;
    const Outcome o = run(Phase::Two, options, started);
    if (auto r = stopped(o)) return *r;
    switch (o) {
    case Outcome::Converged: {
        std::string msg = "optimal: duality gap " + fmt(lastGap) + " (log space) after " + std::to_string(iterations) +
                          " iterations (" + std::to_string(phase1Iterations) + " in phase I)";
        if (relax > 0) msg += "; the feasible set has no interior, constraints were relaxed by a factor " + fmt(std::exp(relax));
        return finish(gp, core::Status::Optimal, msg, started);
    }
    case Outcome::Unbounded:
        return finish(gp, core::Status::Unbounded,
                      "the objective can be made arbitrarily small (it fell below " + fmt(options.unboundedObjective) + ")", started);
    default:
        if (stalledNearOptimum)
            return finish(gp, core::Status::Optimal,
                          "optimal to reduced accuracy: the line search stalled at duality gap " + fmt(lastGap), started);
        return finish(gp, core::Status::NumericalFailure,
                      "the line search stalled (duality gap " + fmt(lastGap) + ", dual residual " + fmt(lastResidual) + ")", started);
    }
}

GpSolver::GpSolver(CompiledGp problem) : m_problem(std::move(problem)), m_work(std::make_unique<GpWorkspace>(m_problem)) {}
GpSolver::~GpSolver() = default;
GpSolver::GpSolver(GpSolver&&) noexcept = default;
GpSolver& GpSolver::operator=(GpSolver&&) noexcept = default;

GpResult GpSolver::solve(const GpOptions& options) {
    if (auto e = options.validate(); !e.empty()) {
        GpResult r;
        r.status = core::Status::InvalidInput;
        r.message = "invalid options: " + e;
        return r;
    }
    return m_work->solve(m_problem, options);
}

GpResult solve(const GpModel& model, const GpOptions& options) {
    if (auto e = model.validate(); !e.empty()) {
        GpResult r;
        r.status = core::Status::InvalidInput;
        r.message = "invalid model: " + e;
        return r;
    }
    GpSolver solver(compile(model));
    return solver.solve(options);
}

}  // namespace tessera::solver::gp
