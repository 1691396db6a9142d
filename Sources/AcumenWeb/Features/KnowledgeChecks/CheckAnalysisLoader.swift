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
        let attempts = try await KnowledgeCheckRepository(database: database).foldedAttempts(checkID: checkID)
        // First each mark's column, score and chosen keys, straight from the folded text; then,
        // once the questions asked are known, the table the analysis reads.
        var order: [QuestionVersion] = []
        var column: [QuestionVersion: Int] = [:]
        var lastAt: [(text: Substring, version: Int, column: Int)] = []
        var parsed: [[(column: Int, score: Double?, chosen: Substring)]] = []
        parsed.reserveCapacity(attempts.count)
        for attempt in attempts {
            let marks = KnowledgeCheckRepository.marks(in: attempt.marks)
            parsed.append(
                marks.compactMap { mark in
                    if mark.position < lastAt.count, lastAt[mark.position].text == mark.questionID,
                        lastAt[mark.position].version == mark.version
                    {
                        return (lastAt[mark.position].column, mark.score, mark.chosen)
                    }
                    guard let id = UUID(uuidString: String(mark.questionID)) else { return nil }
                    let key = QuestionVersion(id: id, version: mark.version)
                    let index = column[key] ?? order.count
                    if index == order.count {
                        column[key] = index
                        order.append(key)
                    }
                    while lastAt.count <= mark.position { lastAt.append(("", 0, 0)) }
                    lastAt[mark.position] = (mark.questionID, mark.version, index)
                    return (index, mark.score, mark.chosen)
                })
        }
        let questions = try await QuestionBankRepository(database: database).versions(Set(order))
        let optionKeys = order.map { questions[$0]?.options.map(\.key) ?? [] }
        var rows: [[ItemAnalysis.Answer?]] = []
        rows.reserveCapacity(parsed.count)
        // Attempts waiting for an assessor are left out until scored.
        for marks in parsed where marks.allSatisfy({ $0.score != nil }) {
            var row = [ItemAnalysis.Answer?](repeating: nil, count: order.count)
            for mark in marks {
                var chosen: UInt64 = 0
                func choose(_ key: Substring) {
                    if let position = optionKeys[mark.column].firstIndex(where: { $0 == key }), position < 64 {
                        chosen |= 1 << UInt64(position)
                    }
                }
                // One key, the usual case, is looked up without splitting.
                if mark.chosen.utf8.contains(UInt8(ascii: "|")) {
                    mark.chosen.split(separator: "|").forEach(choose)
                } else if !mark.chosen.isEmpty {
                    choose(mark.chosen)
                }
                row[mark.column] = ItemAnalysis.Answer(score: mark.score ?? 0, chosen: chosen)
            }
            rows.append(row)
        }
        return CheckAnalysis(
            analysis: ItemAnalysis.compute(questions: items(order, questions: questions), attempts: rows),
            versions: order, questions: questions)
    }

    private static func items(_ order: [QuestionVersion], questions: [QuestionVersion: BankQuestion])
        -> [ItemAnalysis.Question]
    {
        order.map { key in
            let question = questions[key]
            let choice = question?.kind.isChoice ?? false
            return ItemAnalysis.Question(
                id: key.id.uuidString.lowercased(),
                options: choice ? (question?.options ?? []).map { .init(key: $0.key, isCorrect: $0.isCorrect) } : [])
        }
    }
}
