/// Agreement statistics in words, for people who do not read alpha: Krippendorff's own bars
/// (0.8 to rely on ratings, 0.667 for tentative conclusions) and chance at zero. Pages word
/// each reading in the reader's language.
public enum AgreementReading: String, Hashable, Sendable, CaseIterable {
    case notEnoughRatings
    case good
    case moderate
    case little
    case chance

    public static func of(alpha: Double?) -> AgreementReading {
        guard let alpha else { return .notEnoughRatings }
        switch alpha {
        case 0.8...: return .good
        case 0.667..<0.8: return .moderate
        case 0.2..<0.667: return .little
        default: return .chance
        }
    }
}
