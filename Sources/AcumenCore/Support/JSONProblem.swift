/// Turns a decoding failure into a sentence that names the field, for API and import errors.
public enum JSONProblem {
    public static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) has the wrong type (expected \(typeName(type)))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) is null (expected \(typeName(type)))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "the body is not valid JSON" }
            return "\(path(context.codingPath)) is not valid: \(context.debugDescription)"
        @unknown default:
            return "the body could not be read"
        }
    }

    /// The dotted field name, e.g. `CFItems[3].fullStatement`, that the field of an API error carries.
    public static func fieldPath(_ error: DecodingError) -> String? {
        switch error {
        case .keyNotFound(let key, let context): path(context.codingPath + [key])
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath.isEmpty ? nil : path(context.codingPath)
        @unknown default: nil
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "the body" : text
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default:
            // Never a Swift type's name ("Dictionary<String, Any>"): what a JSON writer calls it.
            switch String(describing: type) {
            case let name where name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer"): "an object"
            case let name where name.hasPrefix("Array") || name.hasPrefix("UnkeyedDecodingContainer"): "a list"
            case let name where name.hasPrefix("Int") || name.hasPrefix("UInt") || name.hasPrefix("Double"):
                "a number"
            case "UUID": "an identifier (a UUID)"
            default: "another kind of value"
            }
        }
    }
}
