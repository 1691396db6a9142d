import AcumenCore
import XCTest

final class DerivedLevelTests: XCTestCase {
    let levels = LevelScale.standard
    let standards = [
        LevelStandard(level: 0, behaviours: ["b1", "b2"]),
        LevelStandard(level: 1, behaviours: ["a1", "a2", "a3"]),
        LevelStandard(level: 2, behaviours: ["e1", "e2"]),
    ]

    func test_allBaselineAndTwoOfThreeAdvanced_isAdvanced_andSaysWhy() {
        let derived = DerivedLevel.derive(levels: levels, standards: standards, observed: [0: [0, 1], 1: [0, 2]])
        XCTAssertEqual(derived.level, 1)
        XCTAssertEqual(derived.explanation, "all Baseline and 2 of 3 Advanced behaviours observed: Advanced")
    }

    func test_aGapAtBaseline_cannotBeMadeUpHigher() {
        let derived = DerivedLevel.derive(
            levels: levels, standards: standards, observed: [0: [0], 1: [0, 1, 2], 2: [0, 1]])
        XCTAssertNil(derived.level)
        XCTAssertEqual(derived.explanation, "1 of 2 Baseline behaviours observed: below Baseline")
    }

    func test_oneOfThreeAdvanced_staysAtBaseline_andMentionsWhatWasSeen() {
        let derived = DerivedLevel.derive(levels: levels, standards: standards, observed: [0: [0, 1], 1: [1]])
        XCTAssertEqual(derived.level, 0)
        XCTAssertEqual(derived.explanation, "all Baseline and 1 of 3 Advanced behaviours observed: Baseline")
    }

    func test_everything_isExpert_andUnknownTicksAreIgnored() {
        let derived = DerivedLevel.derive(
            levels: levels, standards: standards, observed: [0: [0, 1, 7], 1: [0, 1, 2], 2: [0, 1]])
        XCTAssertEqual(derived.level, 2)
        XCTAssertEqual(derived.explanation, "all Baseline, all Advanced and all Expert behaviours observed: Expert")
    }

    func test_twoThirdsRoundsUp() {
        XCTAssertEqual([1, 2, 3, 4, 5, 6].map(DerivedLevel.minimumObserved(outOf:)), [1, 2, 2, 3, 4, 4])
    }
}

final class DisclosurePlanTests: XCTestCase {
    func test_groupsAtTheirMinimum_areShown_namedSourcesAlways() {
        let plan = DisclosurePlan.plan(responses: [.self: 1, .supervisor: 1, .peer: 3, .customer: 4], rules: .standard)
        XCTAssertEqual(plan.groups.map(\.decision), [.shown, .shown, .shown, .shown])
        XCTAssertTrue(plan.otherRaters.isEmpty)
        XCTAssertTrue(plan.groups.allSatisfy(\.showsComments))
    }

    func test_customerGroupBelowThreshold_isRolledIntoOtherRaters_withSmallPeers() {
        let plan = DisclosurePlan.plan(responses: [.supervisor: 1, .peer: 2, .customer: 2], rules: .standard)
        XCTAssertEqual(plan.decision(for: .peer), .rolledUp)
        XCTAssertEqual(plan.decision(for: .customer), .rolledUp)
        XCTAssertEqual(plan.decision(for: .supervisor), .shown)
        XCTAssertEqual(plan.otherRaters, [.peer, .customer])
        XCTAssertEqual(plan.otherRatersResponses, 4)
    }

    func test_aSmallGroup_isNeverCombinedWithNamedOrShownGroups() {
        // Combining two peers with five shown customers would let anyone subtract the customers.
        let plan = DisclosurePlan.plan(responses: [.self: 1, .supervisor: 1, .peer: 2, .customer: 5], rules: .standard)
        XCTAssertEqual(plan.decision(for: .peer), .withheld)
        XCTAssertEqual(plan.decision(for: .customer), .shown)
        XCTAssertTrue(plan.otherRaters.isEmpty)
    }

    func test_smallGroupsTooSmallTogether_areWithheld_andStillListed() {
        let plan = DisclosurePlan.plan(responses: [.peer: 1, .customer: 1], rules: .standard)
        XCTAssertEqual(plan.groups.map(\.decision), [.withheld, .withheld])
        XCTAssertEqual(plan.groups.map(\.responses), [1, 1])
    }

