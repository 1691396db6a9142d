import Foundation
import Vapor

/// JSON as Acumen's API writes it: Vapor's (ISO 8601 dates), with every identifier in lower case
/// as CASE, xAPI and the command line write them. Foundation writes a `UUID` in upper case, and
/// `JSONEncoder` has no setting for it, so the value is encoded through `IdentifierLowercasing`,
/// which passes everything on to the JSON encoder but writes a `UUID` as its lower-case string.
struct APIJSONEncoder: ContentEncoder {
    private let json = JSONEncoder.custom(dates: .iso8601)

    func encode<E: Encodable>(_ encodable: E, to body: inout ByteBuffer, headers: inout HTTPHeaders) throws {
        try encode(encodable, to: &body, headers: &headers, userInfo: [:])
    }

    func encode<E: Encodable>(
        _ encodable: E, to body: inout ByteBuffer, headers: inout HTTPHeaders,
        userInfo: [CodingUserInfoKey: any Sendable]
    ) throws {
        try json.encode(IdentifierLowercasing(encodable), to: &body, headers: &headers, userInfo: userInfo)
    }
}

/// A value encoded with its identifiers in lower case, at any depth.
struct IdentifierLowercasing<Value: Encodable>: Encodable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }

    func encode(to encoder: any Encoder) throws {
        if let uuid = value as? UUID {
            var container = encoder.singleValueContainer()
            try container.encode(uuid.uuidString.lowercased())
        } else {
            try value.encode(to: LowercasingEncoder(base: encoder))
        }
    }
}

private struct LowercasingEncoder: Encoder {
    let base: any Encoder
    var codingPath: [any CodingKey] { base.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(LowercasingKeyedContainer(base: base.container(keyedBy: type)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        LowercasingUnkeyedContainer(base: base.unkeyedContainer())
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        LowercasingSingleValueContainer(base: base.singleValueContainer())
    }
}

/// A nested value as the wrapping containers pass it on: a UUID as its lower-case string; what the
/// JSON encoder writes by its type (dates by the date strategy, data, URLs, numbers, text) as it
/// is, since none holds an identifier; anything else through `IdentifierLowercasing`, so that the
/// identifiers inside it are found too.
private func wrapped<T: Encodable>(_ value: T) -> any Encodable {
    if let uuid = value as? UUID { return uuid.uuidString.lowercased() }
    let isLeaf =
        value is Date || value is Data || value is URL || value is Decimal || value is String || value is Bool
        || value is Int || value is Double || value is Float || value is Int64 || value is UInt64 || value is Int32
        || value is UInt32 || value is UInt || value is Int16 || value is UInt16 || value is Int8 || value is UInt8
    return isLeaf ? value : IdentifierLowercasing(value)
}

private struct LowercasingKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    var base: KeyedEncodingContainer<Key>
    var codingPath: [any CodingKey] { base.codingPath }

    mutating func encodeNil(forKey key: Key) throws { try base.encodeNil(forKey: key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try base.encode(wrapped(value), forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        KeyedEncodingContainer(
            LowercasingKeyedContainer<NestedKey>(base: base.nestedContainer(keyedBy: keyType, forKey: key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        LowercasingUnkeyedContainer(base: base.nestedUnkeyedContainer(forKey: key))
    }

    mutating func superEncoder() -> any Encoder { LowercasingEncoder(base: base.superEncoder()) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        LowercasingEncoder(base: base.superEncoder(forKey: key))
    }
}

private struct LowercasingUnkeyedContainer: UnkeyedEncodingContainer {
    var base: any UnkeyedEncodingContainer
    var codingPath: [any CodingKey] { base.codingPath }
    var count: Int { base.count }

    mutating func encodeNil() throws { try base.encodeNil() }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try base.encode(wrapped(value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        KeyedEncodingContainer(LowercasingKeyedContainer<NestedKey>(base: base.nestedContainer(keyedBy: keyType)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        LowercasingUnkeyedContainer(base: base.nestedUnkeyedContainer())
    }

    mutating func superEncoder() -> any Encoder { LowercasingEncoder(base: base.superEncoder()) }
}

private struct LowercasingSingleValueContainer: SingleValueEncodingContainer {
    var base: any SingleValueEncodingContainer
    var codingPath: [any CodingKey] { base.codingPath }

    mutating func encodeNil() throws { try base.encodeNil() }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try base.encode(wrapped(value))
    }
}
