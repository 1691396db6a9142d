import AcumenCore
import AcumenStore
import XCTVapor
import XCTest

@testable import AcumenWeb

/// A colleague rates someone's role-play practice on the grid: evidence, never a result.
final class PracticeRoutesTests: XCTestCase {
    func test_aColleague_ratesAPractice_onTheGridOfItsCompetencies() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let catalogue = try await CatalogueRepository(database: app.db).offerings()
            let rolePlay = try XCTUnwrap(catalogue.first { $0.format == .rolePlay && !$0.targets.isEmpty })
            let video = try XCTUnwrap(catalogue.first { $0.format == .video })
            let code = try XCTUnwrap(rolePlay.targets.first?.competencyCode)
            let supervisor = BrowserSession(app: app)
            try await supervisor.signIn(WebHarness.email(of: .supervisor, in: demo))
            let notRolePlay = try await supervisor.get("/catalogue/offerings/\(video.id)/practice")
            XCTAssertEqual(notRolePlay.status, .badRequest)
            let path = "/catalogue/offerings/\(rolePlay.id)/practice"
            let form = try await supervisor.get(path)
            XCTAssertContains(form.body.string, RaterFormFields.behaviour(code, level: 0, position: 0))
            let accountManager = WebHarness.email(of: .accountManager, in: demo)
            let tick = RaterFormFields.behaviour(code, level: 0, position: 0)
            let today = CalendarDate.today.description
            for (colleague, expected) in [
                ("nobody@example.com", "give the e-mail"),
                (WebHarness.email(of: .supervisor, in: demo), "someone who watched"),
            ] {
                let refused = try await supervisor.post(
                    path, form: ["colleague": colleague, "observedOn": today, tick: "on"])
                XCTAssertEqual(refused.status, .unprocessableEntity)
                XCTAssertContains(refused.body.string, expected)
            }
            let recorded = try await supervisor.post(
                path, form: ["colleague": accountManager, "observedOn": today, tick: "on", "notes": "Calm and clear"])
            XCTAssertEqual(recorded.status, .seeOther)
            let personID = try await PeopleRepository(database: app.db).personID(email: accountManager)
            let observations = try await ObservationRepository(database: app.db).observations(
                personID: try XCTUnwrap(personID))
            XCTAssertEqual(observations.map(\.setting), [.rolePlay])
            XCTAssertEqual(observations.first?.competencyCode, code)
            XCTAssertEqual(observations.first?.notes, "Calm and clear")
        }
    }
}
