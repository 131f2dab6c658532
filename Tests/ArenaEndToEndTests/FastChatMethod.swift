import Foundation

/// FastChat's published Bradley-Terry method ("MLE Elo" of `elo_analysis.py`), re-implemented
/// from its description to check arena's export against: anonymous battles only; every battle
/// a logistic-regression sample with P(A wins) = 1 / (1 + 10^((R_B − R_A) / 400)); a tie (and a
/// both-bad tie) half a win each way; no regularisation; ratings in log10 units fitted from
/// zero, then × 400 + 1000, so their mean is 1000.
///
/// Solved here with Zermelo's iteration (the MM algorithm for Bradley-Terry), whose fixed
/// point is that same maximum-likelihood estimate.
enum FastChatMethod {
    /// Ratings by model from FastChat battle records (`[String: Any]` as parsed from JSON).
    static func ratings(records: [[String: Any]]) -> [String: Double] {
        var models: [String] = []
        var index: [String: Int] = [:]
        var pairs: [(Int, Int, Double)] = []  // model A, model B, A's score
        for record in records where record["anony"] as? Bool == true {
            guard let a = record["model_a"] as? String, let b = record["model_b"] as? String, a != b,
                let winner = record["winner"] as? String
            else { continue }
            for name in [a, b] where index[name] == nil {
                index[name] = models.count
                models.append(name)
            }
            let score = winner == "model_a" ? 1.0 : winner == "model_b" ? 0.0 : 0.5
            pairs.append((index[a]!, index[b]!, score))
        }
        var wins = [Double](repeating: 0, count: models.count)
        var games = [[Double]](repeating: [Double](repeating: 0, count: models.count), count: models.count)
        for (a, b, score) in pairs {
            wins[a] += score
            wins[b] += 1 - score
            games[a][b] += 1
            games[b][a] += 1
        }
        var strength = [Double](repeating: 1, count: models.count)
        for _ in 0..<10_000 {
            var next = strength
            for i in models.indices {
                var denominator = 0.0
                for j in models.indices where games[i][j] > 0 {
                    denominator += games[i][j] / (strength[i] + strength[j])
                }
                next[i] = wins[i] / denominator
            }
            let logMean = next.map(log10).reduce(0, +) / Double(next.count)
            next = next.map { $0 / pow(10, logMean) }
            let change = zip(next, strength).map { abs(log10($0) - log10($1)) }.max() ?? 0
            strength = next
            if change < 1e-12 { break }
        }
        var ratings: [String: Double] = [:]
        for (i, model) in models.enumerated() { ratings[model] = 400 * log10(strength[i]) + 1000 }
        return ratings
    }

    /// The same method in Python, for a run with pandas, numpy and scipy: the file read with
    /// `pandas.read_json(path)` exactly as `elo_analysis.py --clean-battle-file` reads it, ties
    /// counted by duplicating every battle (once as scored, once mirrored), and the logistic
    /// loss minimised with scipy's L-BFGS. Prints `{"model": rating}` as JSON.
    static let python = #"""
        import json, math, sys
        import numpy as np
        import pandas as pd
        from scipy.optimize import minimize

        battles = pd.read_json(sys.argv[1])
        for column in ["question_id", "model_a", "model_b", "winner", "judge", "conversation_a",
                       "conversation_b", "turn", "anony", "language", "tstamp"]:
            assert column in battles.columns, column
        battles = battles.sort_values(ascending=True, by=["tstamp"])
        battles = battles[battles["anony"]].reset_index(drop=True)
        models = sorted(set(battles["model_a"]) | set(battles["model_b"]))
        position = {m: i for i, m in enumerate(models)}
        rows = []
        for _, b in battles.iterrows():
            a, c = position[b["model_a"]], position[b["model_b"]]
            first = {"model_a": 1.0, "model_b": 0.0}.get(b["winner"], 1.0)
            second = {"model_a": 1.0, "model_b": 0.0}.get(b["winner"], 0.0)
            rows.append((a, c, first))
            rows.append((a, c, second))
        rows = np.array(rows)
        left, right, outcome = rows[:, 0].astype(int), rows[:, 1].astype(int), rows[:, 2]
        alpha = math.log(10.0)

        def loss(r):
            p = 1.0 / (1.0 + np.exp(-alpha * (r[left] - r[right])))
            p = np.clip(p, 1e-15, 1 - 1e-15)
            value = -(outcome * np.log(p) + (1 - outcome) * np.log(1 - p)).sum()
            g = -alpha * (outcome - p)
            grad = np.zeros_like(r)
            np.add.at(grad, left, g)
            np.add.at(grad, right, -g)
            return value, grad

        fit = minimize(loss, np.zeros(len(models)), jac=True, method="L-BFGS-B", options={"gtol": 1e-9, "maxiter": 1000})
        print(json.dumps({m: float(fit.x[i] * 400 + 1000) for i, m in enumerate(models)}))
        """#

    /// The Python to use: `ARENA_TEST_PYTHON`, else `python3` on the PATH when it has pandas,
    /// numpy and scipy, else the system's `/usr/bin/python3` (where Debian's `python3-pandas`,
    /// which CI installs, puts them) when that has them; `python3` when none has.
    static let pythonExecutable: String = {
        if let chosen = ProcessInfo.processInfo.environment["ARENA_TEST_PYTHON"] { return chosen }
        return ["python3", "/usr/bin/python3"].first { hasTheLibraries($0) } ?? "python3"
    }()

    /// Whether that Python has pandas, numpy and scipy.
    static let pythonIsUsable: Bool = hasTheLibraries(pythonExecutable)

    private static func hasTheLibraries(_ python: String) -> Bool {
        (try? runPython(["-c", "import pandas, numpy, scipy"], python: python).status) == 0
    }

    /// Runs the Python with `arguments`; its standard output and exit status.
    static func runPython(_ arguments: [String], python: String? = nil) throws -> (stdout: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python ?? pythonExecutable] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }
}
