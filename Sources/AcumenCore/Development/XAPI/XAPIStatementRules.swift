import Foundation

/// The xAPI 1.0.3 rules a learning record store enforces on a statement (Data, section 2.4), as
/// problems that name the place and the rule broken, e.g. "actor: an Agent names exactly one of
/// mbox, mbox_sha1sum, openid and account". Statements are read as JSON values so that nothing a
/// sender wrote (extensions, language maps) is lost or changed.
public struct XAPIStatementRules: Sendable {
    public static let voided = "http://adlnet.gov/expapi/verbs/voided"

    private var problems: [String] = []

    /// Every problem of one statement; empty when it is valid.
    public static func problems(_ statement: JSONValue) -> [String] {
        var rules = XAPIStatementRules()
        rules.statement(statement, at: "", isSubStatement: false)
        return rules.problems
    }

    private mutating func fail(_ place: String, _ rule: String) {
        problems.append(place.isEmpty ? rule : "\(place): \(rule)")
    }

    private func join(_ place: String, _ key: String) -> String { place.isEmpty ? key : "\(place).\(key)" }

    /// Objects may hold only the properties the specification names.
    private mutating func members(_ value: JSONValue, at place: String, allowed: Set<String>) -> [String: JSONValue]? {
        guard let object = value.object else {
            fail(place, "must be a JSON object")
            return nil
        }
        if object.keys.contains(where: { !allowed.contains($0) }) {
            for key in object.keys.sorted() where !allowed.contains(key) {
                fail(join(place, key), "is not a property xAPI 1.0.3 allows here")
            }
        }
        return object
    }

    private mutating func statement(_ value: JSONValue, at place: String, isSubStatement: Bool) {
        let allowed: Set<String> =
            isSubStatement
            ? ["objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"]
            : [
                "id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version",
                "attachments",
            ]
        guard let object = members(value, at: place, allowed: allowed) else { return }
        if let id = object["id"] { uuid(id, at: join(place, "id")) }
        if let actor = object["actor"] {
            agentOrGroup(actor, at: join(place, "actor"))
        } else {
            fail(join(place, "actor"), "is required")
        }
        var verbID: String?
        if let verb = object["verb"] {
            verbID = self.verb(verb, at: join(place, "verb"))
        } else {
            fail(join(place, "verb"), "is required")
        }
        var objectIsActivity = false
        if let target = object["object"] {
            objectIsActivity = self.object(target, at: join(place, "object"), isSubStatement: isSubStatement)
            if verbID == Self.voided && target["objectType"]?.string != "StatementRef" {
                fail(
                    join(place, "object"), "a voiding statement's object is the StatementRef of the statement it voids")
            }
        } else {
            fail(join(place, "object"), "is required")
        }
        if let result = object["result"] { self.result(result, at: join(place, "result")) }
        if let context = object["context"] {
            self.context(context, at: join(place, "context"), objectIsActivity: objectIsActivity)
        }
        if let timestamp = object["timestamp"] { self.timestamp(timestamp, at: join(place, "timestamp")) }
        if let stored = object["stored"] { self.timestamp(stored, at: join(place, "stored")) }
        if let authority = object["authority"] { agentOrGroup(authority, at: join(place, "authority")) }
        if let version = object["version"] {
            if !(version.string.map { $0 == "1.0" || $0.hasPrefix("1.0.") } ?? false) {
                fail(join(place, "version"), "must be 1.0.x")
            }
        }
        if let attachments = object["attachments"] { self.attachments(attachments, at: join(place, "attachments")) }
    }

    // MARK: Actors

    private mutating func agentOrGroup(_ value: JSONValue, at place: String) {
        if value["objectType"]?.string == "Group" { group(value, at: place) } else { agent(value, at: place) }
    }

