import AcumenCore
import AcumenStore
import Foundation
import XCTVapor
import XCTest

@testable import AcumenWeb

/// An account's action plan: added, refused with every problem beside its field, edited, closed.
final class ActionPlanRoutesTests: XCTestCase {
    func test_anAction_isRefusedWithItsProblems_thenAdded_edited_andClosed() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let customer = BrowserSession(app: app)
            try await customer.signIn(WebHarness.email(of: .customerReviewer, in: demo))
            let home = try await customer.get("/").body.string
            let accounts = try await AccountRepository(database: app.db).accounts(visibleTo: nil)
            let account = try XCTUnwrap(
                accounts.first { home.contains(#"href="/accounts/\#($0.id)""#) },
                "the customer's home links their account")
            let page = "/accounts/\(account.id)"
            try await customer.get(page)

            let refused = try await customer.post(
                "\(page)/actions",
                form: [
                    "title": " ", "measure": "Twelve Friday reports", "dueOn": "next spring",
                    "addresses": "nonsense", "feasibilityNote": "", "ownerName": "Hana Lopez",
                ])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            let refusal = refused.body.string
            XCTAssertContains(refusal, "The action was not added")
            for message in ["say what will be done", "enter a date like 2027-03-31", "choose a competency or question"]
            {
                XCTAssertContains(refusal, message)
            }
            let besideFields = refusal.components(separatedBy: #"class="field-error""#).count - 1
            XCTAssertEqual(besideFields, 3, "each problem beside its own field")
            XCTAssertContains(refusal, #"value="Hana Lopez""#)
            XCTAssertContains(refusal, "next spring")
            let stillEmpty = try await ActionPlanRepository(database: app.db).actions(accountID: account.id)
            XCTAssertEqual(stillEmpty, [], "a refused action changes nothing")

            let added = try await customer.post(
                "\(page)/actions",
                form: [
                    "title": "Send a written status of open cases every Friday", "measure": "", "dueOn": "2099-03-31",
                    "addresses": "competency:OM.2", "feasibilityNote": "", "ownerName": "Hana Lopez",
                ])
            XCTAssertEqual(added.status, .seeOther)
            let stored = try await ActionPlanRepository(database: app.db).actions(accountID: account.id)
            let action = try XCTUnwrap(stored.first)

            let edit = try await customer.get("\(page)/actions/\(action.id)/edit")
            XCTAssertEqual(edit.status, .ok)
            XCTAssertContains(edit.body.string, #"value="Send a written status of open cases every Friday""#)
            XCTAssertContains(edit.body.string, #"<option value="competency:OM.2" selected="selected""#)

            let badEdit = try await customer.post(
                "\(page)/actions/\(action.id)",
                form: [
                    "title": "Send a written status every Friday", "measure": "Twelve reports by March",
                    "dueOn": "2099-02-30", "addresses": "competency:OM.2", "feasibilityNote": "Twenty minutes",
                    "ownerName": "Hana Lopez", "status": "inProgress",
                ])
            XCTAssertEqual(badEdit.status, .unprocessableEntity)
            XCTAssertContains(badEdit.body.string, "Due on: enter a date like 2027-03-31")
            XCTAssertContains(badEdit.body.string, "Twelve reports by March")
            let unchanged = try await ActionPlanRepository(database: app.db).actions(accountID: account.id)
            XCTAssertEqual(unchanged.first?.item, action.item)

            let saved = try await customer.post(
                "\(page)/actions/\(action.id)",
                form: [
                    "title": "Send a written status every Friday", "measure": "Twelve reports by March",
                    "dueOn": "2099-03-31", "addresses": "competency:OM.2", "feasibilityNote": "Twenty minutes",
                    "ownerName": "Hana Lopez", "status": "done",
                ])
            XCTAssertEqual(saved.status, .seeOther)
            let edited = try await ActionPlanRepository(database: app.db).actions(accountID: account.id)
            XCTAssertEqual(edited.first?.item.title, "Send a written status every Friday")
            XCTAssertEqual(edited.first?.item.measure, "Twelve reports by March")
            XCTAssertEqual(edited.first?.item.status, .done)
            XCTAssertEqual(edited.first?.cycleID, action.cycleID, "the review that agreed it stays")

            // Nobody edits an action of an account they cannot see.
            let otherManagerID = try await PeopleRepository(database: app.db).personID(
                email: WebHarness.email(of: .accountManager, in: demo))
            let otherManager = try XCTUnwrap(otherManagerID)
            if account.accountManagerID != otherManager {
                let stranger = BrowserSession(app: app)
                try await stranger.signIn(WebHarness.email(of: .accountManager, in: demo))
                let hidden = try await stranger.post(
                    "\(page)/actions/\(action.id)", form: ["title": "Taken over", "status": "dropped"])
                XCTAssertEqual(hidden.status, .notFound)
            }
            let untouched = try await ActionPlanRepository(database: app.db).actions(accountID: account.id)
            XCTAssertEqual(untouched.first?.item.status, .done)
        }
    }

    func test_theAPI_updatesAnAction_keepingItsStatusWhenLeftOut() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = AssessmentRoutesTests.Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let accounts = try await AccountRepository(database: app.db).accounts(visibleTo: nil)
            let account = try XCTUnwrap(accounts.first)
            let path = "/api/v1/accounts/\(account.id)/actions"
            let created = try await manager.call(
                .POST, path, json: #"{"title": "Agree a quarterly review of exceptions", "status": "inProgress"}"#,
                expect: .created)
            let id = try created.content.get(UUID.self, at: "id")
            XCTAssertEqual(try created.content.get(String.self, at: "status"), "inProgress")

            let updated = try await manager.call(
                .PUT, "\(path)/\(id)", json: #"{"title": "Agree a monthly review of exceptions", "ownerName": "Ravi"}"#,
                expect: .ok)
            XCTAssertEqual(try updated.content.get(String.self, at: "status"), "inProgress")
            XCTAssertEqual(try updated.content.get(String.self, at: "ownerName"), "Ravi")

            let refused = try await manager.call(
                .PUT, "\(path)/\(id)", json: #"{"title": ""}"#, expect: .unprocessableEntity)
            XCTAssertEqual(try refused.content.get(String.self, at: "error", "field"), "title")
            try await manager.call(.PUT, "\(path)/\(UUID())", json: #"{"title": "Anything"}"#, expect: .notFound)
        }
    }

    func test_aJapaneseCustomer_keepsThePlanInJapanese_withTheirTextAsWritten() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let customer = BrowserSession(app: app)
            try await customer.signIn(WebHarness.email(of: .customerReviewer, in: demo))
            try await customer.get("/")
            let chosen = try await customer.post("/preferences/language", form: ["language": "ja", "back": "/"])
            XCTAssertEqual(chosen.status, .seeOther)
            let home = try await customer.get("/").body.string
            let accounts = try await AccountRepository(database: app.db).accounts(visibleTo: nil)
            let account = try XCTUnwrap(accounts.first { home.contains(#"href="/accounts/\#($0.id)""#) })
            let page = "/accounts/\(account.id)"

            let refused = try await customer.post("\(page)/actions", form: ["title": "", "dueOn": "来週"])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertEqual(refused.headers.first(name: .contentLanguage), "ja")
            XCTAssertContains(refused.body.string, "アクションは追加されていません")
            XCTAssertContains(refused.body.string, "何をするか：何をするかを書いてください")
            XCTAssertContains(refused.body.string, "2027-03-31 のような形式で日付を入力してください")
            XCTAssertContains(refused.body.string, #"value="来週""#)

            try await customer.post("\(page)/actions", form: ["title": "毎週金曜日に進捗を報告する", "dueOn": "2020-01-31"])
            let plan = try await customer.get(page).body.string
            XCTAssertContains(plan, #"<html lang="ja""#)
            XCTAssertContains(plan, "アクションを追加しました。")
            XCTAssertContains(plan, "毎週金曜日に進捗を報告する")
            XCTAssertContains(plan, "期限：2020年1月31日 の期限を過ぎています")
            XCTAssertContains(plan, "アクションプラン")
            XCTAssertFalse(plan.contains("Action plan"))
        }
    }
}
