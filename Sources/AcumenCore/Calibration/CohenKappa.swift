/// Cohen's kappa (Cohen 1960) for two raters on nominal categories, over the units both rated:
/// `(p_o − p_e) / (1 − p_e)`, with `p_o` the share of units they put in the same category and
/// `p_e` the agreement expected from each rater's own category shares.
public enum CohenKappa {
    /// Nil when the two raters share no unit, or chance agreement is already perfect.
    public static func kappa(_ first: [Double?], _ second: [Double?]) -> Double? {
        let pairs = zip(first, second).compactMap { a, b -> (Double, Double)? in
            guard let a, let b else { return nil }
            return (a, b)
        }
        guard !pairs.isEmpty else { return nil }
        let count = Double(pairs.count)
        let observed = Double(pairs.filter { $0.0 == $0.1 }.count) / count
        let firstShares = Dictionary(pairs.map { ($0.0, 1.0) }, uniquingKeysWith: +)
        let secondShares = Dictionary(pairs.map { ($0.1, 1.0) }, uniquingKeysWith: +)
        let expected = firstShares.reduce(0.0) { $0 + ($1.value / count) * ((secondShares[$1.key] ?? 0) / count) }
        guard expected < 1 else { return nil }
        return (observed - expected) / (1 - expected)
    }
}

extension CohenKappa {
    /// Cohen's weighted kappa (Cohen 1968) for two raters on an ordered scale of `categories`
    /// levels (values 0 ..< categories), with quadratic disagreement weights `(i − j)²`:
    /// `1 − Σ w·observed / Σ w·expected`. Quadratic weights make near misses cost little and
    /// distant ones much, which is how a level scale is read.
    ///
    /// Nil when the raters share no unit, a value is off the scale, or chance disagreement is zero.
    public static func quadraticWeighted(_ first: [Int?], _ second: [Int?], categories: Int) -> Double? {
        guard categories >= 2 else { return nil }
        var observed = [Double](repeating: 0, count: categories * categories)
        var count = 0.0
        for case (let a?, let b?) in zip(first, second) {
            guard (0..<categories).contains(a), (0..<categories).contains(b) else { return nil }
            observed[a * categories + b] += 1
            count += 1
        }
        guard count > 0 else { return nil }
        var firstShares = [Double](repeating: 0, count: categories)
        var secondShares = [Double](repeating: 0, count: categories)
        for a in 0..<categories {
            for b in 0..<categories {
                firstShares[a] += observed[a * categories + b] / count
                secondShares[b] += observed[a * categories + b] / count
            }
        }
        var weightedObserved = 0.0
        var weightedExpected = 0.0
        for a in 0..<categories {
            for b in 0..<categories {
                let weight = Double((a - b) * (a - b))
                weightedObserved += weight * observed[a * categories + b] / count
                weightedExpected += weight * firstShares[a] * secondShares[b]
            }
        }
        guard weightedExpected > 0 else { return nil }
        return 1 - weightedObserved / weightedExpected
    }
}
