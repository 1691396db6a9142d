import AcumenCore
import XCTest

final class FrameworkDifferencesTests: XCTestCase {
    private func framework(_ competencies: [CompetencyContent], category: String = "Advising") -> FrameworkContent {
        FrameworkContent(
            name: "Consulting", description: "", owner: "Elsewhere",
            categories: [CategoryContent(code: "A", title: category, competencies: competencies)])
    }

    private func competency(_ code: String, _ title: String, behaviour: String = "Listens") -> CompetencyContent {
        CompetencyContent(
            code: code, title: title, description: "",
            standards: [LevelStandard(level: 0, behaviours: [behaviour])])
    }

    func test_changesAreFoundByCode_whateverTheIdentifiers() {
        let before = framework([competency("A.1", "First"), competency("A.2", "Second"), competency("A.3", "Third")])
        var after = framework(
            [
                competency("A.1", "First"), competency("A.2", "Second, renamed", behaviour: "Asks"),
                competency("A.4", "New"),
            ],
            category: "Advising clients")
        after.categories[0].competencies[0].indicators = [IndicatorContent(code: "A.1.a", title: "Asks")]
        let differences = FrameworkDifferences(from: before, to: after.withFreshIdentifiers())
        XCTAssertEqual(differences.addedCompetencies.map(\.code), ["A.4"])
        XCTAssertEqual(differences.removedCompetencies.map(\.code), ["A.3"])
        XCTAssertEqual(differences.changedCompetencies.map(\.code), ["A.1", "A.2"])
        XCTAssertEqual(differences.changedCompetencies[0].parts, ["indicators"])
        XCTAssertEqual(differences.changedCompetencies[1].parts, ["title", "behaviours"])
        XCTAssertEqual(differences.changedCategories.map(\.parts), [["title"]])
        XCTAssertTrue(FrameworkDifferences(from: before, to: before.withFreshIdentifiers()).isEmpty)
    }

    func test_freshIdentifiers_keepTheIndicatorTree() {
        var content = framework([competency("A.1", "First")])
        let parent = IndicatorContent(code: "A.1.a", title: "Asks")
        content.categories[0].competencies[0].indicators = [
            parent, IndicatorContent(code: "A.1.a.1", title: "Writes down", parent: parent.identifier),
        ]
        let copy = content.withFreshIdentifiers().competencies[0].indicators
        XCTAssertNotEqual(copy[0].identifier, parent.identifier)
        XCTAssertEqual(copy[1].parent, copy[0].identifier)
    }

    func test_indicatorsAreChecked_likeTheRestOfTheFramework() {
        var content = framework([competency("A.1", "First")])
        content.categories[0].competencies[0].indicators = [
            IndicatorContent(code: "A.1", title: ""), IndicatorContent(code: "A.1.b", title: "Orphan", parent: UUID()),
        ]
        let errors = content.validate(requireComplete: false).errors.map(\.description)
        XCTAssertTrue(errors.contains { $0.contains("indicator 1") && $0.contains("used more than once") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.contains("indicator 1") && $0.contains("title") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.contains("indicator 2") && $0.contains("parent") }, "\(errors)")
    }
}
