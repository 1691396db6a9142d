import AcumenCore
import AcumenStore
import FluentKit
import Foundation

/// A check's item analysis from its submitted attempts: each version of each question asked is
/// an item of its own (results stay tied to the version answered), in the order first asked.
/// The page, the API and the benchmark read the same figures from here.
struct CheckAnalysis {
    var analysis: ItemAnalysis
    /// The item of each position of `analysis.items`.
    var versions: [QuestionVersion]
    var questions: [QuestionVersion: BankQuestion]

    static func load(checkID: UUID, database: any Database) async throws -> CheckAnalysis {
        let answers = try await KnowledgeCheckRepository(database: database).scoredAnswers(checkID: checkID)
        let versions = Array(
            Set(answers.map { QuestionVersion(id: $0.questionId, version: $0.questionVersion) }))
        let questions = try await QuestionBankRepository(database: database).versions(Set(versions))
        return make(answers: answers, questions: questions)
    }

    /// Attempts waiting for an assessor have a question without a score; they are left out
    /// until scored, so that every figure counts finished attempts only.
    static func make(answers: [KnowledgeCheckRepository.ScoredAnswer], questions: [QuestionVersion: BankQuestion])
        -> CheckAnalysis
    {
        var order: [QuestionVersion] = []
        var column: [QuestionVersion: Int] = [:]
        // Each question's option keys, by column, looked up once rather than per answer.
        var optionKeys: [[String]] = []
        var rows: [[ItemAnalysis.Answer?]] = []
        var row: [ItemAnalysis.Answer?] = []
        var complete = true
        var current: UUID?
        for answer in answers {
            if answer.attemptId != current {
                if current != nil && complete { rows.append(row) }
                current = answer.attemptId
                row = Array(repeating: nil, count: order.count)
                complete = true
            }
            let key = QuestionVersion(id: answer.questionId, version: answer.questionVersion)
            let index: Int
            if let known = column[key] {
                index = known
            } else {
                index = order.count
                column[key] = index
                order.append(key)
                optionKeys.append(questions[key]?.options.map(\.key) ?? [])
            }
            guard let score = answer.score else {
                complete = false
                continue
            }
            if index >= row.count { row += Array(repeating: nil, count: index - row.count + 1) }
            var chosen: UInt64 = 0
            if let text = answer.chosen {
                // One key, the usual case, without splitting.
                let keys = text.contains("|") ? answer.chosenKeys : [text]
                for key in keys {
                    if let position = optionKeys[index].firstIndex(of: key), position < 64 {
                        chosen |= 1 << UInt64(position)
                    }
                }
            }
            row[index] = ItemAnalysis.Answer(score: score, chosen: chosen)
        }
        if current != nil && complete { rows.append(row) }
        // Attempts that ended before a later question first appeared did not meet it.
        rows = rows.map { $0.count < order.count ? $0 + Array(repeating: nil, count: order.count - $0.count) : $0 }
        let items = order.map { key in
            let question = questions[key]
            let choice = question.map { [.singleChoice, .multipleChoice, .trueFalse].contains($0.kind) } ?? false
            return ItemAnalysis.Question(
                id: key.id.uuidString.lowercased(),
                options: choice ? (question?.options ?? []).map { .init(key: $0.key, isCorrect: $0.isCorrect) } : [])
        }
        return CheckAnalysis(
            analysis: ItemAnalysis.compute(questions: items, attempts: rows), versions: order, questions: questions)
    }
}