    func test_commentsHaveTheirOwnMinimum() {
        let rules = AnonymityRules(minimumPeers: 3, minimumCustomers: 3, minimumForComments: 5)
        let plan = DisclosurePlan.plan(responses: [.supervisor: 1, .peer: 4, .customer: 6], rules: rules)
        XCTAssertEqual(plan.groups.first { $0.source == .peer }?.showsComments, false)
        XCTAssertEqual(plan.groups.first { $0.source == .customer }?.showsComments, true)
        XCTAssertEqual(plan.groups.first { $0.source == .supervisor }?.showsComments, true)
    }

    func test_rulesMayOnlyTighten() {
        let current = AnonymityRules.standard
        XCTAssertTrue(AnonymityRules(minimumPeers: 4).isAtLeastAsStrict(as: current))
        XCTAssertFalse(AnonymityRules(minimumCustomers: 2).isAtLeastAsStrict(as: current))
        XCTAssertEqual(AnonymityRules(minimumPeers: 1).problems.count, 1)
    }
}

final class QuestionnaireTests: XCTestCase {
    func test_builtInQuestionnaire_coversEveryCompetency_inAboutTwentyMinutes() {
        let questionnaire = GlobalMobilityQuestionnaire.questionnaire
        XCTAssertEqual(questionnaire.problems(against: GlobalMobilityAccountManagerFramework.content), [])
        XCTAssertTrue((15...25).contains(questionnaire.estimatedMinutes), "\(questionnaire.estimatedMinutes) minutes")
        XCTAssertTrue(
            questionnaire.questions.allSatisfy {
                (2...3).contains(questionnaire.questions(for: $0.competencyCode).count)
            })
    }

    func test_questionnaire_reportsMismatchesWithTheFramework() {
        var questionnaire = GlobalMobilityQuestionnaire.questionnaire
        questionnaire.questions.removeAll { $0.competencyCode == "VA.4" }
        questionnaire.questions.append(.init(code: "XX-a", competencyCode: "XX.1", text: "Unrelated."))
        questionnaire.questions.append(.init(code: "XX-a", competencyCode: "OM.1", text: " "))
        let problems = questionnaire.problems(against: GlobalMobilityAccountManagerFramework.content)
        XCTAssertTrue(problems.contains("competency VA.4 has no question"))
        XCTAssertTrue(problems.contains("question XX-a refers to XX.1, which the framework does not have"))
        XCTAssertTrue(problems.contains("question code XX-a is used twice"))
        XCTAssertTrue(problems.contains("question XX-a has no text"))
    }

    func test_frequencyScores_leaveOutDontKnow() {
        XCTAssertEqual(FrequencyAnswer.scale.compactMap(\.score), [1, 2, 3, 4, 5])
        XCTAssertNil(FrequencyAnswer.dontKnow.score)
    }
}

final class CompetencyResultTests: XCTestCase {
    func ratings(_ source: RaterSource, _ levels: [Int?]) -> [LevelRating] {
        levels.map { LevelRating(source: source, competencyCode: "OM.1", level: $0) }
    }

