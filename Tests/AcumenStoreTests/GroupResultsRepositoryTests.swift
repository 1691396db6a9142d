import AcumenCore
import AcumenStore
import FluentKit
import XCTest

final class GroupResultsRepositoryTests: XCTestCase {
    func test_levelsAreOthersMeans_withPeersOnlyWhereEnoughAnswered() async throws {
        try await StoreHarness.onSQLite(levelsAreOthersMeans)
    }

    func test_levelsAreOthersMeans_withPeersOnlyWhereEnoughAnswered_onPostgreSQL() async throws {
        try await StoreHarness.onPostgreSQL(levelsAreOthersMeans)
    }

    private func levelsAreOthersMeans(database: any Database, label: String) async throws {
        let fixture = try await AssessmentFixture.make(on: database)
        let cycles = CycleRepository(database: database)
        let invitations = InvitationRepository(database: database)
        let peerID = try await invitations.nominate(
            cycle: try await cycles.cycle(id: fixture.cycleID), subjectID: fixture.anaID,
            raterPersonID: fixture.benID, source: .peer, accountID: nil, nominatedBy: "lead@x.example",
            approved: true)
        _ = try await cycles.advance(cycleID: fixture.cycleID, from: .draft, today: fixture.today)
        let open = try await cycles.cycle(id: fixture.cycleID)
        let framework = try await FrameworkRepository(database: database).version(id: open.frameworkID).content
        let anas = try await invitations.invitations(cycleID: fixture.cycleID, subjectID: fixture.anaID)
        func level(_ code: String, _ level: Int) -> CompetencyRatingInput {
            CompetencyRatingInput(competencyCode: code, overrideLevel: level, overrideReason: "Seen")
        }
        let responses = ResponseRepository(database: database)
        try await responses.submit(
            invitation: anas.first { $0.source == .supervisor }!, cycle: open,
            content: .ratings(
                [level("OM.1", 2), CompetencyRatingInput(competencyCode: "OM.2", notObserved: true)],
                framework: framework), raterKey: "lead", today: fixture.today)
        try await responses.submit(
            invitation: anas.first { $0.source == .self }!, cycle: open,
            content: .ratings([level("OM.1", 0), level("OM.3", 2)], framework: framework), raterKey: "ana",
            today: fixture.today)
        try await responses.submit(
            invitation: try await invitations.invitation(id: peerID), cycle: open,
            content: .ratings([level("OM.1", 1)], framework: framework), raterKey: "ben", today: fixture.today)

        try await responses.submit(
            invitation: anas.first { $0.source == .customer }!, cycle: open,
            content: .answers(
                ["OM.1-a": .often, "OM.2-a": .always, "OM.3-a": .dontKnow, "KE.1-a": .never], comments: [:]),
            raterKey: "cy", today: fixture.today)

        let repository = GroupResultsRepository(database: database)
        let tallies = try await repository.customerTallies(cycleID: fixture.cycleID)
        XCTAssertEqual(
            tallies, [fixture.anaID: VendorScore.Tally(favourable: 2, scored: 3)], "\(label): Don't know is no score")
        let strict = try await repository.levels(cycleID: fixture.cycleID, minimumPeers: 3)
        XCTAssertEqual(
            strict, [fixture.anaID: ["OM.1": 2]],
            "\(label): one peer is too few to count; self never counts; not observed counts for nothing")
        let lenient = try await repository.levels(cycleID: fixture.cycleID, minimumPeers: 1)
        XCTAssertEqual(lenient[fixture.anaID]?["OM.1"], 1.5, "\(label): supervisor and peer averaged")

        let served = try await repository.customersServed()
        XCTAssertEqual(served, [fixture.anaID: ["Client Co"]], label)
        let names = try await repository.names([fixture.anaID, fixture.benID])
        XCTAssertEqual(names, [fixture.anaID: "Ana Ruiz", fixture.benID: "Ben Berg"], label)
    }
}
