import Foundation

/// An attempt's answers as the page's form fields, which is also how they are saved: one field
/// per question (`answer.<question id>`: the option chosen, the number or the words), or one per
/// option for multiple choice (checked or not) and ordering (the position given). The page saves
/// a field at a time as the person answers, so whatever was saved last is what is scored.
public enum AttemptForm {
    static let prefix = "answer."

    public static func fieldName(_ questionID: UUID, option: String? = nil) -> String {
        prefix + questionID.uuidString.lowercased() + (option.map { ".\($0)" } ?? "")
    }

    /// The question and option a field answers; nil for a name that is not an answer's.
    public static func parse(fieldName name: String) -> (questionID: UUID, option: String?)? {
        guard name.hasPrefix(prefix) else { return nil }
        let rest = name.dropFirst(prefix.count)
        guard rest.count >= 36, let id = UUID(uuidString: String(rest.prefix(36))) else { return nil }
        let tail = rest.dropFirst(36)
        if tail.isEmpty { return (id, nil) }
        guard tail.first == ".", tail.count > 1 else { return nil }
        return (id, String(tail.dropFirst()))
    }

    /// Every field the paper's page sends for `item`: one per option for multiple choice and
    /// ordering, else one. A whole form sent without one of them (an unticked box) clears it.
    public static func fieldNames(for item: AttemptPaper.Item, kind: QuestionKind) -> [String] {
        switch kind {
        case .multipleChoice, .ordering: item.optionOrder.map { fieldName(item.questionID, option: $0) }
        case .singleChoice, .trueFalse, .numeric, .scenario: [fieldName(item.questionID)]
        }
    }

    /// Why fields may not be saved to `paper`: a name that is no answer, or answers a question
    /// the paper does not ask, or an option the question does not have. Nil when all may.
    public static func refusal(
        ofFields names: some Sequence<String>, paper: AttemptPaper
    ) -> AttemptRefusal? {
        let options = Dictionary(paper.items.map { ($0.questionID, Set($0.optionOrder)) }) { first, _ in first }
        for name in names.sorted() {
            guard let (id, option) = parse(fieldName: name) else { return .fieldNotOnPaper(name) }
            guard let known = options[id] else { return .questionNotOnPaper(id) }
            if let option, !known.contains(option) { return .fieldNotOnPaper(name) }
        }
        return nil
    }

    /// The answers the fields give, by question; a question left blank has none.
    public static func answers(
        from fields: [String: String], paper: AttemptPaper, questions: [UUID: BankQuestion]
    ) -> [UUID: GivenAnswer] {
        var answers: [UUID: GivenAnswer] = [:]
        for item in paper.items {
            guard let question = questions[item.questionID] else { continue }
            func value(_ option: String? = nil) -> String {
                (fields[fieldName(item.questionID, option: option)] ?? "").trimmingCharacters(
                    in: .whitespacesAndNewlines)
            }
            switch question.kind {
            case .singleChoice, .trueFalse:
                let chosen = value()
                if !chosen.isEmpty { answers[item.questionID] = .choices([chosen]) }
            case .multipleChoice:
                let chosen = item.optionOrder.filter { !value($0).isEmpty && value($0) != "off" }
                if !chosen.isEmpty { answers[item.questionID] = .choices(chosen) }
            case .numeric:
                if let number = Self.number(value()) { answers[item.questionID] = .number(number) }
            case .ordering:
                let positions = item.optionOrder.compactMap { key in Int(value(key)).map { (key, $0) } }
                if positions.count == item.optionOrder.count {
                    answers[item.questionID] = .order(positions.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0))
                }
            case .scenario:
                let words = value()
                if !words.isEmpty { answers[item.questionID] = .text(words) }
            }
        }
        return answers
    }

    /// The fields that give `answer` to `question`, replacing whatever its fields held.
    public static func fields(for answer: GivenAnswer, question: BankQuestion) -> [String: String] {
        var fields: [String: String] = [:]
        switch (question.kind, answer) {
        case (.multipleChoice, .choices(let chosen)):
            for option in question.options { fields[fieldName(question.id, option: option.key)] = "" }
            for key in chosen { fields[fieldName(question.id, option: key)] = "on" }
        case (.ordering, .order(let order)):
            for option in question.options { fields[fieldName(question.id, option: option.key)] = "" }
            for (position, key) in order.enumerated() {
                fields[fieldName(question.id, option: key)] = "\(position + 1)"
            }
        case (_, .choices(let chosen)):
            fields[fieldName(question.id)] = chosen.first ?? ""
        case (_, .number(let number)):
            fields[fieldName(question.id)] = number.formatted(.number.grouping(.never).locale(.init(identifier: "en")))
        case (_, .text(let words)):
            fields[fieldName(question.id)] = words
        case (_, .order(let order)):
            fields[fieldName(question.id)] = order.joined(separator: ",")
        }
        return fields
    }

    /// A number as people type it: a decimal comma is read as a point; nothing else is guessed.
    static func number(_ text: String) -> Double? {
        let cleaned = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: ".")
        guard !cleaned.isEmpty, let number = Double(cleaned), number.isFinite else { return nil }
        return number
    }
}
