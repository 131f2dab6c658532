import Foundation

/// Bradley-Terry ratings on the Elo scale, fitted by maximum likelihood, with optional
/// bootstrap confidence intervals — the method of Chatbot Arena's leaderboard.
///
/// The model: P(i beats j) = 1 / (1 + base^((Rⱼ − Rᵢ) / scale)). A tie (or both-bad) counts as
/// half a win for each side. Ratings are shifted so their mean is `meanRating`. See
/// docs/ratings.md for the regularisation and the bootstrap.
public struct BradleyTerry: Sendable, Hashable {
    /// Rating points for a factor of `base` in the odds of winning (400 on the Elo scale).
    public var scale: Double
    /// The base of the odds (10 on the Elo scale).
    public var base: Double
    /// The mean of all ratings after anchoring (1000).
    public var meanRating: Double
    /// Virtual wins and as many virtual losses each model is credited with against a virtual
    /// opponent of average strength. Keeps ratings finite for models that won or lost every
    /// battle; values ≤ 0 are replaced by 1e-9.
    public var regularization: Double
    /// Convergence threshold on the largest change of a rating per Newton step, in rating
    /// points.
    public var tolerance: Double
    /// The most Newton steps per fit.
    public var maxIterations: Int

    /// Creates a fitter; the defaults are the Elo scale anchored at a mean of 1000.
    public init(
        scale: Double = 400,
        base: Double = 10,
        meanRating: Double = 1000,
        regularization: Double = 0.01,
        tolerance: Double = 1e-6,
        maxIterations: Int = 100
    ) {
        self.scale = scale
        self.base = base
        self.meanRating = meanRating
        self.regularization = regularization
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    /// Fits ratings to `battles` (self-play ignored), without intervals.
    public func fit(_ battles: [Battle]) -> BradleyTerryRatings {
        let scores = PairwiseScores(battles)
        let solution = solver.solve(scores)
        return BradleyTerryRatings(
            ratings: anchoredRatings(solution.strengths, scores.models, present: scores.presence()),
            intervals: [:],
            bootstrapRounds: 0,
            confidenceLevel: 0,
            iterations: solution.iterations,
            converged: solution.converged
        )
    }

    /// Fits ratings to `battles` and adds percentile bootstrap intervals: `bootstrapRounds`
    /// times, resample the battles with replacement, refit, and take the (1 − level)/2 and
    /// (1 + level)/2 percentiles of each model's ratings. A model missing from a resample
    /// contributes nothing to that round. Deterministic for a seeded `generator`.
    ///
    /// - Throws: `RatingsError` for a negative round count or a level outside (0, 1).
    public func fit<Generator: RandomNumberGenerator>(
        _ battles: [Battle],
        bootstrapRounds: Int,
        confidenceLevel: Double = 0.95,
        using generator: inout Generator
    ) throws -> BradleyTerryRatings {
        guard bootstrapRounds >= 0 else { throw RatingsError.invalidBootstrapRounds(bootstrapRounds) }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw RatingsError.invalidConfidenceLevel(confidenceLevel)
        }
        var scores = PairwiseScores(battles)
        let solver = self.solver
        let full = solver.solve(scores)
        let pointRatings = anchoredRatings(full.strengths, scores.models, present: scores.presence())
        guard bootstrapRounds > 0, scores.battleCount > 0 else {
            return BradleyTerryRatings(
                ratings: pointRatings,
                intervals: [:],
                bootstrapRounds: 0,
                confidenceLevel: 0,
                iterations: full.iterations,
                converged: full.converged
            )
        }

        var samples = [[Double]](repeating: [], count: scores.models.count)
        for index in samples.indices { samples[index].reserveCapacity(bootstrapRounds) }
        var allConverged = full.converged
        for _ in 0..<bootstrapRounds {
            scores.resample(using: &generator)
            let present = scores.presence()
            // Warm start from the full fit: a resample's optimum is close by.
            let solution = solver.solve(scores, start: full.strengths)
            allConverged = allConverged && solution.converged
            let ratings = anchoredRatingArray(solution.strengths, present: present)
            for index in ratings.indices where present[index] {
                samples[index].append(ratings[index])
            }
        }
        let lowerPercent = (1 - confidenceLevel) / 2 * 100
        let upperPercent = (1 + confidenceLevel) / 2 * 100
        var intervals: [String: ConfidenceInterval] = [:]
        for (index, model) in scores.models.enumerated() {
            let sorted = samples[index].sorted()
            guard let lower = Percentile.linear(lowerPercent, ofSorted: sorted),
                let upper = Percentile.linear(upperPercent, ofSorted: sorted)
            else { continue }
            intervals[model] = ConfidenceInterval(lower: lower, upper: upper)
        }
        return BradleyTerryRatings(
            ratings: pointRatings,
            intervals: intervals,
            bootstrapRounds: bootstrapRounds,
            confidenceLevel: confidenceLevel,
            iterations: full.iterations,
            converged: allConverged
        )
    }

    /// The solver configured from these settings (tolerance converted to natural-log units).
    private var solver: LogisticStrengthSolver {
        LogisticStrengthSolver(
            prior: regularization > 0 ? regularization : 1e-9,
            tolerance: tolerance / pointsPerNaturalUnit,
            maxIterations: maxIterations
        )
    }

    /// Rating points per unit of natural-log strength: scale / ln(base).
    private var pointsPerNaturalUnit: Double { scale / log(base) }

    /// Ratings of the present models, shifted so their mean is `meanRating`; absent models get
    /// `meanRating` in the array but are never reported.
    private func anchoredRatingArray(_ strengths: [Double], present: [Bool]) -> [Double] {
        var sum = 0.0
        var count = 0
        for index in strengths.indices where present[index] {
            sum += strengths[index]
            count += 1
        }
        let mean = count > 0 ? sum / Double(count) : 0
        let factor = pointsPerNaturalUnit
        return strengths.indices.map { present[$0] ? meanRating + factor * (strengths[$0] - mean) : meanRating }
    }

    private func anchoredRatings(_ strengths: [Double], _ models: [String], present: [Bool]) -> [String: Double] {
        let ratings = anchoredRatingArray(strengths, present: present)
        var result: [String: Double] = [:]
        for (index, model) in models.enumerated() where present[index] { result[model] = ratings[index] }
        return result
    }
}

/// The result of a Bradley-Terry fit.
public struct BradleyTerryRatings: Sendable, Hashable {
    /// Each model's rating on the Elo scale.
    public var ratings: [String: Double]
    /// Each model's bootstrap confidence interval; empty when no bootstrap was run.
    public var intervals: [String: ConfidenceInterval]
    /// The number of bootstrap rounds behind `intervals` (0 when none).
    public var bootstrapRounds: Int
    /// The confidence level of `intervals`, such as 0.95 (0 when none).
    public var confidenceLevel: Double
    /// Newton steps taken by the fit on all battles.
    public var iterations: Int
    /// Whether the full fit and every bootstrap refit met the tolerance.
    public var converged: Bool

    /// Creates a result; normally produced by `BradleyTerry.fit`.
    public init(
        ratings: [String: Double],
        intervals: [String: ConfidenceInterval],
        bootstrapRounds: Int,
        confidenceLevel: Double,
        iterations: Int,
        converged: Bool
    ) {
        self.ratings = ratings
        self.intervals = intervals
        self.bootstrapRounds = bootstrapRounds
        self.confidenceLevel = confidenceLevel
        self.iterations = iterations
        self.converged = converged
    }
}
