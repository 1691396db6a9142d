import AcumenCore
import XCTest

final class FrameworkValidationTests: XCTestCase {
    func test_builtInModels_areValidAndComplete() {
        for model in BuiltInFrameworks.frameworks {
            let validation = model.validate(requireComplete: true)
            XCTAssertEqual(validation.errors, [], "\(model.name)")
        }
    }

    func test_globalMobilityModel_hasSixteenCompetenciesInThreeCategories() {
        let model = GlobalMobilityAccountManagerFramework.content
        XCTAssertEqual(model.categories.map(\.competencies.count), [7, 5, 4])
        XCTAssertEqual(model.competencies.count, 16)
        XCTAssertEqual(model.levels.names, ["Baseline", "Advanced", "Expert"])
        XCTAssertTrue(model.competencies.allSatisfy { $0.standards.count == 3 })
    }

    func test_generalModel_hasSixCategories_andNoCategoryCountWarning() {
        let model = GeneralAccountManagementFramework.content
        XCTAssertEqual(model.categories.count, 6)
        XCTAssertTrue(model.validate().warnings.isEmpty)
    }

    func test_threeCategories_isAWarningNotAnError() {
        let validation = GlobalMobilityAccountManagerFramework.content.validate()
        XCTAssertTrue(validation.isValid)
        XCTAssertEqual(validation.warnings.count, 1)
        XCTAssertTrue(validation.warnings[0].message.contains("3 categories"))
    }

    func test_duplicateCodes_areRejected_caseInsensitively() {
        var model = GlobalMobilityAccountManagerFramework.content
        model.categories[1].competencies[0].code = "om.1"
        let errors = model.validate().errors
        XCTAssertTrue(errors.contains { $0.message.contains("used more than once") }, "\(errors)")
    }

    func test_missingLevelBehaviours_blockPublishing_butNotADraft() {
        var model = GlobalMobilityAccountManagerFramework.content
        model.categories[0].competencies[0].standards[2].behaviours = []
        XCTAssertFalse(model.validate(requireComplete: true).isValid)
        XCTAssertTrue(model.validate(requireComplete: false).isValid)
    }

    func test_overLongText_isRejected_withItsLocation() {
        var model = GeneralAccountManagementFramework.content
        model.categories[0].competencies[0].title = String(repeating: "x", count: TextLimits.name + 1)
        let errors = model.validate().errors
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.location, "competency CN.1")
    }

    func test_everyCheckedText_namesItsProblem_andWhere_inTheReadersLanguage() {
        var model = GeneralAccountManagementFramework.content
        let long = String(repeating: "x", count: TextLimits.description + 1)
        model.name = long
        model.description = long
        model.owner = long
        model.categories[0].title = long
        model.categories[0].competencies[0].standards[1].behaviours[0] = long
        model.categories[1].competencies[0].code = ""
        let errors = model.validate().errors
        XCTAssertEqual(
            Set(errors.map(\.message).filter { $0.contains("characters long") }.map { $0.prefix { $0 != " " } }),
            ["name", "description", "owner", "title", "text"])
        XCTAssertTrue(
            errors.contains { $0.description == "framework: name is 4001 characters long; at most 200 are allowed" })
        let behaviour = try? XCTUnwrap(errors.first { $0.location.hasSuffix("Advanced behaviour 1") })
        XCTAssertEqual(
            behaviour?.location, "competency \(model.categories[0].competencies[0].code), Advanced behaviour 1")
        XCTAssertTrue(errors.contains { $0.message == "code is required (for example OM.1)" })
        // Every problem is worded by the catalogue: a pseudo-locale wraps place and message.
        let pseudo = Localizer(.english, catalogue: MessageCatalogue.builtIn.pseudoLocalized())
        for error in errors {
            let line = error.description(in: pseudo)
            XCTAssertTrue(line.hasPrefix("⟦") && line.hasSuffix("⟧"), line)
            XCTAssertEqual(line.components(separatedBy: "⟦").count, 4, line)
        }
    }

    func test_freshIdentifiers_changeEveryIdentifier_butNotTheContent() {
        let model = GeneralAccountManagementFramework.content
        let copy = model.withFreshIdentifiers()
        XCTAssertNotEqual(copy.identifier, model.identifier)
        XCTAssertTrue(Set(copy.competencies.map(\.identifier)).isDisjoint(with: model.competencies.map(\.identifier)))
        XCTAssertEqual(copy.competencies.map(\.standards), model.competencies.map(\.standards))
    }

    func test_stableIdentifiers_areNameBasedVersion5_asRFC9562Computes() {
        XCTAssertEqual(UUID.stable(named: "a"), UUID.stable(named: "a"))
        XCTAssertNotEqual(UUID.stable(named: "a"), UUID.stable(named: "b"))
        // Python's uuid.uuid5 gives the same values: the RFC's DNS namespace, and Acumen's own.
        let dns = UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")!
        XCTAssertEqual(UUID.nameBased("python.org", in: dns).lowercasedString, "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        XCTAssertEqual(UUID.stable(named: "acumen").lowercasedString, "93dc592b-ea6d-5bff-9631-cbcc7a6b38c6")
        XCTAssertTrue(UUID.stable(named: "acumen").isCASEIdentifier)
    }

    func test_caseIdentifiers_areRFC4122Versions1To5() {
        XCTAssertTrue(UUID(uuidString: "886313e1-3b8a-5372-9b90-0c9aee199e5d")!.isCASEIdentifier)
        XCTAssertTrue(UUID(uuidString: "19f803c6-3566-41db-a177-ccea51283dfb")!.isCASEIdentifier)
        XCTAssertTrue(UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")!.isCASEIdentifier)
        XCTAssertFalse(UUID(uuidString: "90949621-8ffd-84ea-89e7-ea1ed83d3866")!.isCASEIdentifier, "version 8")
        XCTAssertFalse(UUID(uuidString: "01890a5d-ac96-774b-bcce-b302099a8057")!.isCASEIdentifier, "version 7")
        XCTAssertFalse(UUID(uuidString: "19f803c6-3566-41db-c177-ccea51283dfb")!.isCASEIdentifier, "variant")
        XCTAssertFalse(UUID(uuidString: "00000000-0000-0000-0000-000000000000")!.isCASEIdentifier, "nil UUID")
    }

    func test_roleProfiles_followTheGuidance() {
        let model = GlobalMobilityAccountManagerFramework.content
        let profiles = RoleProfile.standardProfiles(for: model)
        XCTAssertEqual(profiles[0].targets.values.max(), 0)
        XCTAssertEqual(Set(profiles[1].targets.values), [1])
        XCTAssertEqual(profiles[2].targets["OM.1"], 2)
        XCTAssertEqual(profiles[2].targets["KE.1"], 1)
        XCTAssertTrue(profiles[0].applies(toTenureMonths: 6))
        XCTAssertFalse(profiles[0].applies(toTenureMonths: 12))
    }
}
