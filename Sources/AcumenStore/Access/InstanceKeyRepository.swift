import FluentKit
import SQLKit

/// Fingerprints of the secrets a database was used with, so that a server started with another
/// secret stops at once instead of quietly failing to recognise the raters it already counted.
public struct InstanceKeyRepository: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database.sql }

    /// Records the fingerprint the first time; afterwards returns whether it matches.
    public func confirm(name: String, fingerprint: String) async throws -> Bool {
        if let stored = try await sql.select().column("fingerprint").from("instance_keys")
            .where("name", .equal, name).first()
        {
            return try stored.decode(column: "fingerprint", as: String.self) == fingerprint
        }
        try await sql.raw(
            """
            INSERT INTO instance_keys (name, fingerprint) VALUES (\(bind: name), \(bind: fingerprint))
            ON CONFLICT (name) DO NOTHING
            """
        ).run()
        return try await confirm(name: name, fingerprint: fingerprint)
    }
}
