/// What the programme asks of a rater before their ratings count as calibrated, and for how long.
///
/// On a three-level scale, "within one level" is met by chance: only Baseline against Expert
/// misses it. The standard rule therefore also asks for exact agreement and for quadratic
/// weighted kappa, which discounts the agreement chance alone would give (docs/decisions.md).
public struct CalibrationThresholds: Hashable, Codable, Sendable {
    /// Share of ratings at exactly the master's level (0...1); 0 asks nothing.
    public var minimumExactAgreement: Double
    /// Share of ratings at most one level from the master (0...1).
    public var minimumAdjacentAgreement: Double
    /// Quadratic weighted kappa against the master (-1...1); nil asks nothing.
    public var minimumWeightedKappa: Double?
    /// Largest acceptable average signed difference from the master, in levels.
    public var maximumAbsoluteBias: Double
    public var validForMonths: Int

    public static let standard = CalibrationThresholds(
        minimumExactAgreement: 0.6, minimumAdjacentAgreement: 0.9, minimumWeightedKappa: 0.6,
        maximumAbsoluteBias: 0.3, validForMonths: 12)

    public init(
        minimumExactAgreement: Double = 0, minimumAdjacentAgreement: Double, minimumWeightedKappa: Double? = nil,
        maximumAbsoluteBias: Double, validForMonths: Int
    ) {
        self.minimumExactAgreement = minimumExactAgreement
        self.minimumAdjacentAgreement = minimumAdjacentAgreement
        self.minimumWeightedKappa = minimumWeightedKappa
        self.maximumAbsoluteBias = maximumAbsoluteBias
        self.validForMonths = validForMonths
    }

    public var problems: [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if !(0...1).contains(minimumExactAgreement) {
            problems.append(
                ValidationProblem(location: "exact agreement", message: "must be a percentage from 0 to 100"))
        }
        if !(minimumAdjacentAgreement > 0 && minimumAdjacentAgreement <= 1) {
            problems.append(
                ValidationProblem(
                    location: "adjacent agreement", message: "must be a percentage above 0 and at most 100"))
        }
        if let kappa = minimumWeightedKappa, !(-1...1).contains(kappa) {
            problems.append(ValidationProblem(location: "weighted kappa", message: "must be from -1 to 1, or blank"))
        }
        if !(maximumAbsoluteBias > 0 && maximumAbsoluteBias <= 2) {
            problems.append(ValidationProblem(location: "bias", message: "must be above 0 and at most 2 levels"))
        }
        if !(1...60).contains(validForMonths) {
            problems.append(ValidationProblem(location: "validity", message: "must be 1 to 60 months"))
        }
        return problems
    }

    /// The rule in one sentence, for the pages that apply it.
    public func text(_ text: Localizer) -> String {
        let decimal = { (value: Double) in text.decimal(value, fractionDigits: 2) }
        var parts: [String] = []
        if minimumExactAgreement > 0 {
            parts.append(text.text(CalibrationMessage.thresholdExact, ["share": text.percent(minimumExactAgreement)]))
        }
        parts.append(text.text(CalibrationMessage.thresholdAdjacent, ["share": text.percent(minimumAdjacentAgreement)]))
        if let kappa = minimumWeightedKappa {
            parts.append(text.text(CalibrationMessage.thresholdKappa, ["kappa": decimal(kappa)]))
        }
        parts.append(text.text(CalibrationMessage.thresholdBias, ["levels": decimal(maximumAbsoluteBias)]))
        return text.list(parts)
    }

    /// In English, for the API and programme pages.
    public var description: String { text(Localizer(.english)) }
}
