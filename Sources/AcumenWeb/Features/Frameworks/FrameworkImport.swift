import AcumenCore
import AcumenStore
import Fluent
import Foundation

/// Imports shared by the CLI, the upload page and the API: every path validates the whole
/// file first and stores it in one transaction, or stores nothing.
enum FrameworkImport {
    /// The draft an import made, and what the reader generated or left to write (`CASEImportResult`).
    struct Imported {
        var summary: FrameworkSummary
        var notes: [String]
    }

    /// A CASE package becomes a draft. Its identifiers are kept unless this installation
    /// already uses them (importing a framework back into the server it came from).
    static func importCASE(_ data: Data, database: any Database) async throws -> Imported {
        let read = try CASEImporter.read(try CASEImporter.decode(data))
        var content = read.content
        if try await identifiersInUse(content, database: database) {
            content = content.withFreshIdentifiers()
        }
        return Imported(
            summary: try await FrameworkRepository(database: database).create(content, status: .draft),
            notes: read.notes)
    }

    /// A Moodle competency-framework CSV becomes a draft whose behaviours are still to be written.
    static func importMoodleCSV(_ data: Data, database: any Database) async throws -> Imported {
        let content = try MoodleFrameworkImport.content(fromCSV: try text(of: data))
        return Imported(
            summary: try await FrameworkRepository(database: database).create(content, status: .draft), notes: [])
    }

    /// Uploaded CSV as text; spreadsheets save other encodings unless told "CSV UTF-8".
    static func text(of data: Data, named name: String = "The file") throws -> String {
        guard let text = String(data: data, encoding: .utf8) else {
            throw AppError(
                .unprocessableEntity, code: "invalid",
                message: "\(name) is not UTF-8 text. Save it as CSV UTF-8 and try again.")
        }
        return text
    }

    /// CASE packages are JSON objects; anything else is read as Moodle CSV.
    static func importEither(_ data: Data, database: any Database) async throws -> Imported {
        let firstByte = data.first {
            !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF)
        }
        if firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[") {
            return try await importCASE(data, database: database)
        }
        return try await importMoodleCSV(data, database: database)
    }

    private static func identifiersInUse(_ content: FrameworkContent, database: any Database) async throws -> Bool {
        try await FrameworkRepository(database: database).contains(
            identifiers: [content.identifier] + content.categories.map(\.identifier)
                + content.competencies.map(\.identifier))
    }
}
