import Foundation

/// The question bank as a CSV file, both ways. One row per question (its latest version);
/// `level` counts from 1 (Baseline); `options` holds one option a line as `key: text`, in the
/// order shown (for an ordering question, the right order); `correct` lists the right keys
/// separated by semicolons; `rubric` holds a scenario's steps one a line, weakest first. A row
/// with a `question_id` revises that question; one without adds a question. An import is all or
/// nothing: every bad row is listed by its line.
public enum QuestionBankCSV {
    public static let columns = [
        "question_id", "version", "competency", "level", "kind", "prompt", "explanation", "options", "correct",
        "numeric_answer", "tolerance", "rubric",
    ]
    public static let requiredColumns = ["competency", "level", "kind", "prompt", "explanation"]

    public static func make(_ questions: [BankQuestion]) -> String {
        CSVText.make(
            header: columns,
            rows: questions.map { question in
                [
                    question.id.lowercasedString, "\(question.version)", question.competencyCode,
                    "\(question.level + 1)",
                    question.kind.rawValue, question.prompt, question.explanation,
                    question.options.map { "\($0.key): \($0.text)" }.joined(separator: "\n"),
                    question.options.filter(\.isCorrect).map(\.key).joined(separator: "; "),
                    question.numericAnswer.map { "\($0)" } ?? "",
                    question.kind == .numeric ? "\(question.tolerance)" : "",
                    question.rubric.map(\.description).joined(separator: "\n"),
                ]
            })
    }

    /// - Parameters:
    ///   - competencyCodes: the competencies questions may belong to.
    ///   - existing: the bank's latest versions, which a row naming its id revises.
    public static func questions(fromCSV text: String, competencyCodes: Set<String>, existing: [BankQuestion])
        throws(ImportReport) -> [BankQuestion]
    {
        typealias Message = KnowledgeCheckProblemMessage
        let table = try CSVTable(text: text, requiredColumns: requiredColumns)
        let existingByID = Dictionary(existing.map { ($0.id, $0) }) { first, _ in first }
        var problems: [ImportProblem] = []
        var questions: [BankQuestion] = []
        var lineByID: [UUID: Int] = [:]
        for row in table.rows {
            func cell(_ column: String) -> String { CSVText.undefused(row[column]) }
            func refuse(_ text: CatalogueText) { problems.append(ImportProblem(line: row.line, text)) }
            var id = UUID()
            if !cell("question_id").isEmpty {
                if let given = UUID(uuidString: cell("question_id")), existingByID[given] != nil {
                    id = given
                    if let first = lineByID[given] {
                        refuse(
                            CatalogueText(
                                ImportProblemMessage.repeated,
                                ["column": "question_id", "value": cell("question_id"), "first": "\(first)"]))
                    }
                    lineByID[given] = lineByID[given] ?? row.line
                } else {
                    refuse(CatalogueText(Message.unknownQuestion, ["id": cell("question_id")]))
                }
            }
            if !competencyCodes.contains(cell("competency")) {
                refuse(CatalogueText(Message.unknownCompetency, ["competency": cell("competency")]))
            }
            let kind = QuestionKind(rawValue: cell("kind"))
            if kind == nil {
                refuse(
                    CatalogueText(
                        Message.unknownKind,
                        ["kind": cell("kind"), "kinds": QuestionKind.allCases.map(\.rawValue).joined(separator: ", ")]))
            }
            let level = Int(cell("level")).map { $0 - 1 } ?? -1
            var options: [BankQuestion.Option] = []
            for line in cell("options").split(whereSeparator: \.isNewline) {
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, !parts[0].trimmingCharacters(in: .whitespaces).isEmpty else {
                    refuse(CatalogueText(Message.optionLine, ["line": String(line)]))
                    continue
                }
                options.append(
                    BankQuestion.Option(
                        key: parts[0].trimmingCharacters(in: .whitespaces),
                        text: parts[1].trimmingCharacters(in: .whitespaces)))
            }
            let correct = cell("correct").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            for key in correct where !options.contains(where: { $0.key == key }) {
                refuse(CatalogueText(Message.unknownCorrectKey, ["key": key]))
            }
            options = options.map { option in
                var option = option
                option.isCorrect = correct.contains(option.key)
                return option
            }
            func number(_ column: String) -> Double? {
                guard !cell(column).isEmpty else { return nil }
                guard let value = Double(cell(column)), value.isFinite else {
                    refuse(CatalogueText(Message.notANumber, ["column": column, "value": cell(column)]))
                    return nil
                }
                return value
            }
            let question = BankQuestion(
                id: id, version: existingByID[id]?.version ?? 1, competencyCode: cell("competency"),
                level: level, kind: kind ?? .singleChoice, prompt: cell("prompt"), explanation: cell("explanation"),
                options: options, numericAnswer: number("numeric_answer"), tolerance: number("tolerance") ?? 0,
                rubric: cell("rubric").split(whereSeparator: \.isNewline).map {
                    BankQuestion.RubricStep($0.trimmingCharacters(in: .whitespaces))
                })
            if kind != nil { question.problems().forEach(refuse) }
            questions.append(question)
        }
        if table.rows.isEmpty { problems.append(ImportProblem(line: 2, CatalogueText(Message.noQuestions))) }
        guard problems.isEmpty else { throw ImportReport(problems: problems) }
        return questions
    }
}
