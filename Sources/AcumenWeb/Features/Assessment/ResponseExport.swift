import AcumenCore
import AcumenStore
import Foundation

/// The raw responses of a cycle as CSV for programme managers.
///
/// Only for settled cycles. Anonymous rows carry no rater and are dated on the closing day, as
/// stored; voided anonymous responses are not exported. Rows of peer or customer groups that
/// the disclosure gate does not show on their own are left out (raw rows of a group of one or
/// two would be their answers), and a customer's answer to a question whose figures the gate
/// withholds for that account manager is blanked, as in the report.
enum ResponseExport {
    static let header = [
        "response", "account_manager", "source", "status", "submitted_on", "replaces", "rater", "item", "value",
        "comment", "flags",
    ]

    static func csv(rows: [ExportedResponseRow], disclosure: CycleDisclosure) -> String {
        let kept = rows.filter { row in
            guard row.source.isAnonymous else { return true }
            return disclosure.gate.phase == .settled
                && disclosure.plan(subjectID: row.subjectID)?.decision(for: row.source) == .shown
        }.map { row in
            guard row.source == .customer,
                !disclosure.gate.permits(
                    question: row.item, in: DisclosureGate.subjectSlice(row.subjectID.uuidString))
            else { return row }
            var blanked = row
            blanked.value = "withheld"
            blanked.comment = ""
            return blanked
        }
        .sorted {
            ($0.subjectName, $0.source, $0.responseID.uuidString, $0.item) < (
                $1.subjectName, $1.source, $1.responseID.uuidString, $1.item
            )
        }
        // A customer response with the same answer to every question is flagged on each of its rows.
        var answers: [UUID: [String: FrequencyAnswer]] = [:]
        for row in kept where row.source == .customer {
            if let answer = FrequencyAnswer(rawValue: row.value) {
                answers[row.responseID, default: [:]][row.item] = answer
            }
        }
        let straightLined = Set(answers.filter { QuestionnaireQuality.isStraightLined($0.value) }.keys)
        return CSVText.make(
            header: header,
            rows: kept.map { row in
                [
                    row.responseID.uuidString.lowercased(), row.subjectName, row.source.rawValue, row.status,
                    row.submittedOn, row.replaces?.uuidString.lowercased() ?? "", row.rater, row.item, row.value,
                    row.comment, straightLined.contains(row.responseID) ? "straight-lined" : "",
                ]
            })
    }
}