    func test_selfAboveOthers_isABlindSpot_andTheGapIsAgainstTarget() {
        let all = ratings(.self, [2]) + ratings(.supervisor, [1]) + ratings(.peer, [1, 1, 0, nil])
        let plan = DisclosurePlan.plan(responses: [.self: 1, .supervisor: 1, .peer: 4], rules: .standard)
        let result = CompetencyResult.compute(competencyCode: "OM.1", ratings: all, target: 1, plan: plan)
        XCTAssertEqual(result.bySource[.peer]?.mean ?? 0, 2.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(result.others?.count, 4)
        XCTAssertEqual(result.others?.mean ?? 0, 0.75, accuracy: 1e-12)
        XCTAssertEqual(result.gap ?? 0, 0.25, accuracy: 1e-12)
        XCTAssertEqual(result.selfOtherGap, .blindSpot)
        XCTAssertEqual(result.notObserved, 1)
    }

    func test_withheldGroups_contributeToNothingShown() {
        let all = ratings(.self, [0]) + ratings(.supervisor, [2]) + ratings(.peer, [0, 0])
        let plan = DisclosurePlan.plan(responses: [.self: 1, .supervisor: 1, .peer: 2], rules: .standard)
        let result = CompetencyResult.compute(competencyCode: "OM.1", ratings: all, target: 1, plan: plan)
        XCTAssertNil(result.bySource[.peer])
        XCTAssertEqual(result.others?.mean, 2, "only the supervisor may be shown")
        XCTAssertEqual(result.selfOtherGap, .hiddenStrength)
    }

    func test_spread_isThePopulationStandardDeviation() {
        let spread = Spread([1, 2, 3, 4])!
        XCTAssertEqual(spread.standardDeviation, (1.25).squareRoot(), accuracy: 1e-12)
        XCTAssertNil(Spread([]))
    }
}

final class CycleSettingsTests: XCTestCase {
    let settings = CycleSettings(
        name: "2026 annual review", opensOn: CalendarDate("2026-11-01")!, closesOn: CalendarDate("2026-11-30")!)

    func test_statusOnlyMovesForward() {
        XCTAssertEqual(CycleStatus.allCases.compactMap(\.next), [.open, .closed, .released])
        XCTAssertEqual(CycleStatus.allCases.filter(\.acceptsResponses), [.open])
    }

    func test_settings_listEveryProblem() {
        var bad = settings
        bad.name = " "
        bad.sources = []
        bad.closesOn = bad.opensOn
        bad.reminderDaysBeforeClose = [0]
        bad.rules.minimumCustomers = 1
        XCTAssertEqual(bad.problems.count, 5, "\(bad.problems)")
        XCTAssertEqual(settings.problems, [])
    }

    func test_openCycle_mayTightenButNotLoosenItsRules() throws {
        let stricter = AnonymityRules(minimumPeers: 5)
        XCTAssertEqual(try settings.changingRules(to: stricter, status: .open).get().rules, stricter)
        let looser = AnonymityRules(minimumForComments: 2)
        XCTAssertThrowsError(try settings.changingRules(to: looser, status: .open).get()) { error in
            XCTAssertTrue("\(error)".contains("cannot be loosened once a cycle is open"))
        }
        XCTAssertNoThrow(try settings.changingRules(to: looser, status: .draft).get())
    }
}

final class FormValidationTests: XCTestCase {
    let framework = GeneralAccountManagementFramework.content

    func completeForm() -> [CompetencyRatingInput] {
        framework.competencies.map { CompetencyRatingInput(competencyCode: $0.code, observed: [0: [0]]) }
    }

    func test_aCompleteForm_hasNoProblems_andLevelsFollowTheTicks() {
        let form = completeForm()
        XCTAssertEqual(InternalFormValidation.problems(form, framework: framework), [])
        XCTAssertNil(form[0].level(in: framework), "CN.1 has two Baseline behaviours; one of them is not enough")
        let both = CompetencyRatingInput(competencyCode: "CN.1", observed: [0: [0, 1]])
        XCTAssertEqual(both.level(in: framework), 0)
        let notSeen = CompetencyRatingInput(competencyCode: "CN.1", notObserved: true)
        XCTAssertNil(notSeen.level(in: framework))
    }

    func test_missingAndContradictoryAnswers_arePointedTo() {
        var form = completeForm()
        form.removeFirst()
        form[0].notObserved = true
        form[1].overrideLevel = 2
        form[2].observed = [0: [9]]
        let problems = InternalFormValidation.problems(form, framework: framework)
        XCTAssertEqual(
            problems.map(\.location),
            [
                "CN.1 Negotiation preparation", "CN.2 Closing agreements", "VP.1 Articulating value",
                "VP.2 Defending the offer",
            ])
        XCTAssertTrue(problems[3].message.contains("does not exist"))
    }

    func test_override_needsAReason_andWins() {
        var rating = CompetencyRatingInput(competencyCode: "CN.1", observed: [0: [0, 1]], overrideLevel: 2)
        XCTAssertTrue(
            InternalFormValidation.problems([rating], framework: framework).contains { $0.message.contains("say why") })
        rating.overrideReason = "Closed the Atlas renewal alone."
        XCTAssertEqual(rating.level(in: framework), 2)
    }

