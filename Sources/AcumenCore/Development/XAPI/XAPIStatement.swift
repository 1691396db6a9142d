import Foundation

/// A valid statement as the record store keeps it: the JSON as sent with the store's own
/// properties set (id, stored, authority, version, timestamp when absent), and the facts queries
/// and roadmaps need.
public struct XAPIStatement: Sendable, Hashable {
    public var id: UUID
    /// What the sender sent (with the id lower-cased), in canonical form: two statements with one id
    /// are the same statement exactly when this is equal.
    public var content: String
    /// The statement as the store returns it.
    public var stored: JSONValue
    public var agentKey: String
    public var verbID: String
    public var activityID: String?
    public var registration: UUID?
    /// The statement this one voids, when its verb is `voided`.
    public var voids: UUID?
    /// The person it is about, when the actor names an e-mail address (by mbox, or as an
    /// account's name).
    public var actorEmail: String?
    /// Says an offering was completed: the verb completed, passed or mastered, or a result that
    /// says completion and not failure.
    public var completes: Bool

    public static let completingVerbs: Set<String> = [
        "http://adlnet.gov/expapi/verbs/completed", "http://adlnet.gov/expapi/verbs/passed",
        "http://adlnet.gov/expapi/verbs/mastered",
    ]

    /// Reads a statement the rules found valid, stamped with the store's time and authority.
    public init(valid statement: JSONValue, storedAt: String, authority: JSONValue) {
        var members = statement.object ?? [:]
        let id = members["id"]?.string.flatMap(UUID.init(uuidString:)) ?? UUID()
        members["id"] = .string(id.uuidString.lowercased())
        // Comparing two sends of one statement leaves out what the store sets.
        var sent = members
        for key in ["stored", "authority", "version"] { sent.removeValue(forKey: key) }
        content = JSONValue.object(sent).canonicalText
        members["stored"] = .string(storedAt)
        members["authority"] = authority
        members["version"] = .string("1.0.3")
        if members["timestamp"] == nil { members["timestamp"] = .string(storedAt) }
        self.id = id
        stored = .object(members)
        let actor = members["actor"] ?? .null
        agentKey = Self.agentKey(actor) ?? ""
        verbID = members["verb"]?["id"]?.string ?? ""
        let object = members["object"] ?? .null
        let objectType = object["objectType"]?.string ?? "Activity"
        activityID = objectType == "Activity" ? object["id"]?.string : nil
        registration = members["context"]?["registration"]?.string.flatMap(UUID.init(uuidString:))
        voids =
            verbID == XAPIStatementRules.voided && objectType == "StatementRef"
            ? object["id"]?.string.flatMap(UUID.init(uuidString:)) : nil
        if let mbox = actor["mbox"]?.string, mbox.hasPrefix("mailto:") {
            actorEmail = String(mbox.dropFirst(7)).lowercased()
        } else if let name = actor["account"]?["name"]?.string, name.contains("@") {
            actorEmail = name.lowercased()
        }
        let result = members["result"]
        completes =
            Self.completingVerbs.contains(verbID)
            || (result?["completion"] == .bool(true) && result?["success"] != .bool(false))
    }

    /// An agent by its inverse functional identifier, as queries compare agents.
    public static func agentKey(_ agent: JSONValue) -> String? {
        if let mbox = agent["mbox"]?.string { return "mbox:" + mbox.lowercased() }
        if let digest = agent["mbox_sha1sum"]?.string { return "sha1:" + digest.lowercased() }
        if let openid = agent["openid"]?.string { return "openid:" + openid }
        if let home = agent["account"]?["homePage"]?.string, let name = agent["account"]?["name"]?.string {
            return "account:\(home)|\(name)"
        }
        return nil
    }
}

/// A POST body: one statement or an array of them, each checked; problems name the statement by
/// its place in the batch (counted from 0, as the array is).
public enum XAPIBatch {
    public static func read(_ body: JSONValue) -> (statements: [JSONValue], problems: [String]) {
        let statements: [JSONValue]
        switch body {
        case .array(let list): statements = list
        case .object: statements = [body]
        default: return ([], ["the body must be a statement or an array of statements"])
        }
        if statements.isEmpty { return ([], ["the array holds no statement"]) }
        var problems: [String] = []
        var ids: [String: Int] = [:]
        for (index, statement) in statements.enumerated() {
            problems += XAPIStatementRules.problems(statement).map { "statement \(index): \($0)" }
            if let id = statement["id"]?.string?.lowercased() {
                if let first = ids[id] {
                    problems.append("statement \(index): id is also the id of statement \(first) of this batch")
                } else {
                    ids[id] = index
                }
            }
        }
        return (statements, problems)
    }
}
