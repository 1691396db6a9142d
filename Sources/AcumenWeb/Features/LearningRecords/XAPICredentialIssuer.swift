import AcumenCore
import AcumenStore
import FluentKit
import Foundation

/// Issues the HTTP basic credentials a source system sends learning records with: a key that
/// names the credential and a secret shown once; only the secret's digest is stored.
enum XAPICredentialIssuer {
    struct Issued {
        var credential: LearningRecordRepository.Credential
        var secret: String
    }

    static let longestName = 100

    /// - Throws: `StoreError.invalid` when the name is empty or too long.
    static func issue(name: String, createdBy: String, database: any Database) async throws -> Issued {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= longestName else {
            throw StoreError.invalid([
                ValidationProblem(location: "name", message: "give the sending system's name, up to 100 characters")
            ])
        }
        let secret = SecretToken.generate()
        // The key goes in logs and on pages; it carries no secret, only randomness enough to be unique.
        let key = "acumen-" + SecretToken.generate().prefix(16).lowercased()
        let credential = try await LearningRecordRepository(database: database).createCredential(
            name: trimmed, key: key, secretDigest: SecretToken.digest(secret), createdBy: createdBy, at: Date())
        return Issued(credential: credential, secret: secret)
    }

    /// The credential a request's HTTP basic authorization names, if its secret matches and it
    /// is not revoked.
    static func verify(key: String, secret: String, database: any Database) async throws
        -> LearningRecordRepository.Credential?
    {
        guard let credential = try await LearningRecordRepository(database: database).credential(key: key),
            credential.revokedAt == nil
        else { return nil }
        // Compared as digests of equal length, so the time taken says nothing about the secret.
        return SecretToken.constantTimeEqual(SecretToken.digest(secret), credential.secretDigest) ? credential : nil
    }
}
