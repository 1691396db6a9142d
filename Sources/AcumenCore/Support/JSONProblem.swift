import Foundation

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

    /// As `describe(_:)`, with the document at hand: Foundation's decoder reports a number too
    /// large for its field as "not valid JSON" without saying where, so a document that parses
    /// is searched for the number and the message names it.
    public static func describe(_ error: DecodingError, in data: Data) -> String {
        if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
            let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
            let (place, number) = numberOutOfRange(in: parsed, at: "")
        {
            return "\(place.isEmpty ? "the body" : place) is \(number), a number too large to be read"
        }
        return describe(error)
    }

    /// The first number, depth first, beyond what a whole-number field can hold.
    private static func numberOutOfRange(in value: Any, at place: String) -> (String, String)? {
        switch value {
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if let found = numberOutOfRange(in: object[key]!, at: place.isEmpty ? key : "\(place).\(key)") {
                    return found
                }
            }
        case let list as [Any]:
            for (index, element) in list.enumerated() {
                if let found = numberOutOfRange(in: element, at: "\(place)[\(index)]") { return found }
            }
        case let number as NSNumber where !(number is Bool):
            let double = number.doubleValue
            if !double.isFinite || abs(double) >= 9.2e18 { return (place, "\(number)") }
        default: break
        }
        return nil
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
