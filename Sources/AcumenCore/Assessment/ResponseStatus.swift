/// A response is written as the rater goes (draft), submitted once, and never changed after:
/// a correction voids it and records a new response that replaces it, so both stay in history.
public enum ResponseStatus: String, Codable, Sendable, CaseIterable {
    case draft
    case submitted
    case voided

    /// Only a draft takes new answers.
    public var acceptsAnswers: Bool { self == .draft }
}
