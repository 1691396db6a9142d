import AcumenCore
import Foundation
import XCTest

final class XAPIStatementRulesTests: XCTestCase {
    func json(_ text: String) throws -> JSONValue {
        try XCTUnwrap(JSONValue.parse(Data(text.utf8)), text)
    }

    func problems(_ text: String) throws -> [String] {
        XAPIStatementRules.problems(try json(text))
    }

    let actor = #""actor": {"mbox": "mailto:hana@example.com", "name": "Hana"}"#
    let verb = #""verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed"}}"#
    let object = #""object": {"id": "https://acumen.example/xapi/activities/offerings/FIN-01"}"#

    func test_statementsAsLearningToolsSendThem_areValid() throws {
        let full = """
            {"id": "fd41c918-b88b-4b20-a0a5-a4c32391aaa0", \(actor), \(verb),
             "object": {"objectType": "Activity", "id": "https://acumen.example/xapi/activities/offerings/FIN-01",
                        "definition": {"name": {"en-GB": "Budgets"}, "type": "http://adlnet.gov/expapi/activities/course",
                                       "extensions": {"https://example.com/ext/duration": 30}}},
             "result": {"score": {"scaled": 0.8, "raw": 8, "min": 0, "max": 10}, "success": true, "completion": true,
                        "duration": "PT45M30S"},
             "context": {"registration": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee", "platform": "Moodle",
                         "language": "en-GB", "contextActivities": {"parent": [{"id": "https://example.com/course/7"}],
                         "category": {"id": "https://example.com/profile"}}},
             "timestamp": "2026-12-03T09:30:00.250+01:00"}
            """
        XCTAssertEqual(try problems(full), [])
        XCTAssertEqual(try problems("{\(actor), \(verb), \(object)}"), [])
        let account = #"{"actor": {"account": {"homePage": "https://lms.example", "name": "h.lopez"}}, "#
        XCTAssertEqual(try problems(account + "\(verb), \(object)}"), [])
        let group = #"{"actor": {"objectType": "Group", "member": [{"mbox": "mailto:a@example.com"}]}, "#
        XCTAssertEqual(try problems(group + "\(verb), \(object)}"), [])
        let voiding = """
            {\(actor), "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
             "object": {"objectType": "StatementRef", "id": "fd41c918-b88b-4b20-a0a5-a4c32391aaa0"}}
            """
        XCTAssertEqual(try problems(voiding), [])
    }

