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
                let imported = try await FrameworkImport.importEither(data, database: app.db)
                let summary = imported.summary
                context.console.print(
                    text.text(
                        CommandMessage.importedFramework,
                        [
                            "name": summary.name, "version": text.integer(summary.version),
                            "id": summary.id.lowercasedString,
                        ]))
                for note in imported.notes { context.console.print("- \(note)") }
            default:
                throw CommandRefusal(description: text.text(CommandMessage.unknownImport, ["kind": signature.kind]))
            }
        } catch let report as ImportReport {
            throw CommandRefusal(description: report.description)
        } catch let error as CASEImportError {
            throw CommandRefusal(description: error.description)
        } catch let error as AppError {
            throw CommandRefusal(description: error.message)
        }
    }

    static func imported(_ summary: ImportSummary, text: Localizer) -> String {
        text.text(
            CommandMessage.imported,
            ["created": text.integer(summary.created), "updated": text.integer(summary.updated)])
    }
}
