import AcumenCore
import AcumenStore
import Vapor

/// Keeps browser sessions in the database so that any app server can serve any request.
/// The cookie holds a random value; the table holds its digest and an expiry time that is
/// fixed at sign-in, so a session ends a set time after it began however busy it is.
///
/// Vapor asks to save the session after every request that touched it; the driver writes
/// only when the data really changed, so reading a page costs no database write.
struct DatabaseSessionDriver: AsyncSessionDriver {
    let lifetime: TimeInterval

    private struct LoadedData: StorageKey {
        typealias Value = SessionData
    }

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        let token = SecretToken.generate()
        // A session with nothing in it (a visitor's stale cookie, say) is not worth a row: the
        // browser gets an id that finds nothing, and nothing is stored until sign-in.
        guard !data.snapshot.isEmpty else { return SessionID(string: token) }
        try await repository(request).create(
            tokenHash: SecretToken.digest(token), data: try encode(data),
            expiresAt: Date().addingTimeInterval(lifetime), userID: Self.userID(in: data))
        return SessionID(string: token)
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        guard let json = try await repository(request).data(tokenHash: SecretToken.digest(sessionID.string)),
            let data = try? JSONDecoder().decode(SessionData.self, from: Data(json.utf8))
        else { return nil }
        request.storage[LoadedData.self] = data
        return data
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        guard request.storage[LoadedData.self] != data else { return sessionID }
        try await repository(request).update(
            tokenHash: SecretToken.digest(sessionID.string), data: try encode(data), userID: Self.userID(in: data))
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await repository(request).delete(tokenHash: SecretToken.digest(sessionID.string))
    }

    /// The signed-in user the session belongs to, kept beside it so that a user's sessions can
    /// be ended together.
    private static func userID(in data: SessionData) -> UUID? {
        data[SessionKeys.userID].flatMap(UUID.init(uuidString:))
    }

    private func repository(_ request: Request) -> WebSessionRepository {
        WebSessionRepository(database: request.db)
    }

    private func encode(_ data: SessionData) throws -> String {
        String(decoding: try JSONEncoder().encode(data), as: UTF8.self)
    }
}
