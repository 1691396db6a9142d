import AcumenCore
import AcumenStore
import Fluent
import Foundation
import Vapor

/// Imports shared by the CLI, the upload page and the API: every path validates the whole
/// file first and stores it in one transaction, or stores nothing.
enum FrameworkImport {
    /// The draft an import made, and what the reader generated or left to write (`FrameworkReading`).
    struct Imported {
        var summary: FrameworkSummary
        var notes: [String]
        /// For a later version fetched again from a provider: the version it follows.
        var previousVersion: Int? = nil

        /// The draft's page, where what the import carried over, generated and left to write
        /// is listed (for a later version, what changed since the one before).
        func opened(for request: Request) -> Response {
            let text = request.readersLocalizer
            let page = SitePath.framework.url(summary.id)
            if let previousVersion {
                request.flash(
                    text.text(
                        FrameworkFlashMessage.versionFetched,
                        ["version": text.integer(summary.version), "previous": text.integer(previousVersion)]))
                return request.redirect(to: page + "#changes")
            }
            request.flash(text.text(ImportMessage.importedFrameworkNext, ["name": summary.name]))
            return request.redirect(to: page + "#imported")
        }
    }

    /// A CASE package becomes a draft. Its identifiers are kept unless this installation
    /// already uses them (importing a framework back into the server it came from).
    static func importCASE(_ data: Data, fetchedFrom url: String? = nil, database: any Database) async throws
        -> Imported
    {
        let read = try CASEImporter.read(try CASEImporter.decode(data))
        var content = read.content
        if try await identifiersInUse(content, database: database) {
            content = content.withFreshIdentifiers()
        }
        let origin = FrameworkOrigin(source: url == nil ? .casePackage : .caseProvider, url: url, notes: read.notes)
        return Imported(
            summary: try await FrameworkRepository(database: database).create(content, status: .draft, origin: origin),
            notes: read.notes)
    }

    /// Fetches a package from another CASE provider. The first fetch of an address makes a new
    /// framework; fetching it again makes that framework's next version, a draft whose page
    /// lists what changed. Behaviours written here for competencies the provider gives none, and
    /// translations of texts that did not change, carry over to it.
    static func fetchCASE(_ text: String, fetcher: CASEPackageFetcher, database: any Database) async throws
        -> Imported
    {
        let (address, data) = try await fetcher.fetchPackage(
            try CASEPackageFetcher.packageAddress(text))
        let repository = FrameworkRepository(database: database)
        guard let latest = try await repository.latestVersion(fetchedFrom: address) else {
            return try await importCASE(data, fetchedFrom: address, database: database)
        }
        let read = try CASEImporter.read(try CASEImporter.decode(data))
        let previous = try await repository.version(id: latest.id)
        let (content, keptBehaviours) = read.content.withFreshIdentifiers()
            .keepingWhatWasWrittenHere(for: previous.content)
        let notes =
            read.notes
            + keptBehaviours.map {
                "\($0) has no rubric at the provider: its behaviours were kept from version \(latest.version)"
            }
        if FrameworkDifferences(from: previous.content, to: content).isEmpty {
            throw AppError(
                .conflict, code: "unchanged",
                message:
                    "The package at \(address) says what version \(latest.version) of \(latest.name) says; no version was made."
            )
        }
        let summary = try await repository.addVersion(
            content, after: latest.id, origin: FrameworkOrigin(source: .caseProvider, url: address, notes: notes))
        return Imported(summary: summary, notes: notes, previousVersion: latest.version)
    }

    /// A Moodle competency-framework CSV becomes a draft whose behaviours are still to be written.
    static func importMoodleCSV(_ data: Data, database: any Database) async throws -> Imported {
        let read = try MoodleFrameworkImport.read(csv: try text(of: data))
        return Imported(
            summary: try await FrameworkRepository(database: database).create(
                read.content, status: .draft, origin: FrameworkOrigin(source: .moodleCSV, notes: read.notes)),
            notes: read.notes)
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
                + content.competencies.flatMap { [$0.identifier] + $0.indicators.map(\.identifier) })
    }
}
