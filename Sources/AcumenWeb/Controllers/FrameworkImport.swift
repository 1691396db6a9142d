import AcumenCore
import AcumenStore
import Fluent
import Foundation

/// Imports shared by the CLI, the upload page and the API: every path validates the whole
/// file first and stores it in one transaction, or stores nothing.
enum FrameworkImport {
    /// A CASE package becomes a draft. Its identifiers are kept unless this installation
    /// already uses them (importing a framework back into the server it came from).
    static func importCASE(_ data: Data, database: any Database) async throws -> FrameworkSummary {
        let package = try CASEImporter.decode(data)
        var content = try CASEImporter.content(from: package)
        if try await identifiersInUse(content, database: database) {
            content = content.withFreshIdentifiers()
        }
        return try await FrameworkRepository(database: database).create(content, status: .draft)
    }

    private static func identifiersInUse(_ content: FrameworkContent, database: any Database) async throws -> Bool {
        try await FrameworkRepository(database: database).contains(
            identifiers: [content.identifier] + content.categories.map(\.identifier)
                + content.competencies.map(\.identifier))
    }
}
