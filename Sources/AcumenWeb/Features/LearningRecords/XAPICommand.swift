import AcumenCore
import AcumenStore
import Vapor

/// `acumen xapi credentials create --name SOURCE`: prints `key: …` and `secret: …` on two lines,
/// for HTTP basic authentication on /xapi.
struct XAPICommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "subject", help: CommandHelp.text(.xapiSubject))
        var subject: String
        @Argument(name: "action", help: CommandHelp.text(.xapiAction))
        var action: String
        @Option(name: "name", help: CommandHelp.text(.xapiName))
        var name: String?
    }

    let settings: AcumenSettings
    var help: String { CommandHelp.text(.xapi) }

    func run(using context: CommandContext, signature: Signature) async throws {
        let text = settings.commandLocalizer
        guard signature.subject == "credentials", signature.action == "create" else {
            throw CommandRefusal(description: text.text(CommandMessage.xapiUsage))
        }
        let issued: XAPICredentialIssuer.Issued
        do {
            issued = try await XAPICredentialIssuer.issue(
                name: signature.name ?? "", createdBy: "command line", database: context.application.db)
        } catch StoreError.invalid {
            throw CommandRefusal(description: text.text(CommandMessage.xapiGiveName))
        }
        context.console.print("key: \(issued.credential.key)")
        context.console.print("secret: \(issued.secret)")
    }
}