    private mutating func agent(_ value: JSONValue, at place: String) {
        guard
            let object = members(
                value, at: place, allowed: ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"])
        else { return }
        if let type = object["objectType"], type.string != "Agent" {
            fail(join(place, "objectType"), "must be Agent or Group")
        }
        if let name = object["name"], name.string == nil { fail(join(place, "name"), "must be a string") }
        let identifiers = identifiers(object, at: place)
        if identifiers != 1 {
            fail(place, "an Agent names exactly one of mbox, mbox_sha1sum, openid and account")
        }
    }

    private mutating func group(_ value: JSONValue, at place: String) {
        guard
            let object = members(
                value, at: place,
                allowed: ["objectType", "name", "member", "mbox", "mbox_sha1sum", "openid", "account"])
        else { return }
        let identifiers = identifiers(object, at: place)
        if identifiers > 1 { fail(place, "a Group names at most one of mbox, mbox_sha1sum, openid and account") }
        if let member = object["member"] {
            guard let list = member.array else { return fail(join(place, "member"), "must be an array of Agents") }
            for (index, agent) in list.enumerated() { self.agent(agent, at: "\(join(place, "member"))[\(index)]") }
        } else if identifiers == 0 {
            fail(place, "an anonymous Group lists its members")
        }
    }

    /// Checks each inverse functional identifier present and returns how many there are.
    private mutating func identifiers(_ object: [String: JSONValue], at place: String) -> Int {
        var count = 0
        if let mbox = object["mbox"] {
            count += 1
            let text = mbox.string ?? ""
            if !text.hasPrefix("mailto:") || !text.dropFirst(7).contains("@") {
                fail(join(place, "mbox"), "must be a mailto: IRI, e.g. mailto:name@example.com")
            }
        }
        if let digest = object["mbox_sha1sum"] {
            count += 1
            let text = digest.string ?? ""
            if text.count != 40 || !text.allSatisfy(\.isHexDigit) {
                fail(join(place, "mbox_sha1sum"), "must be the 40 hexadecimal digits of a SHA-1")
            }
        }
        if let openid = object["openid"] {
            count += 1
            iri(openid, at: join(place, "openid"))
        }
        if let account = object["account"] {
            count += 1
            if let members = members(account, at: join(place, "account"), allowed: ["homePage", "name"]) {
                if let home = members["homePage"] {
                    iri(home, at: join(place, "account.homePage"))
                } else {
                    fail(join(place, "account.homePage"), "is required")
                }
                if members["name"]?.string == nil { fail(join(place, "account.name"), "is required, a string") }
            }
        }
        return count
    }

    // MARK: Verb and object

    private mutating func verb(_ value: JSONValue, at place: String) -> String? {
        guard let object = members(value, at: place, allowed: ["id", "display"]) else { return nil }
        if let display = object["display"] { languageMap(display, at: join(place, "display")) }
        guard let id = object["id"] else {
            fail(join(place, "id"), "is required")
            return nil
        }
        iri(id, at: join(place, "id"))
        return id.string
    }

    /// Returns whether the object is an Activity (context revision and platform apply only then).
    private mutating func object(_ value: JSONValue, at place: String, isSubStatement: Bool) -> Bool {
        switch value["objectType"]?.string ?? (value["objectType"] == nil ? "Activity" : "") {
        case "Activity":
            activity(value, at: place)
            return true
        case "Agent": agent(value, at: place)
        case "Group": group(value, at: place)
        case "StatementRef": statementRef(value, at: place)
        case "SubStatement":
            if isSubStatement {
                fail(place, "a SubStatement cannot hold another SubStatement")
            } else {
                statement(value, at: place, isSubStatement: true)
            }
        default:
            fail(join(place, "objectType"), "must be Activity, Agent, Group, StatementRef or SubStatement")
        }
        return false
    }

    private mutating func activity(_ value: JSONValue, at place: String) {
        guard let object = members(value, at: place, allowed: ["objectType", "id", "definition"]) else { return }
        if let id = object["id"] { iri(id, at: join(place, "id")) } else { fail(join(place, "id"), "is required") }
        guard let definition = object["definition"] else { return }
        let at = join(place, "definition")
        guard
            let members = members(
                definition, at: at,
                allowed: [
                    "name", "description", "type", "moreInfo", "extensions", "interactionType",
                    "correctResponsesPattern", "choices", "scale", "source", "target", "steps",
                ])
        else { return }
        for key in ["name", "description"] { if let map = members[key] { languageMap(map, at: join(at, key)) } }
        for key in ["type", "moreInfo"] { if let iri = members[key] { self.iri(iri, at: join(at, key)) } }
        if let extensions = members["extensions"] { self.extensions(extensions, at: join(at, "extensions")) }
        if let interaction = members["interactionType"] {
            let known: Set<String> = [
                "true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert",
                "numeric", "other",
            ]
            if !(interaction.string.map(known.contains) ?? false) {
                fail(join(at, "interactionType"), "must be one of \(known.sorted().joined(separator: ", "))")
            }
        }
        if let pattern = members["correctResponsesPattern"], !(pattern.array?.allSatisfy { $0.string != nil } ?? false)
        {
            fail(join(at, "correctResponsesPattern"), "must be an array of strings")
        }
        for key in ["choices", "scale", "source", "target", "steps"] {
            guard let components = members[key] else { continue }
            guard let list = components.array else {
                fail(join(at, key), "must be an array of interaction components")
                continue
            }
            for (index, component) in list.enumerated() {
                let spot = "\(join(at, key))[\(index)]"
                if let parts = self.members(component, at: spot, allowed: ["id", "description"]) {
                    if parts["id"]?.string == nil { fail(join(spot, "id"), "is required, a string") }
                    if let description = parts["description"] {
                        languageMap(description, at: join(spot, "description"))
                    }
                }
            }
        }
    }

    private mutating func statementRef(_ value: JSONValue, at place: String) {
        guard let object = members(value, at: place, allowed: ["objectType", "id"]) else { return }
        if let id = object["id"] { uuid(id, at: join(place, "id")) } else { fail(join(place, "id"), "is required") }
    }

    // MARK: Result and context

    private mutating func result(_ value: JSONValue, at place: String) {
        guard
            let object = members(
                value, at: place, allowed: ["score", "success", "completion", "response", "duration", "extensions"])
        else { return }
        for key in ["success", "completion"] {
            if let flag = object[key], case .bool = flag {
            } else if object[key] != nil {
                fail(join(place, key), "must be true or false")
            }
        }
        if let response = object["response"], response.string == nil {
            fail(join(place, "response"), "must be a string")
        }
        if let duration = object["duration"] {
            if !(duration.string.map(Self.isDuration) ?? false) {
                fail(join(place, "duration"), "must be an ISO 8601 duration, e.g. PT1H30M")
            }
        }
        if let extensions = object["extensions"] { self.extensions(extensions, at: join(place, "extensions")) }
        guard let score = object["score"] else { return }
        let at = join(place, "score")
        guard let parts = members(score, at: at, allowed: ["scaled", "raw", "min", "max"]) else { return }
        var numbers: [String: Double] = [:]
        for key in ["scaled", "raw", "min", "max"] {
            guard let part = parts[key] else { continue }
            if let number = part.number { numbers[key] = number } else { fail(join(at, key), "must be a number") }
        }
        if let scaled = numbers["scaled"], !(-1...1).contains(scaled) {
            fail(join(at, "scaled"), "must be from -1 to 1")
        }
        if let min = numbers["min"], let max = numbers["max"], min >= max {
            fail(at, "min must be less than max")
        }
        if let raw = numbers["raw"] {
            if let min = numbers["min"], raw < min { fail(join(at, "raw"), "must not be below min") }
            if let max = numbers["max"], raw > max { fail(join(at, "raw"), "must not be above max") }
        }
    }

    private mutating func context(_ value: JSONValue, at place: String, objectIsActivity: Bool) {
        guard
            let object = members(
                value, at: place,
                allowed: [
                    "registration", "instructor", "team", "contextActivities", "revision", "platform", "language",
                    "statement", "extensions",
                ])
        else { return }
        if let registration = object["registration"] { uuid(registration, at: join(place, "registration")) }
        if let instructor = object["instructor"] { agentOrGroup(instructor, at: join(place, "instructor")) }
        if let team = object["team"] {
            if team["objectType"]?.string == "Group" {
                group(team, at: join(place, "team"))
            } else {
                fail(join(place, "team"), "must be a Group")
            }
        }
        for key in ["revision", "platform"] {
            guard let text = object[key] else { continue }
            if text.string == nil { fail(join(place, key), "must be a string") }
            if !objectIsActivity { fail(join(place, key), "is allowed only when the object is an Activity") }
        }
        if let language = object["language"], !(language.string.map(Self.isLanguageTag) ?? false) {
            fail(join(place, "language"), "must be a language tag, e.g. en-GB")
        }
        if let statement = object["statement"] { statementRef(statement, at: join(place, "statement")) }
        if let extensions = object["extensions"] { self.extensions(extensions, at: join(place, "extensions")) }
        if let activities = object["contextActivities"] {
            let at = join(place, "contextActivities")
            guard let kinds = members(activities, at: at, allowed: ["parent", "grouping", "category", "other"]) else {
                return
            }
            for (kind, entry) in kinds.sorted(by: { $0.key < $1.key }) {
                if let list = entry.array {
                    for (index, activity) in list.enumerated() {
                        self.activity(activity, at: "\(join(at, kind))[\(index)]")
                    }
                } else {
                    activity(entry, at: join(at, kind))
                }
            }
        }
    }

    private mutating func attachments(_ value: JSONValue, at place: String) {
        guard let list = value.array else { return fail(place, "must be an array") }
        for (index, attachment) in list.enumerated() {
            let at = "\(place)[\(index)]"
            guard
                let object = members(
                    attachment, at: at,
                    allowed: ["usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"])
            else { continue }
            for key in ["usageType", "display", "contentType", "length", "sha2"] where object[key] == nil {
                fail(join(at, key), "is required")
            }
            if let usage = object["usageType"] { iri(usage, at: join(at, "usageType")) }
            if let display = object["display"] { languageMap(display, at: join(at, "display")) }
            if object["fileUrl"] == nil {
                fail(
                    at,
                    "an attachment without fileUrl travels in a multipart/mixed request, which Acumen does not accept")
            }
        }
    }

    // MARK: Values

    private mutating func extensions(_ value: JSONValue, at place: String) {
        guard let object = value.object else { return fail(place, "must be a JSON object") }
        for key in object.keys.sorted() where !Self.isIRI(key) {
            fail(place, "the key \"\(key)\" must be an IRI")
        }
    }

    private mutating func languageMap(_ value: JSONValue, at place: String) {
        guard let object = value.object else { return fail(place, "must be a language map") }
        for (tag, text) in object.sorted(by: { $0.key < $1.key }) {
            if !Self.isLanguageTag(tag) { fail(place, "\"\(tag)\" is not a language tag") }
            if text.string == nil { fail(join(place, tag), "must be a string") }
        }
    }

    private mutating func iri(_ value: JSONValue, at place: String) {
        if !(value.string.map(Self.isIRI) ?? false) { fail(place, "must be an IRI, e.g. https://example.com/path") }
    }

    private mutating func uuid(_ value: JSONValue, at place: String) {
        if value.string.flatMap(UUID.init(uuidString:)) == nil { fail(place, "must be a UUID") }
    }

    private mutating func timestamp(_ value: JSONValue, at place: String) {
        guard let text = value.string, Self.isTimestamp(text) else {
            return fail(place, "must be an ISO 8601 date and time, e.g. 2026-12-03T09:30:00Z")
        }
        if text.hasSuffix("-00:00") || text.hasSuffix("-0000") || text.hasSuffix("-00") {
            fail(place, "must not use the offset -00:00")
        }
    }

    // MARK: Lexical forms

    public static func isIRI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, text.index(after: colon) != text.endIndex
        else { return false }
        let scheme = text[..<colon]
        return scheme.first!.isASCII && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            && !text.contains { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }
    }

