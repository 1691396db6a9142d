import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The question bank in Moodle XML, the format Moodle's question bank exports with everything
/// a question holds.
///
/// Export: a `category` question before each competency and level
/// (`$course$/top/Acumen/<competency>/level <n>`, as GIFT); each question carries its id in
/// `idnumber`, its explanation as general feedback. Single and multiple choice are `multichoice`
/// (`single` true or false; in a multiple-choice question each right option weighs `100/r` and
/// each wrong one `-100/r`, the scoring Acumen uses), true/false `truefalse`, numeric `numerical`
/// with its tolerance, ordering `ordering` (its items in the right order), a scenario `essay`
/// with its rubric in the grader's information, one step a paragraph.
///
/// Import reads the same, in whatever order Moodle wrote them, with HTML text read as plain
/// text. Competency and level come from the category, else from the defaults given. Short
/// answer, matching, cloze and the other kinds Acumen cannot score are refused by the line
/// their question starts on; a file that is not well-formed XML is refused where it breaks.
/// All or nothing, as every import.
public enum QuestionBankMoodleXML {
    public static func make(_ questions: [BankQuestion]) -> String {
        var out = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<quiz>"]
        let groups = Dictionary(grouping: questions) { "\($0.competencyCode)/level \($0.level + 1)" }
        for category in groups.keys.sorted() {
            out.append("  <question type=\"category\">")
            out.append("    <category><text>\(escaped("$course$/top/Acumen/\(category)"))</text></category>")
            out.append("  </question>")
            for question in groups[category] ?? [] { out += element(question) }
        }
        out.append("</quiz>")
        return out.joined(separator: "\n") + "\n"
    }

    private static func element(_ question: BankQuestion) -> [String] {
        let type =
            switch question.kind {
            case .singleChoice, .multipleChoice: "multichoice"
            case .trueFalse: "truefalse"
            case .numeric: "numerical"
            case .ordering: "ordering"
            case .scenario: "essay"
            }
        var lines = [
            "  <question type=\"\(type)\">",
            "    <name><text>\(escaped(String(question.prompt.prefix(60))))</text></name>",
            "    <questiontext format=\"plain_text\"><text>\(escaped(question.prompt))</text></questiontext>",
            "    <generalfeedback format=\"plain_text\"><text>\(escaped(question.explanation))</text></generalfeedback>",
            "    <defaultgrade>1</defaultgrade>",
            "    <idnumber>\(question.id.lowercasedString)</idnumber>",
        ]
        func answer(_ fraction: String, _ text: String, extra: String = "") -> String {
            "    <answer fraction=\"\(fraction)\" format=\"plain_text\"><text>\(escaped(text))</text>\(extra)</answer>"
        }
        switch question.kind {
        case .singleChoice, .multipleChoice:
            let single = question.kind == .singleChoice
            let right = max(1, question.options.filter(\.isCorrect).count)
            let weight = String(format: "%.7f", 100 / Double(right))
            lines.append("    <single>\(single)</single>")
            lines.append("    <shuffleanswers>true</shuffleanswers>")
            for option in question.options {
                let fraction = single ? (option.isCorrect ? "100" : "0") : (option.isCorrect ? weight : "-" + weight)
                lines.append(answer(fraction, option.text))
            }
        case .trueFalse:
            let isTrue = question.options.first?.isCorrect == true
            lines.append(answer(isTrue ? "100" : "0", "true"))
            lines.append(answer(isTrue ? "0" : "100", "false"))
        case .numeric:
            lines.append(
                answer(
                    "100",
                    (question.numericAnswer ?? 0).formatted(.number.grouping(.never).locale(.init(identifier: "en"))),
                    extra: "<tolerance>\(question.tolerance)</tolerance>"))
        case .ordering:
            lines.append("    <layouttype>VERTICAL</layouttype>")
            lines.append("    <selecttype>ALL</selecttype>")
            lines.append("    <gradingtype>RELATIVE_ALL_PREVIOUS_AND_NEXT</gradingtype>")
            for (position, option) in question.options.enumerated() {
                lines.append(answer("\(position + 1)", option.text))
            }
        case .scenario:
            lines.append("    <responseformat>editor</responseformat>")
            let rubric = question.rubric.map { "<p>\(escaped($0.description))</p>" }.joined()
            lines.append("    <graderinfo format=\"html\"><text>\(escaped(rubric))</text></graderinfo>")
        }
        lines.append("  </question>")
        return lines
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}

extension QuestionBankMoodleXML {
    /// An element of the file, with the line it starts on.
    final class Node {
        let name: String
        let attributes: [String: String]
        let line: Int
        var children: [Node] = []
        var text = ""

        init(name: String, attributes: [String: String], line: Int) {
            self.name = name
            self.attributes = attributes
            self.line = line
        }

        func child(_ name: String) -> Node? { children.first { $0.name == name } }
        /// The `<text>` of a child (`questiontext`, `generalfeedback`), as plain text when it is HTML.
        func text(of name: String) -> String {
            guard let node = child(name) else { return "" }
            return QuestionBankMoodleXML.words(node.child("text")?.text ?? node.text, format: node.attributes["format"])
        }
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root = Node(name: "", attributes: [:], line: 0)
        var stack: [Node] = []
        weak var parser: XMLParser?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let node = Node(name: elementName, attributes: attributes, line: parser.lineNumber)
            (stack.last ?? root).children.append(node)
            stack.append(node)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            stack.last?.text += String(decoding: block, as: UTF8.self)
        }
    }

