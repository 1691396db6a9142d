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
        var rows: [[ItemAnalysis.Answer?]] = []
        var current: UUID?
        var row: [QuestionVersion: ItemAnalysis.Answer] = [:]
        var complete = true
        var finished: [[QuestionVersion: ItemAnalysis.Answer]] = []
        func close() {
            if current != nil && complete { finished.append(row) }
            row = [:]
            complete = true
        }
        for answer in answers {
            if answer.attemptId != current {
                close()
                current = answer.attemptId
            }
            let key = QuestionVersion(id: answer.questionId, version: answer.questionVersion)
            if column[key] == nil {
                column[key] = order.count
                order.append(key)
            }
            guard let score = answer.score else {
                complete = false
                continue
            }
            let keys = questions[key]?.options.map(\.key) ?? []
            row[key] = ItemAnalysis.Answer(
                score: score, options: answer.chosenKeys.compactMap { keys.firstIndex(of: $0) })
        }
        close()
        rows = finished.map { answered in order.map { answered[$0] } }
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
