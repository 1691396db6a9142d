import Foundation

/// The question bank in GIFT, the plain-text format Moodle's question bank reads and writes.
///
/// Export: questions are grouped under `$CATEGORY: $course$/top/Acumen/<competency>/level <n>`;
/// each is preceded by a comment naming its id and version (Moodle ignores comments; a
/// re-import revises those questions); the explanation is GIFT's general feedback (`####`).
/// Single choice is `{=right ~wrong}`, multiple choice weighs each right option `%100/r%` and
/// each wrong one `-100/r%` (r right options: the scoring Acumen uses), true/false `{T}` or
/// `{F}`, numeric `{#answer:tolerance}`, a scenario an essay `{}` with its rubric in a
/// `// rubric:` comment. GIFT has no ordering question: an ordering question is listed in a
/// comment as not exported, never dropped silently.
///
/// Import reads those forms (and `{#low..high}` ranges, `TRUE`/`FALSE`, `[html]`-style format
/// marks, `\n` and escaped special characters). The competency and level come from the
/// category path (a component equal to a competency code, and one reading `level <n>`), else
/// from the defaults given. An essay needs its rubric comment; short-answer, matching and
/// missing-word questions are refused by line. All or nothing, as every import.
public enum QuestionBankGIFT {
    public static func make(_ questions: [BankQuestion]) -> String {
        var out: [String] = ["// Acumen question bank"]
        let groups = Dictionary(grouping: questions) { "\($0.competencyCode)/level \($0.level + 1)" }
        for category in groups.keys.sorted() {
            out.append("")
            out.append("$CATEGORY: $course$/top/Acumen/\(category)")
            for question in groups[category] ?? [] {
                out.append("")
                guard let answers = answers(of: question) else {
                    out.append(
                        "// Not exported: \(question.kind.rawValue) question \(question.id.lowercasedString) (GIFT has no such question; Moodle XML carries it)"
                    )
                    continue
                }
                out.append("// question \(question.id.lowercasedString) version \(question.version)")
                if question.kind == .scenario {
                    out.append("// rubric: " + question.rubric.map(\.description).joined(separator: " | "))
                }
                out.append(
                    "::\(escaped(String(question.prompt.prefix(60))))::\(escaped(question.prompt)) {\(answers) ####\(escaped(question.explanation))}"
                )
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func answers(of question: BankQuestion) -> String? {
        switch question.kind {
        case .singleChoice:
            return question.options.map { ($0.isCorrect ? "=" : "~") + escaped($0.text) }.joined(separator: " ")
        case .multipleChoice:
            let right = max(1, question.options.filter(\.isCorrect).count)
            let weight = String(format: "%.5f", 100 / Double(right)).replacingOccurrences(of: ".00000", with: "")
            return question.options.map { "~%\($0.isCorrect ? "" : "-")\(weight)%" + escaped($0.text) }
                .joined(separator: " ")
        case .trueFalse:
            return question.options.first?.isCorrect == true ? "T" : "F"
        case .numeric:
            return "#\(question.numericAnswer ?? 0):\(question.tolerance)"
        case .scenario:
            return ""
        case .ordering:
            return nil
        }
    }

    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "~", "=", "#", "{", "}", ":", "\\": result += "\\\(character)"
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }
}

extension QuestionBankGIFT {
    /// - Parameters:
    ///   - competencyCodes: the competencies questions may belong to.
    ///   - defaultCompetency: for questions whose category names none.
    ///   - defaultLevel: from 0, for questions whose category names none.
    ///   - existing: the bank's latest versions, which a question's id comment revises.
    public static func questions(
        fromGIFT text: String, competencyCodes: Set<String>, defaultCompetency: String? = nil, defaultLevel: Int = 0,
        existing: [BankQuestion]
    ) throws(ImportReport) -> [BankQuestion] {
        typealias Message = KnowledgeCheckProblemMessage
        let existingByID = Dictionary(existing.map { ($0.id, $0) }) { first, _ in first }
        var problems: [ImportProblem] = []
        var questions: [BankQuestion] = []
        var category: (competency: String?, level: Int?) = (nil, nil)
        var block: [String] = []
        var blockLine = 0
        var comments: (id: UUID?, rubric: [String]) = (nil, [])

        func finishBlock() {
            defer {
                block = []
                comments = (nil, [])
            }
            guard !block.isEmpty else { return }
            func refuse(_ text: CatalogueText) { problems.append(ImportProblem(line: blockLine, text)) }
            guard let competency = category.competency ?? defaultCompetency, competencyCodes.contains(competency)
            else {
                refuse(CatalogueText(Message.giftNoCompetency))
                return
            }
            switch parse(block.joined(separator: "\n")) {
            case .refused(let problem):
                refuse(CatalogueText(problem))
            case .question(var question):
                if let id = comments.id, let known = existingByID[id] {
                    question.id = id
                    question.version = known.version
                }
                question.competencyCode = competency
                question.level = category.level ?? defaultLevel
                if question.kind == .scenario { question.rubric = comments.rubric.map(BankQuestion.RubricStep.init) }
                question.problems().forEach(refuse)
                questions.append(question)
            }
        }

        for (index, rawLine) in text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        ).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                finishBlock()
                continue
            }
            if line.hasPrefix("//") {
                let comment = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
                if comment.hasPrefix("question "),
                    let id = UUID(uuidString: String(comment.dropFirst(9).prefix(36)))
                {
                    comments.id = id
                } else if comment.hasPrefix("rubric:") {
                    comments.rubric = comment.dropFirst(7).split(separator: "|").map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }.filter { !$0.isEmpty }
                }
                continue
            }
            if block.isEmpty && line.hasPrefix("$CATEGORY:") {
                category = Self.category(fromPath: String(line.dropFirst(10)), competencyCodes: competencyCodes)
                continue
            }
            if block.isEmpty { blockLine = index + 1 }
            block.append(line)
        }
        finishBlock()
        if questions.isEmpty && problems.isEmpty {
            problems.append(ImportProblem(line: 1, CatalogueText(Message.noQuestions)))
        }
        guard problems.isEmpty else { throw ImportReport(problems: problems) }
        return questions
    }

    /// The competency and level a Moodle category path names (`$course$/top/Acumen/KE.1/level 2`):
    /// its last component that is a competency code, and its last reading `level <n>`. GIFT and
    /// Moodle XML carry them the same way.
    static func category(fromPath path: String, competencyCodes: Set<String>) -> (competency: String?, level: Int?) {
        let components = path.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
        return (
            components.last { competencyCodes.contains($0) },
            components.compactMap { component -> Int? in
                guard component.lowercased().hasPrefix("level ") else { return nil }
                return Int(component.dropFirst(6)).map { $0 - 1 }
            }.last
        )
    }

    /// What one question's text gave: a question, or why Acumen cannot take it.
    enum Parsed {
        case question(BankQuestion)
        case refused(KnowledgeCheckProblemMessage)
    }

    /// One question's text, from its title to its closing brace.
    static func parse(_ source: String) -> Parsed {
        let characters = Array(source)
        var position = 0
        // The title, when the question has one, is not kept: the prompt says what it asks.
        if source.hasPrefix("::"), let end = unescaped("::", in: characters, from: 2) {
            position = end + 2
        }
        var rest = String(characters[position...]).trimmingCharacters(in: .whitespaces)
        var isHTML = false
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            isHTML = rest[rest.index(after: rest.startIndex)..<close].lowercased() == "html"
            rest = String(rest[rest.index(after: close)...])
        }
        let body = Array(rest)
        guard let open = unescaped("{", in: body, from: 0), let close = unescaped("}", in: body, from: open + 1) else {
            return .refused(.giftNoAnswers)
        }
        let after = String(body[(close + 1)...]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard after.isEmpty else { return .refused(.giftUnsupported) }
        let prompt = unescape(String(body[..<open])).trimmingCharacters(in: .whitespacesAndNewlines)
        var answers = String(body[(open + 1)..<close])
        var explanation = ""
        if let feedback = answers.range(of: "####") {
            explanation = unescape(String(answers[feedback.upperBound...])).trimmingCharacters(
                in: .whitespacesAndNewlines)
            answers = String(answers[..<feedback.lowerBound])
        }
        var question = BankQuestion(
            competencyCode: "", level: 0, kind: .singleChoice, prompt: prompt, explanation: explanation)
        let trimmed = answers.trimmingCharacters(in: .whitespacesAndNewlines)
        let truth = trimmed.split(separator: "#", maxSplits: 1).first.map(String.init)?.uppercased() ?? ""
        if trimmed.isEmpty {
            question.kind = .scenario
        } else if ["T", "TRUE", "F", "FALSE"].contains(truth.trimmingCharacters(in: .whitespaces)) {
            question.kind = .trueFalse
            let isTrue = truth.hasPrefix("T")
            question.options = [
                .init(key: "t", text: "True", isCorrect: isTrue), .init(key: "f", text: "False", isCorrect: !isTrue),
            ]
        } else if trimmed.hasPrefix("#") {
            question.kind = .numeric
            let value = String(trimmed.dropFirst()).split(separator: "=").first.map(String.init) ?? ""
            let number =
                unescape(value).split(separator: "#").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if let range = number.range(of: ".."), let low = Double(number[..<range.lowerBound]),
                let high = Double(number[range.upperBound...])
            {
                question.numericAnswer = (low + high) / 2
                question.tolerance = abs(high - low) / 2
            } else {
                let parts = number.split(separator: ":", maxSplits: 1)
                guard let answer = parts.first.flatMap({ Double($0) }) else { return .refused(.giftUnsupported) }
                question.numericAnswer = answer
                question.tolerance = parts.count == 2 ? Double(parts[1]) ?? -1 : 0
            }
        } else {
            let choices = split(answers)
            guard !choices.isEmpty, choices.allSatisfy({ !$0.text.contains("->") }) else {
                return .refused(.giftUnsupported)
            }
            if choices.allSatisfy({ $0.weight == nil && $0.marker == "=" }) { return .refused(.giftUnsupported) }
            let weighted = choices.contains { $0.weight != nil }
            question.kind = weighted ? .multipleChoice : .singleChoice
            question.options = choices.enumerated().map { index, choice in
                BankQuestion.Option(
                    key: String(Character(UnicodeScalar(UInt8(97 + index % 26))))
                        + (index >= 26 ? "\(index / 26)" : ""),
                    text: choice.text,
                    isCorrect: weighted ? (choice.weight ?? (choice.marker == "=" ? 100 : 0)) > 0 : choice.marker == "="
                )
            }
        }
        if isHTML {
            question.prompt = plainText(fromHTML: question.prompt)
            question.explanation = plainText(fromHTML: question.explanation)
            question.options = question.options.map { option in
                var option = option
                option.text = plainText(fromHTML: option.text)
                return option
            }
        }
        return .question(question)
    }

    /// Moodle writes `[html]` questions with tags and entities; Acumen shows plain text.
    static func plainText(fromHTML html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
            } else if character == ">" && inTag {
                inTag = false
                text.append(" ")
            } else if !inTag {
                text.append(character)
            }
        }
        for (entity, character) in [
            ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"),
            ("&amp;", "&"),
        ] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The choices of a choice question: `=` or `~`, an optional `%weight%`, the text; a
    /// choice's own feedback (after `#`) is not kept.
    private static func split(_ answers: String) -> [(marker: Character, weight: Double?, text: String)] {
        var choices: [(marker: Character, weight: Double?, text: String)] = []
        var current = ""
        var marker: Character?
        var escaping = false
        func finish() {
            guard let marker else { return }
            var text = current.trimmingCharacters(in: .whitespacesAndNewlines)
            var weight: Double?
            if text.hasPrefix("%"), let end = text.dropFirst().firstIndex(of: "%") {
                weight = Double(text[text.index(after: text.startIndex)..<end])
                text = String(text[text.index(after: end)...])
            }
            if let feedback = unescaped("#", in: Array(text), from: 0) { text = String(Array(text)[..<feedback]) }
            choices.append((marker, weight, unescape(text).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        for character in answers {
            if escaping {
                current += "\\" + String(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "=" || character == "~" {
                finish()
                marker = character
                current = ""
            } else {
                current.append(character)
            }
        }
        finish()
        return choices
    }

    /// The position of `token` not preceded by a backslash, from `start`.
    private static func unescaped(_ token: String, in characters: [Character], from start: Int) -> Int? {
        let token = Array(token)
        var index = start
        while index + token.count <= characters.count {
            if characters[index] == "\\" {
                index += 2
                continue
            }
            if Array(characters[index..<(index + token.count)]) == token { return index }
            index += 1
        }
        return nil
    }

    private static func unescape(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                result.append(character == "n" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
