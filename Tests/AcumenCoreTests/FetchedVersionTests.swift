import AcumenCore
import XCTest

final class FetchedVersionTests: XCTestCase {
    func test_behavioursWrittenHere_andUnchangedTranslations_carryOverToAFetchedVersion() {
        var previous = FrameworkContent(
            name: "Consulting", description: "", owner: "Elsewhere",
            categories: [
                CategoryContent(
                    code: "A", title: "Advising",
                    competencies: [
                        CompetencyContent(
                            code: "A.1", title: "Listens", description: "",
                            standards: [LevelStandard(level: 0, behaviours: ["Asks first"])]),
                        CompetencyContent(code: "A.2", title: "Writes", description: "", standards: []),
                    ])
            ])
        previous.translations = [.german: ["competency/A.1/title": "Hört zu", "competency/A.2/title": "Schreibt"]]
        var fetched = previous.withFreshIdentifiers()
        fetched.translations = [:]
        fetched.categories[0].competencies[0].standards = [LevelStandard(level: 0, behaviours: [])]
        fetched.categories[0].competencies[1].title = "Writes clearly"
        let (content, kept) = fetched.keepingWhatWasWrittenHere(for: previous)
        XCTAssertEqual(kept, ["A.1"])
        XCTAssertEqual(content.competencies[0].standards, previous.competencies[0].standards)
        XCTAssertEqual(content.translations[.german], ["competency/A.1/title": "Hört zu"], "A.2's title changed")

        var otherLevels = fetched
        otherLevels.levels = LevelScale(names: ["Low", "High"])
        XCTAssertEqual(
            otherLevels.keepingWhatWasWrittenHere(for: previous).keptBehaviours, [], "other levels: none kept")
    }
}
