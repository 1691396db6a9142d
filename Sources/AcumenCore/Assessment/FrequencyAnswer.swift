/// A customer's answer on the questionnaire's frequency scale, or "don't know".
///
/// Scores run from 1 (never) to 5 (always); "don't know" has no score and is left out of
/// means, but counted, because a question many customers cannot answer is itself a finding.
public enum FrequencyAnswer: String, Codable, Sendable, CaseIterable {
    case never
    case rarely
    case sometimes
    case often
    case always
    case dontKnow

    public var score: Int? {
        switch self {
        case .never: 1
        case .rarely: 2
        case .sometimes: 3
        case .often: 4
        case .always: 5
        case .dontKnow: nil
        }
    }

    public var label: String {
        switch self {
        case .never: "Never"
        case .rarely: "Rarely"
        case .sometimes: "Sometimes"
        case .often: "Often"
        case .always: "Always"
        case .dontKnow: "Don't know"
        }
    }

    /// The five points of the scale, without "don't know".
    public static let scale: [FrequencyAnswer] = [.never, .rarely, .sometimes, .often, .always]
}

extension FrequencyAnswer {
    /// The answer as the reader's language says it.
    public func label(in localizer: Localizer) -> String {
        localizer.text(AnswerMessage(self))
    }
}

/// The answers of the frequency scale, as the catalogue names them.
public enum AnswerMessage: String, MessageKey, CaseIterable {
    case never = "answer.never"
    case rarely = "answer.rarely"
    case sometimes = "answer.sometimes"
    case often = "answer.often"
    case always = "answer.always"
    case dontKnow = "answer.dontKnow"

    /// Keys are `answer.` and the answer's raw value; the catalogue tests hold every case.
    init(_ answer: FrequencyAnswer) {
        self.init(rawValue: "answer.\(answer.rawValue)")!
    }
}
