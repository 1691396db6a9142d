/// Agreement statistics in words, for people who do not read alpha: Krippendorff's own bars
/// (0.8 to rely on ratings, 0.667 for tentative conclusions) and chance at zero.
public enum AgreementReading {
    public static func of(alpha: Double?) -> String {
        guard let alpha else { return "Not enough ratings to say." }
        switch alpha {
        case 0.8...: return "Raters agree well: their ratings can be relied on."
        case 0.667..<0.8: return "Raters agree moderately: enough for tentative conclusions, not yet for decisions."
        case 0.2..<0.667: return "Raters agree little beyond chance: they do not yet see the levels alike."
        default: return "Raters agree no better than chance."
        }
    }
}