    func test_questionnaire_listsUnansweredQuestions_andUnknownOnes() {
        let questionnaire = GlobalMobilityQuestionnaire.questionnaire
        var answers = Dictionary(uniqueKeysWithValues: questionnaire.questions.map { ($0.code, FrequencyAnswer.often) })
        XCTAssertEqual(QuestionnaireValidation.problems(answers, questionnaire: questionnaire), [])
        answers["OM.2-b"] = nil
        answers["ZZ-9"] = .never
        answers["OM.3-a"] = .dontKnow
        let problems = QuestionnaireValidation.problems(answers, questionnaire: questionnaire)
        XCTAssertEqual(problems.map(\.location), ["ZZ-9", "question 5"])
    }
}

final class ActionItemTests: XCTestCase {
    let today = CalendarDate("2026-11-23")!

    func test_aCompleteAction_isSMART() {
        let action = ActionItem(
            title: "Send a written status of open cases every Friday", measure: "Twelve Friday reports by March",
            ownerName: "Hana Lopez", dueDate: CalendarDate("2027-03-31"), competencyCode: "OM.2",
            feasibilityNote: "The report is generated from the case system; 20 minutes a week.")
        XCTAssertEqual(action.smartGaps(today: today), [])
    }

    func test_eachMissingPart_isNamed() {
        let action = ActionItem(title: "Improve", measure: "", ownerName: " ", dueDate: nil)
        XCTAssertEqual(action.smartGaps(today: today), [.specific, .measurable, .assigned, .realistic, .undated])
        XCTAssertEqual(
            action.smartGaps(today: today).map { String($0.text(Localizer(.english)).prefix { $0 != ":" }) },
            ["specific", "measurable", "assigned", "realistic", "time-bound"])
    }

    func test_anOverdueOpenAction_isFlagged_butNotAClosedOne() {
        var action = ActionItem(
            title: "Agree an escalation route with procurement", measure: "Route signed", ownerName: "Ravi",
            dueDate: CalendarDate("2026-10-01"), questionCode: "OM.3-b", feasibilityNote: "One meeting.")
        XCTAssertEqual(action.smartGaps(today: today), [.overdue(CalendarDate("2026-10-01")!)])
        XCTAssertEqual(
            action.smartGaps(today: today).map { $0.text(Localizer(.french)) },
            ["temporelle : l'échéance du 1 octobre 2026 est passée"])
        action.status = .done
        XCTAssertEqual(action.smartGaps(today: today), [])
    }
}

final class SliceCatalogTests: XCTestCase {
    func responses(_ teams: [String], locations: [String]) -> [[String: String]] {
        zip(teams, locations).map { ["team": $0, "location": $1] }
    }

    func test_aSliceAlmostAsLargeAsItsParent_isSuppressed_becauseTheDifferenceIsSmall() {
        // Four of five customers are in London: "all" minus "London" would reveal the fifth.
        let data = responses(["A", "A", "A", "A", "A"], locations: ["London", "London", "London", "London", "Paris"])
        let catalog = SliceCatalog(
            responses: data, candidates: [Slice(["location": "London"]), Slice(["location": "Paris"])], minimum: 3)
        XCTAssertEqual(catalog.permitted, [.everyone])
        XCTAssertEqual(catalog.suppressed[Slice(["location": "Paris"])], .tooSmall)
        XCTAssertEqual(catalog.suppressed[Slice(["location": "London"])], .revealsASmallGroup)
    }

    func test_overlappingFilters_cannotBeCombinedToIsolateOnePerson() {
        // team=A and location=London are each large, but team=A minus (team=A and London) is one person.
        let data = responses(
            ["A", "A", "A", "A", "B", "B", "B"],
            locations: ["London", "London", "London", "Paris", "Paris", "Paris", "London"])
        let candidates = [
            Slice(["team": "A"]), Slice(["team": "B"]), Slice(["location": "London"]), Slice(["location": "Paris"]),
            Slice(["team": "A", "location": "London"]),
        ]
        let catalog = SliceCatalog(responses: data, candidates: candidates, minimum: 3)
        XCTAssertTrue(Self.everyAtomIsLargeEnough(catalog.permitted, data, minimum: 3))
        XCTAssertTrue(catalog.isPermitted(.everyone))
    }

