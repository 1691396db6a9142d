import Vapor

/// Random secrets and their stored digests. Only digests reach the database, so a copy of it
/// cannot be replayed as a session or token.
public enum SecretToken {
    /// 256 random bits, URL-safe.
    public static func generate() -> String {
        Data([UInt8].random(count: 32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hex
    }

    /// Compares two secrets (or digests) in a time that says nothing about where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
