import AcumenCore
import AcumenStore
import Foundation
import Vapor

/// `acumen audit verify [--head SEQUENCE:HASH]`: checks the audit log's hash chain
/// (`AuditChain`); exits 1, saying where, when any entry was edited, removed or moved.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: CommandHelp.text(.auditAction))
        var action: String
        @Option(name: "head", help: CommandHelp.text(.auditHead))
        var head: String?
    }

    let settings: AcumenSettings
    var help: String { CommandHelp.text(.audit) }

    func run(using context: CommandContext, signature: Signature) async throws {
        let text = settings.commandLocalizer
        guard signature.action == "verify" else {
            throw CommandRefusal(description: text.text(AuditMessage.unknownAction, ["action": signature.action]))
        }
        let noted = try signature.head.map { head -> (sequence: Int, hash: String) in
            let parts = head.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let sequence = Int(parts[0]), sequence > 0, parts[1].count == 64 else {
                throw CommandRefusal(description: text.text(AuditMessage.badHead))
            }
            return (sequence, parts[1].lowercased())
        }
        let entries = try await AuditLogRepository(database: context.application.db).entries()
        if let problem = AuditChain.verify(entries) {
            throw CommandRefusal(description: text.text(AuditMessage.broken, ["problem": problem.description]))
        }
        if let noted, entries.first(where: { $0.sequence == noted.sequence })?.hash != noted.hash {
            throw CommandRefusal(description: text.text(AuditMessage.headMissing, ["sequence": String(noted.sequence)]))
        }
        guard let last = entries.last else {
            context.console.print(text.text(AuditMessage.empty))
            return
        }
        let at = Date(timeIntervalSince1970: Double(last.atMilliseconds) / 1000)
        context.console.print(
            text.text(
                AuditMessage.intact,
                [
                    "count": String(entries.count), "at": at.formatted(.iso8601),
                    "sequence": String(last.sequence), "hash": last.hash,
                ]))
    }
}

/// What `acumen audit` says.
enum AuditMessage: String, MessageKey, CaseIterable {
    case intact = "cli.audit.intact"
    case empty = "cli.audit.empty"
    case broken = "cli.audit.broken"
    case headMissing = "cli.audit.headMissing"
    case badHead = "cli.audit.badHead"
    case unknownAction = "cli.audit.unknownAction"
}