    func test_tooFewResponsesOverall_showsNothing() {
        let catalog = SliceCatalog(
            responses: responses(["A", "A"], locations: ["X", "X"]), candidates: [], minimum: 3)
        XCTAssertEqual(catalog.permitted, [])
        XCTAssertEqual(catalog.suppressed[.everyone], .tooSmall)
    }

    func test_randomPopulations_neverLeaveASmallAtom() {
        var random = SeededGenerator(seed: 42)
        for _ in 0..<200 {
            let count = Int.random(in: 0...40, using: &random)
            let data = (0..<count).map { _ in
                [
                    "team": ["A", "B", "C"].randomElement(using: &random)!,
                    "location": ["L", "P", "S", "R"].randomElement(using: &random)!,
                    "customer": ["x", "y"].randomElement(using: &random)!,
                ]
            }
            var candidates: [Slice] = []
            for team in ["A", "B", "C"] {
                candidates.append(Slice(["team": team]))
                for location in ["L", "P", "S", "R"] { candidates.append(Slice(["team": team, "location": location])) }
            }
            for location in ["L", "P", "S", "R"] { candidates.append(Slice(["location": location])) }
            candidates += [Slice(["customer": "x"]), Slice(["customer": "y"])]
            let minimum = Int.random(in: 2...5, using: &random)
            let catalog = SliceCatalog(responses: data, candidates: candidates, minimum: minimum)
            XCTAssertTrue(Self.everyAtomIsLargeEnough(catalog.permitted, data, minimum: minimum))
            for slice in catalog.permitted {
                XCTAssertGreaterThanOrEqual(data.filter(slice.contains).count, minimum)
            }
        }
    }

    static func everyAtomIsLargeEnough(_ slices: [Slice], _ data: [[String: String]], minimum: Int) -> Bool {
        guard !slices.isEmpty else { return true }
        let atoms = Dictionary(grouping: data.indices, by: { index in slices.map { $0.contains(data[index]) } })
        return atoms.values.allSatisfy { $0.count >= minimum }
    }
}

final class ReminderAndQuestionResultTests: XCTestCase {
    let settings = CycleSettings(
        name: "2026", opensOn: CalendarDate("2026-11-01")!, closesOn: CalendarDate("2026-12-01")!,
        reminderDaysBeforeClose: [7, 3, 1, 45])

    func test_remindersFollowTheSchedule_andStopOnceSubmitted() {
        let due = ReminderSchedule.remindersDue(
            settings: settings, today: CalendarDate("2026-11-25")!, hasSubmitted: false)
        XCTAssertEqual(due.map(\.description), ["2026-11-28", "2026-11-30"])
        XCTAssertEqual(
            ReminderSchedule.remindersDue(settings: settings, today: CalendarDate("2026-11-01")!, hasSubmitted: true),
            [])
        let all = ReminderSchedule.remindersDue(
            settings: settings, today: CalendarDate("2026-10-01")!, hasSubmitted: false)
        XCTAssertEqual(
            all.map(\.description), ["2026-11-24", "2026-11-28", "2026-11-30"], "45 days before is before opening")
    }

    func test_anonymousResponses_areDatedOnTheClosingDay() {
        let actual = CalendarDate("2026-11-05")!
        XCTAssertEqual(
            ReminderSchedule.recordedSubmissionDay(for: .customer, actual: actual, settings: settings),
            settings.closesOn)
        XCTAssertEqual(
            ReminderSchedule.recordedSubmissionDay(for: .supervisor, actual: actual, settings: settings), actual)
    }

