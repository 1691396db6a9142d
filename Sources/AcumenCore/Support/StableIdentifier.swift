import Crypto
import Foundation

extension UUID {
    /// The namespace of Acumen's name-based identifiers.
    static let acumenNamespace = UUID(uuidString: "19f803c6-3566-41db-a177-ccea51283dfb")!

    /// A UUID that is always the same for the same name: a name-based (version 5) UUID in
    /// Acumen's namespace.
    ///
    /// Built-in content uses these so that its CASE identifiers are identical in every
    /// installation, and the CASE export derives the identifiers of associations, rubrics and
    /// item types from them. CASE 1.1 accepts UUIDs of versions 1 to 5 only.
    public static func stable(named name: String) -> UUID {
        nameBased(name, in: acumenNamespace)
    }

    /// The version-5 UUID of `name` in `namespace` (RFC 9562, section 5.5): the first 16 bytes
    /// of the SHA-1 digest of the namespace's bytes followed by the name's UTF-8 bytes, with the
    /// version and variant bits set.
    public static func nameBased(_ name: String, in namespace: UUID) -> UUID {
        var hash = Insecure.SHA1()
        withUnsafeBytes(of: namespace.uuid) { hash.update(bufferPointer: $0) }
        hash.update(data: Data(name.utf8))
        var bytes = Array(hash.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    /// Whether this is an RFC 4122 UUID of version 1 to 5, the only ones the CASE 1.1
    /// identifier pattern accepts.
    public var isCASEIdentifier: Bool {
        let version = uuid.6 >> 4
        return (1...5).contains(version) && uuid.8 & 0xC0 == 0x80
    }

    /// The lower-case form CASE requires for identifiers.
    public var lowercasedString: String { uuidString.lowercased() }
}
