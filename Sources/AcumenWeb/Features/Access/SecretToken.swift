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
}
