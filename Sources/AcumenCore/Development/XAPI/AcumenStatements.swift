import Foundation

/// The xAPI statements Acumen sends to the programme's learning record store about what happens
/// in it: an offering completed, a coaching observation recorded, a competency's result released.
/// Each carries the competency concerned as a context activity, so an LRS can report by
/// competency without knowing Acumen.
public enum AcumenStatements {
    public static let completed = "http://adlnet.gov/expapi/verbs/completed"
    public static let scored = "http://adlnet.gov/expapi/verbs/scored"
    /// ADL's activity type for a learning objective: what a competency is to an LRS.
    public static let objectiveType = "http://adlnet.gov/expapi/activities/objective"
    public static let courseType = "http://adlnet.gov/expapi/activities/course"

    /// A person a statement is about or by.
    public struct Person: Hashable, Sendable {
        public var name: String
        public var email: String

        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }

        var agent: JSONValue {
            .object([
                "objectType": .string("Agent"), "name": .string(name), "mbox": .string("mailto:" + email.lowercased()),
            ])
        }
    }

    /// A competency as the LRS sees it: an objective under the server's address.
    public struct Competency: Hashable, Sendable {
        public var frameworkID: UUID
        public var frameworkName: String
        public var code: String
        public var title: String

        public init(frameworkID: UUID, frameworkName: String, code: String, title: String) {
            self.frameworkID = frameworkID
            self.frameworkName = frameworkName
            self.code = code
            self.title = title
        }

        func activity(baseURL: String) -> JSONValue {
            .object([
                "objectType": .string("Activity"),
                "id": .string("\(baseURL)/xapi/activities/competencies/\(frameworkID.uuidString.lowercased())/\(code)"),
                "definition": .object([
                    "type": .string(objectiveType),
                    "name": .object(["en": .string("\(code) \(title)")]),
                    "description": .object(["en": .string(frameworkName)]),
                ]),
            ])
        }
    }

    static func context(_ competency: Competency?, baseURL: String, extra: [String: JSONValue] = [:]) -> JSONValue {
        var context: [String: JSONValue] = ["platform": .string("Acumen"), "language": .string("en")]
        if let competency {
            context["contextActivities"] = .object(["category": .array([competency.activity(baseURL: baseURL)])])
        }
        for (key, value) in extra { context[key] = value }
        return .object(context)
    }

    static func display(_ word: String) -> JSONValue { .object(["en": .string(word)]) }

    public static func offeringCompleted(
        id: UUID, person: Person, offeringActivityID: String, offeringTitle: String, competency: Competency?,
        at timestamp: String, baseURL: String
    ) -> JSONValue {
        .object([
            "id": .string(id.uuidString.lowercased()), "actor": person.agent,
            "verb": .object(["id": .string(completed), "display": display("completed")]),
            "object": .object([
                "objectType": .string("Activity"), "id": .string(offeringActivityID),
                "definition": .object(["type": .string(courseType), "name": .object(["en": .string(offeringTitle)])]),
            ]),
            "result": .object(["completion": .bool(true)]),
            "context": context(competency, baseURL: baseURL), "timestamp": .string(timestamp),
        ])
    }

    /// The supervisor's observation: the account manager was observed, the observer is the
    /// context's instructor, the result the level the grid shows (scaled 0 to 1 over the framework's levels).
    public static func observationRecorded(
        id: UUID, person: Person, observer: Person, competency: Competency, level: Int?, levelCount: Int,
        at timestamp: String, baseURL: String
    ) -> JSONValue {
        var result: [String: JSONValue] = ["completion": .bool(true)]
        if let level {
            result["score"] = .object([
                "raw": .integer(level + 1), "min": .integer(1), "max": .integer(max(2, levelCount)),
                "scaled": .number(Double(level + 1) / Double(max(2, levelCount))),
            ])
        }
        return .object([
            "id": .string(id.uuidString.lowercased()), "actor": person.agent,
            "verb": .object(["id": .string("\(baseURL)/xapi/verbs/observed"), "display": display("was observed on")]),
            "object": competency.activity(baseURL: baseURL), "result": .object(result),
            "context": context(nil, baseURL: baseURL, extra: ["instructor": observer.agent]),
            "timestamp": .string(timestamp),
        ])
    }

    /// A competency's combined level in a released assessment (every source but self, after the
    /// anonymity rules), on the framework's scale counted from 1.
    public static func competencyReleased(
        id: UUID, person: Person, competency: Competency, level: Double, levelCount: Int, cycleName: String,
        cycleActivityID: String, at timestamp: String, baseURL: String
    ) -> JSONValue {
        let raw = ((level + 1) * 100).rounded() / 100
        return .object([
            "id": .string(id.uuidString.lowercased()), "actor": person.agent,
            "verb": .object(["id": .string(scored), "display": display("scored")]),
            "object": competency.activity(baseURL: baseURL),
            "result": .object([
                "score": .object([
                    "raw": .number(raw), "min": .integer(1), "max": .integer(max(2, levelCount)),
                    "scaled": .number(min(1, max(0, raw / Double(max(2, levelCount))))),
                ])
            ]),
            "context": context(
                nil, baseURL: baseURL,
                extra: [
                    "contextActivities": .object([
                        "parent": .array([
                            .object([
                                "objectType": .string("Activity"), "id": .string(cycleActivityID),
                                "definition": .object([
                                    "type": .string("http://adlnet.gov/expapi/activities/assessment"),
                                    "name": .object(["en": .string(cycleName)]),
                                ]),
                            ])
                        ])
                    ])
                ]),
            "timestamp": .string(timestamp),
        ])
    }
}
