import Vapor

/// A cookie that says "the owner of this e-mail has signed in from this browser before",
/// signed so that it cannot be forged. Sign-in failures in such a browser are counted for the
/// browser, not for the e-mail, so that an attacker guessing elsewhere cannot lock the owner out.
struct DeviceCookie: Sendable {
    static let name = "acumen_device"
    private let key: SymmetricKey

    init(secret: String) {
        key = SymmetricKey(data: SHA256.hash(data: Data("device-cookie|\(secret)".utf8)))
    }

    /// A new cookie value for this e-mail.
    func issue(email: String) -> String {
        let nonce = SecretToken.generate()
        return "\(nonce).\(signature(email: email, nonce: nonce))"
    }

    /// The device's identity when the value is a genuine cookie for this e-mail.
    func device(from value: String?, email: String) -> String? {
        guard let value, value.utf8.count < 200 else { return nil }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let nonce = String(parts[0])
        let expected = Data(signature(email: email, nonce: nonce).utf8)
        let given = Data(parts[1].utf8)
        guard expected.count == given.count, zip(expected, given).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else {
            return nil
        }
        return SecretToken.digest(nonce)
    }

    private func signature(email: String, nonce: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data("\(email)|\(nonce)".utf8), using: key)).hex
    }
}
