import AcumenCore
import AcumenStore
import Foundation
import Vapor

/// `acumen import people|accounts|framework FILE`: all or nothing, with every problem listed.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "people, accounts or framework")
        var kind: String
        @Argument(name: "file", help: "A CSV file (people, accounts), or a CASE JSON package or Moodle CSV (framework)")
        var file: String
    }

    var help: String {
        "Imports people or accounts from CSV, or a framework from a CASE package or a Moodle competency CSV."
    }

    struct ImportFailed: Error, CustomStringConvertible {
        let description: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw ImportFailed(description: "Cannot read \(signature.file): no such file, or it is not readable.")
        }
        do {
            switch signature.kind {
            case "people":
                let summary = try await PeopleRepository(database: app.db).importPeople(
                    csv: try FrameworkImport.text(of: data, named: signature.file))
                context.console.print("\(summary)")
            case "accounts":
                let summary = try await AccountRepository(database: app.db).importAccounts(
                    csv: try FrameworkImport.text(of: data, named: signature.file),
                    knownEmails: try await PeopleRepository(database: app.db).allEmails())
                context.console.print("\(summary)")
            case "framework":
                let summary = try await FrameworkImport.importEither(data, database: app.db)
                context.console.print(
                    "Imported \(summary.name) as a draft (version \(summary.version), id \(summary.id.lowercasedString))."
                )
            default:
                throw ImportFailed(
                    description: "Unknown import '\(signature.kind)'. Use people, accounts or framework.")
            }
        } catch let report as ImportReport {
            throw ImportFailed(description: report.description)
        } catch let error as CASEImportError {
            throw ImportFailed(description: error.description)
        } catch let error as AppError {
            throw ImportFailed(description: error.message)
        }
    }

}
