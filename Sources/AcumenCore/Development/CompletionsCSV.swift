import Foundation

/// An LMS export of completions, as Acumen reads it: one row per completion, naming the person
/// by e-mail and the offering by its code or its xAPI activity id, with the day it was completed.
/// The file is read whole before anything changes, and every bad row is listed by its line.
public enum CompletionsCSV {
    public static let requiredColumns = ["email", "offering", "completed_on"]

    public struct Row: Hashable, Sendable {
        public var line: Int
        public var email: String
        public var offeringID: UUID
        public var completedOn: CalendarDate
    }

    /// - Parameters:
    ///   - people: the e-mail addresses Acumen knows, lower-cased.
    ///   - offerings: the catalogue, whose codes and activity ids rows may name.
    public static func read(_ text: String, people: Set<String>, offerings: [Offering], today: CalendarDate)
        throws(ImportReport) -> [Row]
    {
        let table = try CSVTable(text: text, requiredColumns: requiredColumns)
        let byCode = Dictionary(
            offerings.map { ($0.code.lowercased(), $0.id) }, uniquingKeysWith: { first, _ in first })
        let byActivity = Dictionary(
            offerings.map { ($0.xapiActivityID, $0.id) }, uniquingKeysWith: { first, _ in first })
        var problems: [ImportProblem] = []
        var rows: [Row] = []
        for row in table.rows {
            let email = row["email"].lowercased()
            let offering = row["offering"]
            let day = row["completed_on"]
            var found: [String] = []
            if !people.contains(email) {
                found.append(email.isEmpty ? "email is empty" : "email: \(email) is nobody Acumen knows")
            }
            let offeringID = byCode[offering.lowercased()] ?? byActivity[offering]
            if offeringID == nil {
                found.append(
                    offering.isEmpty
                        ? "offering is empty"
                        : "offering: \(offering) is neither an offering's code nor its activity id")
            }
            let completedOn = CalendarDate(day)
            if completedOn == nil {
                found.append("completed_on: \"\(day)\" is not a date as YYYY-MM-DD")
            } else if let completedOn, completedOn > today {
                found.append("completed_on: \(day) has not come yet")
            }
            problems += found.map { ImportProblem(line: row.line, message: $0) }
            if found.isEmpty, let offeringID, let completedOn {
                rows.append(Row(line: row.line, email: email, offeringID: offeringID, completedOn: completedOn))
            }
        }
        if table.rows.isEmpty { problems.append(ImportProblem(line: 2, message: "the file has no completions")) }
        guard problems.isEmpty else { throw ImportReport(problems: problems) }
        return rows
    }
}
