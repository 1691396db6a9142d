import AcumenCore
import AcumenStore
import Foundation
import Vapor

/// `acumen import people|accounts|framework FILE`: all or nothing, with every problem listed.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: CommandHelp.text(.importKind))
        var kind: String
        @Argument(name: "file", help: CommandHelp.text(.importFile))
        var file: String
    }

    let settings: AcumenSettings

    var help: String { CommandHelp.text(.importCommand) }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let text = settings.commandLocalizer
        let isAddress = ["http://", "https://"].contains { signature.file.lowercased().hasPrefix($0) }
        if isAddress && signature.kind == "framework" {
            do {
                announce(
                    try await FrameworkImport.fetchCASE(
                        signature.file, fetcher: app.casePackageFetcher, database: app.db))
            } catch {
                try Self.refuse(error)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CommandRefusal(description: text.text(CommandMessage.unreadable, ["file": signature.file]))
        }
        do {
            switch signature.kind {
            case "people":
                let summary = try await PeopleRepository(database: app.db).importPeople(
                    csv: try FrameworkImport.text(of: data, named: signature.file))
                context.console.print(Self.imported(summary, text: text))
            case "accounts":
                let summary = try await AccountRepository(database: app.db).importAccounts(
                    csv: try FrameworkImport.text(of: data, named: signature.file),
                    knownEmails: try await PeopleRepository(database: app.db).allEmails())
                context.console.print(Self.imported(summary, text: text))
            case "framework":
                announce(try await FrameworkImport.importEither(data, database: app.db))
            default:
                throw CommandRefusal(description: text.text(CommandMessage.unknownImport, ["kind": signature.kind]))
            }
        } catch {
            try Self.refuse(error)
        }

        func announce(_ imported: FrameworkImport.Imported) {
            let summary = imported.summary
            var named = [
                "name": summary.name, "version": text.integer(summary.version), "id": summary.id.lowercasedString,
            ]
            if let previous = imported.previousVersion {
                named["previous"] = text.integer(previous)
                context.console.print(text.text(CommandMessage.fetchedFrameworkVersion, named))
            } else {
                context.console.print(text.text(CommandMessage.importedFramework, named))
            }
            for note in imported.notes { context.console.print("- \(note)") }
        }
    }

    /// Why an import was refused, in the words its error carries; anything else is thrown on.
    private static func refuse(_ error: any Error) throws -> Never {
        switch error {
        case let report as ImportReport: throw CommandRefusal(description: report.description)
        case let error as CASEImportError: throw CommandRefusal(description: error.description)
        case let error as AppError: throw CommandRefusal(description: error.message)
        case let error as StoreError: throw CommandRefusal(description: AppError.from(error).message)
        default: throw error
        }
    }

    static func imported(_ summary: ImportSummary, text: Localizer) -> String {
        text.text(
            CommandMessage.imported,
            ["created": text.integer(summary.created), "updated": text.integer(summary.updated)])
    }
}
