import AcumenCore
import Foundation

/// The new-cycle form as posted: every field is text so that a bad value can be shown back
/// to the programme manager with a message rather than rejected by the decoder.
struct NewCycleForm: Codable {
    var name: String
    var frameworkID: String
    var scope: String
    var sourceSelf: String?
    var sourceSupervisor: String?
    var sourcePeer: String?
    var sourceCustomer: String?
    var opensOn: String
    var closesOn: String
    var minimumPeers: String
    var minimumCustomers: String
    var minimumForComments: String
    var reminderDays: String

    static func suggested(today: CalendarDate) -> NewCycleForm {
        NewCycleForm(
            name: "\(today.year) annual review", frameworkID: "", scope: "all", sourceSelf: "on",
            sourceSupervisor: "on", sourcePeer: "on", sourceCustomer: "on", opensOn: today.description,
            closesOn: today.adding(days: 28).description, minimumPeers: "3", minimumCustomers: "3",
            minimumForComments: "3", reminderDays: "7, 3, 1")
    }

    var sources: Set<RaterSource> {
        var sources: Set<RaterSource> = []
        if sourceSelf == "on" { sources.insert(.self) }
        if sourceSupervisor == "on" { sources.insert(.supervisor) }
        if sourcePeer == "on" { sources.insert(.peer) }
        if sourceCustomer == "on" { sources.insert(.customer) }
        return sources
    }

    struct Parsed {
        var settings: CycleSettings?
        var frameworkID: UUID?
        var scope: SubjectScope
        var problems: [String]
    }

    func parsed() -> Parsed {
        var problems: [String] = []
        let frameworkID = UUID(uuidString: frameworkID)
        if frameworkID == nil { problems.append("choose a published framework") }
        var subjects = SubjectScope.allAccountManagers
        if let team = scopeID(prefix: "team:") {
            subjects = .team(team)
        } else if let location = scopeID(prefix: "location:") {
            subjects = .location(location)
        } else if scope != "all" {
            problems.append("choose who is assessed")
        }
        let opens = CalendarDate(opensOn.trimmingCharacters(in: .whitespaces))
        let closes = CalendarDate(closesOn.trimmingCharacters(in: .whitespaces))
        if opens == nil { problems.append("the opening date must be a date like 2026-11-30") }
        if closes == nil { problems.append("the closing date must be a date like 2026-12-31") }
        let minimums = [minimumPeers, minimumCustomers, minimumForComments].map {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        if minimums.contains(nil) { problems.append("each anonymity minimum must be a whole number") }
        let days = reminderDays.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        if days.contains(nil) {
            problems.append("reminder days must be whole numbers separated by commas, e.g. 7, 3, 1")
        }
        guard problems.isEmpty, let opens, let closes else {
            return Parsed(settings: nil, frameworkID: frameworkID, scope: subjects, problems: problems)
        }
        let settings = CycleSettings(
            name: name, sources: sources, opensOn: opens, closesOn: closes,
            rules: AnonymityRules(
                minimumPeers: minimums[0]!, minimumCustomers: minimums[1]!, minimumForComments: minimums[2]!),
            reminderDaysBeforeClose: days.compactMap { $0 })
        let settingsProblems = settings.problems
        return Parsed(
            settings: settingsProblems.isEmpty ? settings : nil, frameworkID: frameworkID, scope: subjects,
            problems: settingsProblems)
    }

    private func scopeID(prefix: String) -> UUID? {
        guard scope.hasPrefix(prefix) else { return nil }
        return UUID(uuidString: String(scope.dropFirst(prefix.count)))
    }
}
