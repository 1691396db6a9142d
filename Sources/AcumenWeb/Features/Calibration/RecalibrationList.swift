import AcumenCore
import AcumenStore
import FluentKit

/// Who must calibrate: every supervisor, and everyone who ever took part in an exercise; and
/// those who rate others as supervisors without a login yet, who cannot take part until they have one.
enum RecalibrationList {
    struct Entry {
        var user: UserAccount
        var status: CalibrationStatus?
        var reason: RecalibrationReason
    }

    struct WithoutLogin {
        var name: String
        var email: String
        var jobTitle: String
    }

    static func withoutLogin(database: any Database) async throws -> [WithoutLogin] {
        try await PeopleRepository(database: database).ratersWithoutLogin().map {
            WithoutLogin(name: $0.name, email: $0.email, jobTitle: $0.jobTitle)
        }
    }

    static func make(database: any Database, today: CalendarDate) async throws -> [Entry] {
        let statuses = try await CalibrationRepository(database: database).statuses()
        return try await UserRepository(database: database).users().filter { user in
            !user.isDisabled && (user.role == .supervisor || statuses[user.id] != nil)
        }.compactMap { user in
            RecalibrationReason.due(statuses[user.id], on: today).map {
                Entry(user: user, status: statuses[user.id], reason: $0)
            }
        }.sorted { ($0.reason.isOverdue ? 0 : 1, $0.user.email) < ($1.reason.isOverdue ? 0 : 1, $1.user.email) }
    }
}
