import AcumenCore
import Vapor

/// Who gave a response, in a form only this server can compute: a keyed digest (HMAC-SHA256)
/// of the cycle, the account manager, the source and the rater, under the anonymity key.
///
/// Stored on every response, it lets a rater's correction and a revocation find the rater's
/// current response however many links they were sent, and a unique index on it counts each
/// rater once. The key lives outside the database (`ACUMEN_ANONYMITY_KEY` or a key file), so
/// a copy of the database alone cannot join anonymous responses to invitations.
struct RaterIdentity: Sendable {
    private let key: SymmetricKey

    /// At least 32 bytes of secret, as text (e.g. 64 hexadecimal digits).
    init(secret: String) {
        key = SymmetricKey(data: SHA256.hash(data: Data(secret.utf8)))
    }

    func raterKey(for invitation: Invitation) -> String {
        // Invitations always name a person; the invitation id is a fallback for old rows.
        let rater = invitation.raterPersonID?.uuidString ?? "invitation:\(invitation.id.uuidString)"
        let message =
            "rater|\(invitation.cycleID.uuidString)|\(invitation.subjectID.uuidString)|\(invitation.source.rawValue)|\(rater)"
        return Data(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key)).hex
    }

    /// Identifies the key without revealing it, so that a database can tell it is given the key
    /// it was used with.
    var fingerprint: String {
        Data(HMAC<SHA256>.authenticationCode(for: Data("fingerprint".utf8), using: key)).hex
    }
}
