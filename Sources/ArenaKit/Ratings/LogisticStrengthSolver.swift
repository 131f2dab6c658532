import Foundation

/// Maximises the regularised Bradley-Terry log-likelihood over natural-log strengths θ, where
/// P(i beats j) = σ(θᵢ − θⱼ), by Newton's method with a backtracking line search.
///
/// The regulariser credits every model with `prior` virtual wins and `prior` virtual losses
/// against a virtual opponent fixed at θ = 0. It keeps every strength finite (a model that
/// won or lost everything) and fixes the otherwise free additive constant, so the Hessian is
/// positive definite and Newton converges in a handful of steps.
struct LogisticStrengthSolver {
    /// Virtual wins and losses per model against the fixed virtual opponent (> 0).
    var prior: Double
    /// Stop when no strength moves by more than this (natural-log units).
    var tolerance: Double
    /// Give up after this many Newton steps.
    var maxIterations: Int

    /// The outcome of one fit.
    struct Solution {
        var strengths: [Double]
        var iterations: Int
        var converged: Bool
    }

    /// Fits strengths to `scores`, starting from `start` (zeros when nil).
    func solve(_ scores: PairwiseScores, start: [Double]? = nil) -> Solution {
        let count = scores.models.count
        var theta = start ?? [Double](repeating: 0, count: count)
        guard count > 0 else { return Solution(strengths: [], iterations: 0, converged: true) }

        var gradient = [Double](repeating: 0, count: count)
        var hessian = [Double](repeating: 0, count: count * count)
        var objective = logLikelihood(scores, theta)
        for iteration in 1...max(maxIterations, 1) {
            fillGradientAndCurvature(scores, theta, &gradient, &hessian)
            guard let step = Self.solveSymmetricPositiveDefinite(hessian, gradient, count) else {
                return Solution(strengths: theta, iterations: iteration, converged: false)
            }
            // Backtrack until the likelihood does not decrease (it is concave, so a full
            // Newton step is accepted near the optimum).
            var fraction = 1.0
            var candidate = theta
            var candidateObjective = -Double.infinity
            for _ in 0..<40 {
                for index in 0..<count { candidate[index] = theta[index] + fraction * step[index] }
                candidateObjective = logLikelihood(scores, candidate)
                if candidateObjective >= objective - 1e-12 * abs(objective) { break }
                fraction *= 0.5
            }
            var largestMove = 0.0
            for index in 0..<count { largestMove = max(largestMove, abs(candidate[index] - theta[index])) }
            theta = candidate
            objective = candidateObjective
            if largestMove < tolerance {
                return Solution(strengths: theta, iterations: iteration, converged: true)
            }
        }
        return Solution(strengths: theta, iterations: maxIterations, converged: false)
    }

    /// The regularised log-likelihood at `theta`.
    func logLikelihood(_ scores: PairwiseScores, _ theta: [Double]) -> Double {
        var total = 0.0
        for pair in scores.first.indices where scores.games[pair] > 0 {
            let difference = theta[scores.first[pair]] - theta[scores.second[pair]]
            let won = scores.firstScore[pair]
            total += won * Self.logSigmoid(difference) + (scores.games[pair] - won) * Self.logSigmoid(-difference)
        }
        for strength in theta {
            total += prior * (Self.logSigmoid(strength) + Self.logSigmoid(-strength))
        }
        return total
    }

    /// The gradient of the log-likelihood and the negated Hessian (row-major, count × count).
    private func fillGradientAndCurvature(
        _ scores: PairwiseScores,
        _ theta: [Double],
        _ gradient: inout [Double],
        _ hessian: inout [Double]
    ) {
        let count = theta.count
        for index in 0..<count {
            let probability = Self.sigmoid(theta[index])
            gradient[index] = prior * (1 - 2 * probability)
        }
        for index in hessian.indices { hessian[index] = 0 }
        for index in 0..<count {
            let probability = Self.sigmoid(theta[index])
            hessian[index * count + index] = 2 * prior * probability * (1 - probability)
        }
        for pair in scores.first.indices where scores.games[pair] > 0 {
            let i = scores.first[pair]
            let j = scores.second[pair]
            let probability = Self.sigmoid(theta[i] - theta[j])
            let residual = scores.firstScore[pair] - scores.games[pair] * probability
            gradient[i] += residual
            gradient[j] -= residual
            let weight = scores.games[pair] * probability * (1 - probability)
            hessian[i * count + i] += weight
            hessian[j * count + j] += weight
            hessian[i * count + j] -= weight
            hessian[j * count + i] -= weight
        }
    }

    /// Solves `matrix × x = vector` for a symmetric positive-definite matrix by Cholesky
    /// decomposition; nil if the matrix is not numerically positive definite.
    static func solveSymmetricPositiveDefinite(_ matrix: [Double], _ vector: [Double], _ count: Int) -> [Double]? {
        var lower = [Double](repeating: 0, count: count * count)
        for row in 0..<count {
            for column in 0...row {
                var sum = matrix[row * count + column]
                for k in 0..<column { sum -= lower[row * count + k] * lower[column * count + k] }
                if row == column {
                    guard sum > 0, sum.isFinite else { return nil }
                    lower[row * count + row] = sum.squareRoot()
                } else {
                    lower[row * count + column] = sum / lower[column * count + column]
                }
            }
        }
        var solution = vector
        for row in 0..<count {
            var sum = solution[row]
            for k in 0..<row { sum -= lower[row * count + k] * solution[k] }
            solution[row] = sum / lower[row * count + row]
        }
        for row in stride(from: count - 1, through: 0, by: -1) {
            var sum = solution[row]
            for k in (row + 1)..<count { sum -= lower[k * count + row] * solution[k] }
            solution[row] = sum / lower[row * count + row]
        }
        return solution
    }

    /// The logistic function, 1 / (1 + e^−x).
    static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }

    /// log σ(x), computed without overflow or cancellation for large |x|.
    static func logSigmoid(_ x: Double) -> Double {
        x >= 0 ? -log1p(exp(-x)) : x - log1p(exp(x))
    }
}
