import AcumenCore
import AcumenStore
import FluentKit
import Foundation

/// A cycle's framework version and questionnaire, which every rater's request and every report
/// needs. Once a cycle is open neither changes what it says (the version is published,
/// questions are edited only in drafts), so they are kept in memory; a published version can
/// gain translations, after which `forget()` drops what is kept.
enum CycleForms {
    private static let cache = BoundedCache<UUID, (FrameworkVersion, Questionnaire)>(capacity: 32)

    static func context(for cycle: AssessmentCycle, database: any Database) async throws
        -> (FrameworkVersion, Questionnaire)
    {
        if cycle.status != .draft, let cached = cache[cycle.id] { return cached }
        let context = (
            try await FrameworkRepository(database: database).version(id: cycle.frameworkID),
            try await CycleRepository(database: database).questionnaire(for: cycle)
        )
        if cycle.status != .draft { cache[cycle.id] = context }
        return context
    }

    /// Drops every kept framework and questionnaire, after a published version's translations
    /// changed. This process forgets at once; other app servers keep theirs until they restart.
    static func forget() {
        cache.removeAll()
    }
}
