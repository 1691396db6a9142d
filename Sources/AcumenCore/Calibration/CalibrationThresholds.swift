/// What the programme asks of a rater before their ratings count as calibrated, and for how long.
public struct CalibrationThresholds: Hashable, Codable, Sendable {
    /// Share of ratings at most one level from the master (0...1).
    public var minimumAdjacentAgreement: Double
    /// Largest acceptable average signed difference from the master, in levels.
    public var maximumAbsoluteBias: Double
    public var validForMonths: Int

    public static let standard = CalibrationThresholds(
        minimumAdjacentAgreement: 0.8, maximumAbsoluteBias: 0.3, validForMonths: 12)

    public init(minimumAdjacentAgreement: Double, maximumAbsoluteBias: Double, validForMonths: Int) {
        self.minimumAdjacentAgreement = minimumAdjacentAgreement
        self.maximumAbsoluteBias = maximumAbsoluteBias
        self.validForMonths = validForMonths
    }

    public var problems: [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if !(minimumAdjacentAgreement > 0 && minimumAdjacentAgreement <= 1) {
            problems.append(
                ValidationProblem(
                    location: "adjacent agreement", message: "must be a percentage above 0 and at most 100"))
        }
        if !(maximumAbsoluteBias > 0 && maximumAbsoluteBias <= 2) {
            problems.append(ValidationProblem(location: "bias", message: "must be above 0 and at most 2 levels"))
        }
        if !(1...60).contains(validForMonths) {
            problems.append(ValidationProblem(location: "validity", message: "must be 1 to 60 months"))
        }
        return problems
    }
}
