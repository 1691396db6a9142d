import AcumenCore
import AcumenStore
import Foundation
import Vapor

/// `acumen user create --email E --role R` (password from standard input),
/// `acumen user password --email E` (a new password from standard input; signs the user out
/// everywhere) and `acumen user token --email E` (prints a bearer token for the API).
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: CommandHelp.text(.userAction))
        var action: String
        @Option(name: "email", help: CommandHelp.text(.userEmail))
        var email: String?
        @Option(name: "role", help: CommandHelp.text(.userRole))
        var role: String?
    }

    let settings: AcumenSettings
    var help: String { CommandHelp.text(.user) }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let text = settings.commandLocalizer
        guard let email = signature.email?.lowercased(), !email.isEmpty else {
            throw CommandRefusal(description: text.text(CommandMessage.giveEmail))
        }
        let users = UserRepository(database: app.db)
        switch signature.action {
        case "create":
            guard let roleText = signature.role, let role = Role(parsing: roleText) else {
                throw CommandRefusal(
                    description: text.text(
                        CommandMessage.giveRole, ["roles": Role.allCases.map(\.rawValue).joined(separator: ", ")]))
            }
            let password = try readPassword(console: context.console, text: text)
            let user = try await users.create(email: email, passwordHash: try app.password.hash(password), role: role)
            context.console.print(
                text.text(CommandMessage.created, ["email": user.email, "role": text.text(RoleMessage(user.role))]))
        case "password":
            guard let user = try await users.user(email: email) else {
                throw CommandRefusal(description: text.text(CommandMessage.noSuchUser, ["email": email]))
            }
            let password = try readPassword(console: context.console, text: text)
            try await users.setPassword(userID: user.id, passwordHash: try app.password.hash(password))
            try await WebSessionRepository(database: app.db).endSessions(userID: user.id)
            context.console.print(text.text(CommandMessage.passwordSet, ["email": user.email]))
        case "token":
            guard let user = try await users.user(email: email) else {
                throw CommandRefusal(description: text.text(CommandMessage.noSuchUser, ["email": email]))
            }
            let token = try await AuthController.issueToken(
                for: user, lifetime: settings.tokenLifetime, database: app.db)
            context.console.print(token.token)
        default:
            throw CommandRefusal(description: text.text(CommandMessage.unknownAction, ["action": signature.action]))
        }
    }

    /// Reads the password from standard input so it never appears in the shell history;
    /// at a terminal it is asked for without echo.
    private func readPassword(console: any Console, text: Localizer) throws -> String {
        let password: String
        if isatty(STDIN_FILENO) == 1 {
            password = console.ask(ConsoleText(stringLiteral: text.text(CommandMessage.askPassword)), isSecure: true)
        } else {
            password = readLine(strippingNewline: true) ?? ""
        }
        guard !PasswordRule.isTooShort(password) else {
            throw CommandRefusal(description: text.text(CommandMessage.passwordTooShort))
        }
        guard !PasswordRule.isTooLong(password) else {
            throw CommandRefusal(description: text.text(CommandMessage.passwordTooLong))
        }
        return password
    }
}
