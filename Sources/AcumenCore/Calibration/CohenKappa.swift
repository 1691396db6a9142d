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
