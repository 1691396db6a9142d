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

    /// The form as a proposal, checked by the same rules as the API's.
    var proposal: CycleProposal {
        CycleProposal(
            name: name, frameworkID: frameworkID, scope: scope, sources: sources, opensOn: opensOn,
            closesOn: closesOn, minimumPeers: minimumPeers, minimumCustomers: minimumCustomers,
            minimumForComments: minimumForComments, reminderDays: reminderDays)
    }
}
