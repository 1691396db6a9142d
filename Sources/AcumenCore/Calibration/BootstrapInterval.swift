/// A percentile bootstrap confidence interval for Krippendorff's alpha, resampling units.
///
/// Units are drawn with replacement as many times as there are units, alpha is computed on
/// each resample, and the interval is the middle share of those alphas. Resampling units (not
/// single values) keeps each unit's ratings together, which is what a calibration case is.
/// The generator is seeded, so the same table always gives the same interval.
public struct BootstrapInterval: Hashable, Sendable {
    public var lower: Double
    public var upper: Double
    public var confidence: Double
    /// Resamples on which alpha was defined (a resample without variation has none).
    public var samples: Int

    public static func krippendorffAlpha(
        _ matrix: RatingMatrix, level: MeasurementLevel, samples: Int = 1000, confidence: Double = 0.95,
        seed: UInt64 = 1
    ) -> BootstrapInterval? {
        guard matrix.unitCount >= 2, samples > 0, confidence > 0, confidence < 1 else { return nil }
        var generator = SeededGenerator(seed: seed)
        let raters = matrix.raterCount
        var alphas: [Double] = []
        alphas.reserveCapacity(samples)
        var cells = [Double](repeating: .nan, count: matrix.cells.count)
        for _ in 0..<samples {
            for unit in 0..<matrix.unitCount {
                let drawn = Int.random(in: 0..<matrix.unitCount, using: &generator)
                for rater in 0..<raters { cells[unit * raters + rater] = matrix.cells[drawn * raters + rater] }
            }
            let resample = RatingMatrix(units: matrix.unitCount, raters: raters, cells: cells)
            if let alpha = KrippendorffAlpha.alpha(resample, level: level) { alphas.append(alpha) }
        }
        guard !alphas.isEmpty else { return nil }
        alphas.sort()
        let tail = (1 - confidence) / 2
        func quantile(_ share: Double) -> Double {
            let position = share * Double(alphas.count - 1)
            let below = Int(position.rounded(.down))
            let above = min(below + 1, alphas.count - 1)
            return alphas[below] + (alphas[above] - alphas[below]) * (position - Double(below))
        }
        return BootstrapInterval(
            lower: quantile(tail), upper: quantile(1 - tail), confidence: confidence, samples: alphas.count)
    }
}
