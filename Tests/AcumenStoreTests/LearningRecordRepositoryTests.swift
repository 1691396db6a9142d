import AcumenCore
import AcumenStore
import FluentKit
import XCTest

final class LearningRecordRepositoryTests: XCTestCase {
    func test_statements_storedOnce_conflictsRefused_voidingAndPaging() async throws {
        try await StoreHarness.onSQLite(statements)
    }

    func test_statements_storedOnce_conflictsRefused_voidingAndPaging_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(statements)
    }

    private func read(_ text: String, at stored: String) -> XAPIStatement {
        XAPIStatement(valid: JSONValue.parse(Data(text.utf8))!, storedAt: stored, authority: .null)
    }

    private func statements(database: any Database, label: String) async throws {
        let repository = LearningRecordRepository(database: database)
        let credential = try await repository.createCredential(
            name: "LMS", key: "k1", secretDigest: "d", createdBy: "test", at: Date())
        let id = UUID().uuidString.lowercased()
        let completed = #""verb": {"id": "http://adlnet.gov/expapi/verbs/completed"}"#
        func statement(_ number: Int, id: String? = nil, verb: String? = nil) -> String {
            let idPart = id.map { #""id": "\#($0)", "# } ?? ""
            return
                #"{\#(idPart)"actor": {"mbox": "mailto:p\#(number)@x.example"}, \#(verb ?? completed), "object": {"id": "https://a.example/\#(number)"}}"#
        }
        let at = Date()
        let stored = XAPIStatement.storedText(at)
        let batch = (0..<5).map { read(statement($0, id: $0 == 0 ? id : nil), at: stored) }
        let first = try await repository.store(batch, credential: credential, on: .today, at: at)
        XCTAssertEqual(first.ids.count, 5, label)
        // Sent again: stored once, the same ids.
        let again = try await repository.store([batch[0]], credential: credential, on: .today, at: at)
        XCTAssertEqual(again.ids, [batch[0].id], label)
        do {
            let other = read(statement(0, id: id, verb: #""verb": {"id": "http://a.example/v"}"#), at: stored)
            _ = try await repository.store(
                [read(statement(9), at: stored), other], credential: credential, on: .today, at: at)
            XCTFail("\(label): other content under a stored id is a conflict")
        } catch StoreError.conflict(let message) {
            XCTAssertTrue(message.hasPrefix("statement 1:"), "\(label): \(message)")
        }
        var everything = XAPIQuery()
        everything.limit = 100
        let all = try await repository.statements(everything, storedBy: credential.id)
        XCTAssertEqual(all.count, 5, "\(label): the refused batch stored nothing")

        // Pages of two, newest first, then the same oldest first.
        for ascending in [false, true] {
            var query = XAPIQuery()
            query.limit = 2
            query.ascending = ascending
            var seen: [XAPIQuery.Cursor] = []
            while true {
                let page = try await repository.statements(query, storedBy: credential.id)
                seen += page.prefix(2).map(\.cursor)
                guard page.count > 2 else { break }
                query.after = page[1].cursor
            }
            XCTAssertEqual(Set(seen.map(\.id)), Set(batch.map(\.id)), label)
            XCTAssertEqual(seen.count, 5, label)
        }

        let other = try await repository.createCredential(
            name: "Other", key: "k2", secretDigest: "d", createdBy: "test", at: Date())
        let othersView = try await repository.statements(everything, storedBy: other.id)
        XCTAssertTrue(othersView.isEmpty, "\(label): a source reads only what it sent")
        let othersRead = try await repository.statement(id: batch[0].id, storedBy: other.id)
        XCTAssertNil(othersRead, label)

        var byAgent = XAPIQuery()
        byAgent.agentKey = "mbox:mailto:p3@x.example"
        let agentRows = try await repository.statements(byAgent, storedBy: credential.id)
        XCTAssertEqual(agentRows.map(\.cursor.id), [batch[3].id], label)

        let voiding = read(
            #"{"actor": {"mbox": "mailto:a@x.example"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"}, "object": {"objectType": "StatementRef", "id": "\#(id)"}}"#,
            at: stored)
        _ = try await repository.store([voiding], credential: credential, on: .today, at: at)
        let target = try await repository.statement(id: batch[0].id, storedBy: credential.id)
        XCTAssertEqual(target?.voided, true, label)
        let visible = try await repository.statements(everything, storedBy: credential.id)
        XCTAssertEqual(visible.count, 5, "\(label): four completions and the voiding statement")
        do {
            let voidTheVoid = read(
                #"{"actor": {"mbox": "mailto:a@x.example"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"}, "object": {"objectType": "StatementRef", "id": "\#(voiding.id.uuidString.lowercased())"}}"#,
                at: stored)
            _ = try await repository.store([voidTheVoid], credential: credential, on: .today, at: at)
            XCTFail("\(label): a voiding statement cannot be voided")
        } catch StoreError.invalid {}
    }
}