    func test_addingDays_crossesMonthsAndYears() {
        XCTAssertEqual(CalendarDate("2026-12-30")!.adding(days: 3).description, "2027-01-02")
        XCTAssertEqual(CalendarDate("2024-03-01")!.adding(days: -1).description, "2024-02-29")
        XCTAssertEqual(CalendarDate("1970-01-01")!.dayNumber, 0)
        XCTAssertEqual(CalendarDate("2000-03-01")!.dayNumber, 11_017)
        var random = SeededGenerator(seed: 9)
        for _ in 0..<500 {
            let number = Int.random(in: -20_000...80_000, using: &random)
            XCTAssertEqual(CalendarDate(dayNumber: number)?.dayNumber, number)
        }
    }

    func test_questionResult_leavesDontKnowOutOfTheMean() {
        let result = QuestionResult(questionCode: "OM.1-a", answers: [.always, .often, .dontKnow, .sometimes])
        XCTAssertEqual(result.mean ?? 0, 4, accuracy: 1e-12)
        XCTAssertEqual(result.dontKnowShare ?? 0, 0.25, accuracy: 1e-12)
        XCTAssertNil(QuestionResult(questionCode: "x", answers: [.dontKnow]).mean)
    }
}

final class CycleProposalTests: XCTestCase {
    func test_everyProblem_isNamed_andNothingIsGuessed() throws {
        let proposal = CycleProposal(
            name: "  ", frameworkID: "not-an-id", scope: "region:emea", sources: [], opensOn: "31/12/2026",
            closesOn: "2026-12-01", minimumPeers: "three", minimumCustomers: "3", minimumForComments: "3",
            reminderDays: "7, soon")
        guard case .failure(let problems) = proposal.accepted() else { return XCTFail("a bad proposal was accepted") }
        XCTAssertEqual(
            problems.messages,
            [
                "choose a published framework", "choose who is assessed",
                "the opening date must be a date like 2026-11-30", "each anonymity minimum must be a whole number",
                "reminder days must be whole numbers separated by commas, e.g. 7, 3, 1",
                // Found in the same pass, not after the first ones are mended.
                "the cycle needs a name", "choose at least one source of ratings",
            ])
        XCTAssertEqual(
            problems.validationProblems.map(\.location),
            ["frameworkID", "scope", "opensOn", "minimumPeers", "reminderDays", "name", "sources"])
    }

    func test_aGoodProposal_becomesSettings() throws {
        let team = UUID()
        let proposal = CycleProposal(
            name: "2027 review", frameworkID: UUID().uuidString, scope: "team:\(team)", sources: [.self, .peer],
            opensOn: "2027-01-04", closesOn: "2027-02-01",
            rules: AnonymityRules(
                minimumPeers: 4, minimumCustomers: 5, minimumForComments: 5), reminderDays: [5, 1])
        let accepted = try proposal.accepted().get()
        XCTAssertEqual(accepted.scope, .team(team))
        XCTAssertEqual(accepted.settings.rules.minimumPeers, 4)
        XCTAssertEqual(accepted.settings.reminderDaysBeforeClose, [5, 1])
        XCTAssertEqual(accepted.settings.sources, [.self, .peer])
    }
}

final class ActionDraftTests: XCTestCase {
    func test_everyProblem_isFoundAtOnce_andLocatedByItsField() {
        let draft = ActionDraft(
            title: "  ", measure: String(repeating: "x", count: TextLimits.description + 1), dueOn: "31/03/2027",
            addresses: "team:OM.1", status: "finished")
        guard case .failure(let problems) = draft.item() else { return XCTFail("a bad draft was accepted") }
        XCTAssertEqual(
            Set(problems.problems.map(\.location)), ["title", "measure", "dueOn", "addresses", "status"])
        XCTAssertEqual(problems.message(for: "dueOn"), "enter a date like 2027-03-31")
        XCTAssertNil(problems.message(for: "ownerName"))
    }

    func test_aStoredAction_comesBackUnchanged_throughItsDraft() throws {
        let action = ActionItem(
            title: "Agree an escalation route with procurement", measure: "Route signed", ownerName: "Ravi",
            dueDate: CalendarDate("2027-01-15"), status: .inProgress, questionCode: "OM.3-b",
            feasibilityNote: "One meeting.")
        XCTAssertEqual(try ActionDraft(action).item().get(), action)
        XCTAssertEqual(try ActionDraft(title: "Call weekly").item().get().status, .open, "a new action starts open")
    }
}