    func test_eachBrokenRule_isNamedWithItsPlace() throws {
        XCTAssertEqual(try problems("{\(verb), \(object)}"), ["actor: is required"])
        XCTAssertEqual(
            try problems(#"{"actor": {"mbox": "hana@example.com"}, \#(verb), \#(object)}"#),
            ["actor.mbox: must be a mailto: IRI, e.g. mailto:name@example.com"])
        XCTAssertEqual(
            try problems(
                #"{"actor": {"mbox": "mailto:a@example.com", "openid": "https://id.example/a"}, \#(verb), \#(object)}"#),
            ["actor: an Agent names exactly one of mbox, mbox_sha1sum, openid and account"])
        XCTAssertEqual(
            try problems(#"{\#(actor), "verb": {"id": "completed"}, \#(object)}"#),
            ["verb.id: must be an IRI, e.g. https://example.com/path"])
        XCTAssertEqual(
            try problems(#"{\#(actor), \#(verb), \#(object), "result": {"score": {"scaled": 1.5}}}"#),
            ["result.score.scaled: must be from -1 to 1"])
        XCTAssertEqual(
            try problems(#"{\#(actor), \#(verb), \#(object), "result": {"duration": "45 minutes"}}"#),
            ["result.duration: must be an ISO 8601 duration, e.g. PT1H30M"])
        XCTAssertEqual(
            try problems(#"{\#(actor), \#(verb), \#(object), "timestamp": "3 December 2026"}"#),
            ["timestamp: must be an ISO 8601 date and time, e.g. 2026-12-03T09:30:00Z"])
        XCTAssertEqual(
            try problems(#"{\#(actor), \#(verb), \#(object), "timestamp": "2026-12-03T09:30:00-00:00"}"#),
            ["timestamp: must not use the offset -00:00"])
        XCTAssertEqual(
            try problems(#"{\#(actor), \#(verb), \#(object), "mood": "fine"}"#),
            ["mood: is not a property xAPI 1.0.3 allows here"])
        XCTAssertEqual(
            try problems(#"{\#(actor), \#(verb), \#(object), "version": "2.0.0"}"#), ["version: must be 1.0.x"])
        XCTAssertEqual(
            try problems(
                #"{\#(actor), \#(verb), "object": {"objectType": "Agent", "mbox": "mailto:b@example.com"}, "context": {"platform": "LMS"}}"#
            ),
            ["context.platform: is allowed only when the object is an Activity"])
        XCTAssertEqual(
            try problems(#"{\#(actor), "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"}, \#(object)}"#),
            ["object: a voiding statement's object is the StatementRef of the statement it voids"])
        XCTAssertEqual(
            try problems(#"{\#(actor), \#(verb), \#(object), "id": "not-a-uuid"}"#), ["id: must be a UUID"])
        XCTAssertEqual(
            try problems(
                #"{\#(actor), \#(verb), "object": {"id": "https://a.example/x", "definition": {"name": {"not a tag": "x"}}}}"#
            ),
            ["object.definition.name: \"not a tag\" is not a language tag"])
    }

    func test_aBatch_namesEachStatementByItsPlace_andRefusesAnIdTwice() throws {
        let good = "{\(actor), \(verb), \(object)}"
        let id = #""id": "fd41c918-b88b-4b20-a0a5-a4c32391aaa0""#
        let batch = try json(
            "[\(good), {\(actor), \(object)}, {\(id), \(actor), \(verb), \(object)}, {\(id), \(actor), \(verb), \(object)}]"
        )
        XCTAssertEqual(
            XAPIBatch.read(batch).problems,
            ["statement 1: verb: is required", "statement 3: id is also the id of statement 2 of this batch"])
        XCTAssertEqual(XAPIBatch.read(try json("[]")).problems, ["the array holds no statement"])
        XCTAssertEqual(
            XAPIBatch.read(try json("42")).problems, ["the body must be a statement or an array of statements"])
    }

    func test_aStoredStatement_carriesTheStoresProperties_andComparesByWhatWasSent() throws {
        let sent = try json("{\(actor), \(verb), \(object)}")
        let authority = try json(#"{"account": {"homePage": "https://acumen.example", "name": "k"}}"#)
        let first = XAPIStatement(valid: sent, storedAt: "2026-12-03T09:30:00.000Z", authority: authority)
        let again = XAPIStatement(valid: sent, storedAt: "2026-12-04T10:00:00.000Z", authority: authority)
        XCTAssertNotEqual(first.id, again.id, "an id is given when none was sent")
        XCTAssertEqual(first.stored["version"], .string("1.0.3"))
        XCTAssertEqual(first.stored["timestamp"], .string("2026-12-03T09:30:00.000Z"))
        XCTAssertEqual(first.actorEmail, "hana@example.com")
        XCTAssertTrue(first.completes)
        XCTAssertEqual(first.agentKey, "mbox:mailto:hana@example.com")
        let withID = try json(#"{"id": "FD41C918-B88B-4B20-A0A5-A4C32391AAA0", \#(actor), \#(verb), \#(object)}"#)
        let one = XAPIStatement(valid: withID, storedAt: "2026-12-03T09:30:00.000Z", authority: authority)
        let two = XAPIStatement(valid: withID, storedAt: "2026-12-05T09:30:00.000Z", authority: .null)
        XCTAssertEqual(one.content, two.content, "stored time and authority are not what was sent")
        XCTAssertEqual(one.stored["id"], .string("fd41c918-b88b-4b20-a0a5-a4c32391aaa0"))
        let attempted = try json(
            #"{\#(actor), "verb": {"id": "http://adlnet.gov/expapi/verbs/attempted"}, \#(object), "result": {"completion": true, "success": false}}"#
        )
        XCTAssertFalse(XAPIStatement(valid: attempted, storedAt: "x", authority: .null).completes)
    }

    func test_queries_readTheirParameters_andRefuseWhatTheyCannotAnswer() {
        func read(_ parameters: [String: String]) -> Result<XAPIQuery, XAPIProblem> { XAPIQuery.read(parameters) }
        guard case .success(let query) = read(["agent": #"{"mbox": "mailto:Hana@example.com"}"#, "limit": "0"]) else {
            return XCTFail("a plain agent query is read")
        }
        XCTAssertEqual(query.agentKey, "mbox:mailto:hana@example.com")
        XCTAssertEqual(query.limit, XAPIQuery.largestPage)
        guard case .success(let since) = read(["since": "2026-12-03T10:30:00+01:00"]) else { return XCTFail() }
        XCTAssertEqual(since.since, "2026-12-03T09:30:00.000Z")
        for refused in [
            ["statementId": "fd41c918-b88b-4b20-a0a5-a4c32391aaa0", "verb": "http://a.example/v"],
            ["statementId": "nope"], ["colour": "blue"], ["agent": "{}"], ["limit": "-1"],
            ["related_activities": "true"], ["since": "yesterday"],
        ] {
            if case .success = read(refused) { XCTFail("\(refused) is refused") }
        }
    }
}
