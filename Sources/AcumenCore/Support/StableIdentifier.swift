import Foundation

extension UUID {
    /// A UUID that is always the same for the same name.
    ///
    /// Built-in content uses these so that its CASE identifiers are identical in every
    /// installation. Two 64-bit FNV-1a hashes fill the 128 bits; the version nibble is set
    /// to 8 (custom, RFC 9562) and the variant bits to RFC 4122.
    public static func stable(named name: String) -> UUID {
        let bytes = Array(name.utf8)
        var high = fnv1a(bytes, seed: 0xcbf2_9ce4_8422_2325)
        var low = fnv1a(bytes, seed: 0x8422_2325_cbf2_9ce4 ^ UInt64(bytes.count))
        high = (high & ~0xF000) | 0x8000
        low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        var raw: [UInt8] = []
        for shift in stride(from: 56, through: 0, by: -8) {
            raw.append(UInt8(truncatingIfNeeded: high >> UInt64(shift)))
        }
        for shift in stride(from: 56, through: 0, by: -8) {
            raw.append(UInt8(truncatingIfNeeded: low >> UInt64(shift)))
        }
        return UUID(
            uuid: (
                raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7],
                raw[8], raw[9], raw[10], raw[11], raw[12], raw[13], raw[14], raw[15]
            ))
    }
}

private func fnv1a(_ bytes: [UInt8], seed: UInt64) -> UInt64 {
    var hash = seed
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
}

extension UUID {
    /// The lower-case form CASE requires for identifiers.
    public var lowercasedString: String { uuidString.lowercased() }
}