    /// - Parameters:
    ///   - competencyCodes: the competencies questions may belong to.
    ///   - defaultCompetency: for questions whose category names none.
    ///   - defaultLevel: from 0, for questions whose category names none.
    ///   - existing: the bank's latest versions, which a question's `idnumber` revises.
    public static func questions(
        fromXML text: String, competencyCodes: Set<String>, defaultCompetency: String? = nil, defaultLevel: Int = 0,
        existing: [BankQuestion]
    ) throws(ImportReport) -> [BankQuestion] {
        typealias Message = KnowledgeCheckProblemMessage
        let parser = XMLParser(data: Data(text.utf8))
        // A file naming outside entities is refused rather than followed.
        parser.shouldResolveExternalEntities = false
        let builder = TreeBuilder()
        parser.delegate = builder
        guard parser.parse(), let quiz = builder.root.children.first, quiz.name == "quiz" else {
            let line = max(1, parser.lineNumber)
            throw ImportReport(problems: [ImportProblem(line: line, CatalogueText(Message.xmlMalformed))])
        }
        let existingByID = Dictionary(existing.map { ($0.id, $0) }) { first, _ in first }
        var problems: [ImportProblem] = []
        var questions: [BankQuestion] = []
        var category: (competency: String?, level: Int?) = (nil, nil)
        for node in quiz.children where node.name == "question" {
            func refuse(_ text: CatalogueText) { problems.append(ImportProblem(line: node.line, text)) }
            let type = node.attributes["type"] ?? ""
            if type == "category" {
                let path = node.child("category").map { $0.child("text")?.text ?? $0.text } ?? ""
                category = QuestionBankGIFT.category(fromPath: path, competencyCodes: competencyCodes)
                continue
            }
            if type == "description" { continue }
            guard let competency = category.competency ?? defaultCompetency, competencyCodes.contains(competency)
            else {
                refuse(CatalogueText(Message.moodleNoCompetency))
                continue
            }
            guard var question = question(from: node, type: type) else {
                refuse(CatalogueText(Message.moodleUnsupported, ["type": type]))
                continue
            }
            if let id = UUID(uuidString: node.text(of: "idnumber")), let known = existingByID[id] {
                question.id = id
                question.version = known.version
            }
            question.competencyCode = competency
            question.level = category.level ?? defaultLevel
            question.problems().forEach(refuse)
            questions.append(question)
        }
        if questions.isEmpty && problems.isEmpty {
            problems.append(ImportProblem(line: 1, CatalogueText(Message.noQuestions)))
        }
        guard problems.isEmpty else { throw ImportReport(problems: problems) }
        return questions
    }

    /// A text as Acumen shows it: HTML (Moodle's usual format) read as plain text; other formats
    /// as written. Without a format, text with closing tags is taken for HTML.
    static func words(_ raw: String, format: String?) -> String {
        let isHTML = format.map { $0.lowercased() == "html" } ?? raw.contains("</")
        return isHTML
            ? QuestionBankGIFT.plainText(fromHTML: raw) : raw.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func question(from node: Node, type: String) -> BankQuestion? {
        var question = BankQuestion(
            competencyCode: "", level: 0, kind: .singleChoice, prompt: node.text(of: "questiontext"),
            explanation: node.text(of: "generalfeedback"))
        let answers = node.children.filter { $0.name == "answer" }
        func key(_ index: Int) -> String {
            String(Character(UnicodeScalar(UInt8(97 + index % 26)))) + (index >= 26 ? "\(index / 26)" : "")
        }
        func fraction(_ answer: Node) -> Double { Double(answer.attributes["fraction"] ?? "") ?? 0 }
        func words(_ answer: Node) -> String {
            Self.words(answer.child("text")?.text ?? answer.text, format: answer.attributes["format"])
        }
        switch type {
        case "multichoice":
            let single = (node.child("single")?.text ?? "true").trimmingCharacters(in: .whitespaces).lowercased()
            question.kind = ["true", "1"].contains(single) ? .singleChoice : .multipleChoice
            question.options = answers.enumerated().map { index, answer in
                .init(key: key(index), text: words(answer), isCorrect: fraction(answer) > 0)
            }
            if question.kind == .singleChoice {
                // Moodle allows partial credit on a single choice; Acumen keeps the full-credit option as right.
                question.options = question.options.enumerated().map { index, option in
                    var option = option
                    option.isCorrect = fraction(answers[index]) >= 100
                    return option
                }
            }
        case "truefalse":
            question.kind = .trueFalse
            let isTrue = answers.first { words($0).lowercased() == "true" }.map { fraction($0) > 0 } ?? false
            question.options = [
                .init(key: "t", text: "True", isCorrect: isTrue), .init(key: "f", text: "False", isCorrect: !isTrue),
            ]
        case "numerical":
            question.kind = .numeric
            guard let right = answers.max(by: { fraction($0) < fraction($1) }) else { return question }
            question.numericAnswer = Double(words(right).replacingOccurrences(of: ",", with: "."))
            question.tolerance = Double(right.child("tolerance")?.text.trimmingCharacters(in: .whitespaces) ?? "") ?? 0
        case "ordering":
            question.kind = .ordering
            let ordered = answers.enumerated().sorted {
                (fraction($0.element), $0.offset) < (fraction($1.element), $1.offset)
            }
            question.options = ordered.enumerated().map { index, answer in
                .init(key: key(index), text: words(answer.element))
            }
        case "essay":
            question.kind = .scenario
            let grader = node.child("graderinfo")
            let raw = grader?.child("text")?.text ?? ""
            let steps = raw.components(separatedBy: "</p>").map { QuestionBankGIFT.plainText(fromHTML: $0) }
                .filter { !$0.isEmpty }
            question.rubric = steps.map(BankQuestion.RubricStep.init)
        default:
            return nil
        }
        return question
    }
}
