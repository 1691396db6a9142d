import AcumenCore
import AcumenStore
import FluentKit
import Foundation

/// A check as the new-check form or the API describe it, read into a `KnowledgeCheck` with
/// every problem named by its field; saved only when there is none.
struct CheckDraft {
    var title: String
    var isVerbal: Bool
    var offeringID: UUID?
    var questionIDs: [UUID]
    var draws: [KnowledgeCheck.Draw]
    var timeLimitMinutes: Int?
    var passMark: Double
    var allowedAttempts: Int?
    var shufflesOptions: Bool

    /// From the form's fields; `problems` names what could not be read.
    init(fields: [String: String], problems: inout [ValidationProblem]) {
        func number(_ name: String, what: String) -> Int? {
            let value = (fields[name] ?? "").trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { return nil }
            guard let number = Int(value) else {
                problems.append(ValidationProblem(location: name, message: "give \(what) as a whole number"))
                return nil
            }
            return number
        }
        title = (fields["title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        isVerbal = fields["kind"] == "verbal"
        offeringID = UUID(uuidString: fields["offering"] ?? "")
        questionIDs = fields.filter { $0.key.hasPrefix("question.") && $0.value == "on" }.keys.sorted()
            .compactMap { UUID(uuidString: String($0.dropFirst("question.".count))) }
        draws = fields.keys.filter { $0.hasPrefix("draw.") }.sorted().compactMap { name in
            let parts = name.split(separator: ".", maxSplits: 1).last.map(String.init) ?? ""
            guard let split = parts.lastIndex(of: "."), let level = Int(parts[parts.index(after: split)...]),
                let count = number(name, what: "the number to draw"), count > 0
            else { return nil }
            return KnowledgeCheck.Draw(competencyCode: String(parts[..<split]), level: level, count: count)
        }
        timeLimitMinutes = number("timeLimit", what: "the time limit in minutes")
        passMark = Double(number("passMark", what: "the pass mark in per cent") ?? 0) / 100
        allowedAttempts = number("attempts", what: "the attempts allowed")
        shufflesOptions = fields["shuffle"] == "on"
    }

    init(
        title: String, isVerbal: Bool, offeringID: UUID?, questionIDs: [UUID], draws: [KnowledgeCheck.Draw],
        timeLimitMinutes: Int?, passMark: Double, allowedAttempts: Int?, shufflesOptions: Bool
    ) {
        self.title = title
        self.isVerbal = isVerbal
        self.offeringID = offeringID
        self.questionIDs = questionIDs
        self.draws = draws
        self.timeLimitMinutes = timeLimitMinutes
        self.passMark = passMark
        self.allowedAttempts = allowedAttempts
        self.shufflesOptions = shufflesOptions
    }

    /// Saves the check when the bank can supply it and the offering is free; otherwise throws
    /// every problem, and nothing is saved.
    func save(database: any Database, problems given: [ValidationProblem] = []) async throws
        -> KnowledgeCheckRepository.StoredCheck
    {
        var problems = given
        let bank = try await QuestionBankRepository(database: database).latest()
        if !questionIDs.isEmpty && !draws.isEmpty {
            problems.append(
                ValidationProblem(location: "questions", message: "choose questions or numbers to draw, not both"))
        }
        let check = KnowledgeCheck(
            title: title, selection: draws.isEmpty ? .fixed(questionIDs) : .drawn(draws),
            timeLimitMinutes: timeLimitMinutes, passMark: passMark, allowedAttempts: allowedAttempts,
            shufflesOptions: shufflesOptions)
        if let problem = TextLimits.titleProblem(title, of: "the check") { problems.append(problem) }
        problems += check.problems(bank: bank).map {
            ValidationProblem(location: "questions", wording: $0)
        }
        if isVerbal {
            let byID = Dictionary(bank.map { ($0.id, $0) }) { first, _ in first }
            if !draws.isEmpty || questionIDs.contains(where: { byID[$0]?.kind != .scenario }) {
                problems.append(
                    ValidationProblem(
                        location: "questions", message: "a verbal check's script is chosen scenario questions"))
            }
        }
        let checks = KnowledgeCheckRepository(database: database)
        if let offeringID {
            let offering = try? await CatalogueRepository(database: database).offering(id: offeringID)
            if offering == nil {
                problems.append(ValidationProblem(location: "offering", message: "choose an offering of the catalogue"))
            } else if try await checks.check(offeringID: offeringID) != nil {
                problems.append(
                    ValidationProblem(location: "offering", message: "that offering is another check already"))
            }
        }
        guard problems.isEmpty else { throw StoreError.invalid(problems) }
        let stored = KnowledgeCheckRepository.StoredCheck(check: check, offeringID: offeringID, isVerbal: isVerbal)
        try await checks.save(stored, at: Date())
        return stored
    }
}
