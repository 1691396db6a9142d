import AcumenCore
import AcumenStore
import Fluent
import Vapor

extension UserAccount: Authenticatable {}

/// Restores the signed-in user from the session on every browser request.
struct SessionUserAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // A bearer token, when sent, says who is calling; the cookie is then ignored.
        if request.headers.bearerAuthorization == nil, request.hasSession,
            let id = request.session.data[SessionKeys.userID].flatMap(UUID.init(uuidString:))
        {
            if let user = try await UserRepository(database: request.db).user(id: id), !user.isDisabled {
                request.auth.login(user)
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}

/// Accepts `Authorization: Bearer <token>` on API routes.
struct BearerUserAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        if let user = try await UserRepository(database: request.db).user(tokenHash: SecretToken.digest(bearer.token)) {
            request.auth.login(user)
        }
    }
}

enum SessionKeys {
    static let userID = "userID"
    static let csrf = "csrf"
    static let flash = "flash"
}

extension Request {
    /// The signed-in user, or a 401 that neither reveals nor hides whether the object asked for exists.
    func requireUser() throws -> UserAccount {
        guard let user = auth.get(UserAccount.self) else { throw AppError.unauthorised }
        return user
    }

    var currentUser: UserAccount? { auth.get(UserAccount.self) }
}

extension Set<UUID>? {
    /// Whether a visibility set (`PeopleRepository.visiblePersonIDs`, nil meaning everyone) includes the person.
    func includes(_ personID: UUID) -> Bool { self?.contains(personID) ?? true }
}