    public static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// An ISO 8601 duration: P, then numbers each with its designator in order (Y M W D, then
    /// T and H M S), at least one; only the last may have a fraction.
    static func isDuration(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "P"), bytes.count > 1 else { return false }
        let dateOrder = Array("YMWD".utf8)
        let timeOrder = Array("HMS".utf8)
        var position = 1
        var inTime = false
        var next = 0
        var components = 0
        var timeComponents = 0
        var sawFraction = false
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "T") {
                guard !inTime else { return false }
                inTime = true
                next = 0
                position += 1
                continue
            }
            let start = position
            var fraction = false
            while position < bytes.count,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position])
                    || bytes[position] == UInt8(ascii: ".") || bytes[position] == UInt8(ascii: ",")
            {
                if bytes[position] == UInt8(ascii: ".") || bytes[position] == UInt8(ascii: ",") {
                    guard !fraction, position > start else { return false }
                    fraction = true
                }
                position += 1
            }
            guard position > start, position < bytes.count, !sawFraction else { return false }
            let order = inTime ? timeOrder : dateOrder
            guard let index = order[next...].firstIndex(of: bytes[position]) else { return false }
            next = index + 1
            sawFraction = fraction
            components += 1
            if inTime { timeComponents += 1 }
            position += 1
        }
        return components > 0 && (!inTime || timeComponents > 0)
    }

    /// Whether the text has the form of an ISO 8601 date and time with a time zone:
    /// YYYY-MM-DDThh:mm[:ss[.fraction]] then Z or ±hh[:mm], with values in range.
    static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<from + count] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func at(_ index: Int, _ character: Character) -> Bool {
            index < bytes.count && bytes[index] == character.asciiValue!
        }
        guard number(0, 4) != nil, at(4, "-"), let month = number(5, 2), (1...12).contains(month), at(7, "-"),
            let day = number(8, 2), (1...31).contains(day), at(10, "T") || at(10, "t"),
            let hour = number(11, 2), hour < 24, at(13, ":"), let minute = number(14, 2), minute < 60
        else { return false }
        var position = 16
        if at(position, ":") {
            guard let second = number(position + 1, 2), second <= 60 else { return false }
            position += 3
            if at(position, ".") {
                position += 1
                let start = position
                while number(position, 1) != nil { position += 1 }
                guard position > start else { return false }
            }
        }
        if at(position, "Z") || at(position, "z") { return position + 1 == bytes.count }
        guard at(position, "+") || at(position, "-"), let offsetHours = number(position + 1, 2), offsetHours < 24
        else { return false }
        position += 3
        if position == bytes.count { return true }
        if at(position, ":") { position += 1 }
        guard let offsetMinutes = number(position, 2), offsetMinutes < 60 else { return false }
        return position + 2 == bytes.count
    }

    /// An ISO 8601 date and time with a time zone, with or without fractions of a second.
    public static func instant(_ text: String) -> Date? {
        guard isTimestamp(text) else { return nil }
        for strategy in Self.strategies {
            if let date = try? Date(text, strategy: strategy) { return date }
        }
        return nil
    }

    private static let strategies: [Date.ISO8601FormatStyle] = [
        .iso8601,
        .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true)
            .timeSeparator(.colon).timeZone(separator: .colon),
        .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
            .timeSeparator(.colon).timeZone(separator: .colon),
        .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true)
            .timeSeparator(.colon).timeZone(separator: .omitted),
        .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
            .timeSeparator(.colon).timeZone(separator: .omitted),
    ]
}
