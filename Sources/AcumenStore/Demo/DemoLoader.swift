import AcumenCore
import FluentKit
import Foundation
import SQLKit

/// Loads the demo organisation and the built-in frameworks. Running it again adds nothing new:
/// people and accounts are matched by email and name, frameworks and logins by name and email.
public struct DemoLoader: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public struct Outcome: Sendable {
        public var organisation: DemoOrganisation
        public var createdSomething: Bool
    }

    /// - Parameters:
    ///   - baseURL: the server's public address, under which the demo offerings' xAPI activity ids are made.
    ///   - passwordHash: the hash of `DemoOrganisation.password`, made by the caller's hasher.
    ///   - withPastCycle: whether to add the released annual review (`DemoHistory`) that reports
    ///     and roadmaps start from; tests of a fresh organisation leave it out.
    public func load(
        baseURL: String = "http://127.0.0.1:8080", withPastCycle: Bool = true,
        passwordHash: @Sendable () throws -> String
    ) async throws -> Outcome {
        var generator = DemoGenerator()
        let demo = generator.generate()
        var created = false

        let known = try await PeopleRepository(database: database).allEmails()
        let missingPeople = demo.people.filter { !known.contains($0.email) }
        if !missingPeople.isEmpty {
            try await database.transaction { database in
                var directory = try await Directory.load(on: database)
                try await directory.renameVendor(to: demo.vendorName, on: database)
                _ = try await PeopleRepository(database: database).store(demo.people, events: demo.events)
                _ = try await AccountRepository(database: database).store(demo.accounts)
            }
            created = true
        }

        let frameworks = FrameworkRepository(database: database)
        for content in BuiltInFrameworks.frameworks
        where try await FrameworkRow.query(on: database).filter(\.$name == content.name).first() == nil {
            try await frameworks.create(
                content, status: .published, roleProfiles: RoleProfile.standardProfiles(for: content))
            created = true
        }

        let users = UserRepository(database: database)
        var hash: String?
        for login in demo.logins where try await users.user(email: login.email) == nil {
            if hash == nil { hash = try passwordHash() }
            try await users.create(email: login.email, passwordHash: hash!, role: login.role)
            created = true
        }
        let knownHash = hash
        if try await loadCalibration(demo, passwordHash: { try knownHash ?? passwordHash() }) { created = true }
        if try await loadCatalogue(baseURL: baseURL) { created = true }
        if withPastCycle, try await loadPastCycle(demo) { created = true }
        if withPastCycle, try await loadLearningHistory() { created = true }
        if withPastCycle, try await loadEarlierCycle(demo) { created = true }
        if try await loadSessions(demo) { created = true }
        if try await loadCommunity(demo, baseURL: baseURL) { created = true }
        if try await loadVendorScorecard(demo) { created = true }
        if try await loadKnowledgeChecks(demo, withAttempts: withPastCycle) { created = true }
        return Outcome(organisation: demo, createdSomething: created)
    }

    /// The demo catalogue, once: when the catalogue has no offering at all.
    private func loadCatalogue(baseURL: String) async throws -> Bool {
        let catalogue = CatalogueRepository(database: database)
        guard try await catalogue.offerings().isEmpty,
            let globalMobility = try await FrameworkRow.query(on: database)
                .filter(\.$name == GlobalMobilityAccountManagerFramework.name).first()?.id,
            let general = try await FrameworkRow.query(on: database)
                .filter(\.$name == GeneralAccountManagementFramework.name).first()?.id
        else { return false }
        try await catalogue.save(
            DemoCatalogue.offerings(
                frameworks: .init(globalMobility: globalMobility, general: general), baseURL: baseURL))
        return true
    }

    /// Team leads who took the demo calibration exercise before the demo starts (not the printed supervisor).
    public static func calibrationParticipants(_ demo: DemoOrganisation) -> [String] {
        let printed = Set(demo.logins.map(\.email))
        return demo.people.filter { $0.jobTitle == "Account Management Team Lead" && !printed.contains($0.email) }
            .prefix(DemoCalibration.earlierParticipants).map(\.email)
    }

    /// The demo exercise: open, with the printed supervisor still to take it and four team leads
    /// who already did. Added once; an exercise with the same title means it is there.
    private func loadCalibration(_ demo: DemoOrganisation, passwordHash: () throws -> String) async throws -> Bool {
        let repository = CalibrationRepository(database: database)
        guard try await !repository.summaries().contains(where: { $0.exercise.title == DemoCalibration.title }),
            let framework = try await FrameworkRow.query(on: database)
                .filter(\.$name == GlobalMobilityAccountManagerFramework.name).first(),
            let frameworkID = framework.id,
            let supervisorEmail = demo.logins.first(where: { $0.role == .supervisor })?.email
        else { return false }
        let content = try await FrameworkRepository(database: database).version(id: frameworkID).content
        let users = UserRepository(database: database)
        var earlier: [UUID] = []
        var hash: String?
        for email in Self.calibrationParticipants(demo) {
            if let user = try await users.user(email: email) {
                earlier.append(user.id)
            } else {
                if hash == nil { hash = try passwordHash() }
                earlier.append(try await users.create(email: email, passwordHash: hash!, role: .supervisor).id)
            }
        }
        guard let supervisor = try await users.user(email: supervisorEmail) else { return false }
        let today = CalendarDate.today
        let id = try await repository.create(
            title: DemoCalibration.title,
            framework: try await FrameworkRepository(database: database).summary(id: frameworkID),
            panel: DemoCalibration.panel, thresholds: .standard, today: today)
        var caseIDs: [UUID] = []
        for demoCase in DemoCalibration.cases {
            let caseID = try await repository.addCase(
                exerciseID: id, title: demoCase.title, kind: demoCase.kind, material: demoCase.material, link: "",
                competencyCodes: demoCase.masters.map(\.code), framework: content)
            caseIDs.append(caseID)
            let masters = demoCase.masters.compactMap { master -> (CompetencyRatingInput, String)? in
                content.competencies.first { $0.code == master.code }.map { competency in
                    (
                        CompetencyRatingInput(
                            competencyCode: master.code,
                            observed: DemoCalibration.ticks(showing: master.level, competency: competency)),
                        master.rationale
                    )
                }
            }
            try await repository.setMasterRatings(exerciseID: id, caseID: caseID, masters, framework: content)
        }
        try await repository.addParticipants(
            exerciseID: id, userIDs: [supervisor.id] + earlier, users: try await users.users())
        try await repository.setStatus(.open, exerciseID: id)
        for (participant, userID) in earlier.enumerated() {
            for (demoCase, caseID) in zip(DemoCalibration.cases, caseIDs) {
                var ratings: [CompetencyRatingInput] = []
                for (master, level) in zip(demoCase.masters, demoCase.earlierRatings[participant]) {
                    guard let competency = content.competencies.first(where: { $0.code == master.code }) else {
                        continue
                    }
                    ratings.append(
                        CompetencyRatingInput(
                            competencyCode: master.code,
                            observed: DemoCalibration.ticks(showing: level, competency: competency)))
                }
                try await repository.saveRatings(
                    exerciseID: id, userID: userID, caseID: caseID, ratings: ratings, framework: content)
            }
            try await repository.submitAttempt(
                exerciseID: id, userID: userID, levelCount: content.levels.count, today: today)
        }
        return true
    }

    /// The released annual review of every account manager (`DemoHistory`): self, supervisor and
    /// customer reviewers answered, as raters would have. Added once; a cycle of that name means it is there.
    private func loadPastCycle(_ demo: DemoOrganisation) async throws -> Bool {
        try await loadReleasedCycle(
            demo, name: DemoHistory.cycleName, dates: DemoHistory.dates(today: .today), ratesOnlyThoseHiredBy: false,
            supervisorLevel: { subject, competency, _ in
                DemoHistory.supervisorLevel(subject: subject, competency: competency)
            })
    }

    /// The same review a year earlier, once the year of learning between them is on people's
    /// records: who took training then decides how far they have come since.
    private func loadEarlierCycle(_ demo: DemoOrganisation) async throws -> Bool {
        let earlier = DemoHistory.earlierDates(today: .today)
        guard
            let between = ReportingPeriod(
                from: earlier.closesOn.adding(days: 1), to: DemoHistory.dates(today: .today).closesOn)
        else { return false }
        let trained = Set(try await AnalyticsRepository(database: database).completions(in: between).map(\.personID))
        let people = PeopleRepository(database: database)
        var trainedSubjects: Set<Int> = []
        for (subject, manager) in demo.accountManagers.enumerated() {
            if let id = try await people.personID(email: manager.email), trained.contains(id) {
                trainedSubjects.insert(subject)
            }
        }
        let trainedPeople = trainedSubjects
        return try await loadReleasedCycle(
            demo, name: DemoHistory.earlierCycleName, dates: earlier, ratesOnlyThoseHiredBy: true,
            supervisorLevel: { subject, competency, top in
                DemoHistory.earlierSupervisorLevel(
                    subject: subject, competency: competency, trained: trainedPeople.contains(subject), top: top)
            })
    }

    /// A released review of every account manager (or, with `ratesOnlyThoseHiredBy`, of those
    /// hired by its closing day): self, supervisor and customer reviewers answered as raters
    /// would have, the supervisor at the level given (by the person's place in the demo's list,
    /// the competency's place in the framework, and the scale's top). Added once; a cycle of
    /// that name means it is there. The last round rates everyone so that every account manager
    /// has results to start from.
    private func loadReleasedCycle(
        _ demo: DemoOrganisation, name: String, dates: (opensOn: CalendarDate, closesOn: CalendarDate),
        ratesOnlyThoseHiredBy: Bool, supervisorLevel: @escaping @Sendable (Int, Int, Int) -> Int
    ) async throws -> Bool {
        let cycles = CycleRepository(database: database)
        guard try await !cycles.cycles().contains(where: { $0.name == name }),
            let frameworkID = try await FrameworkRow.query(on: database)
                .filter(\.$name == GlobalMobilityAccountManagerFramework.name).first()?.id
        else { return false }
        let framework = try await FrameworkRepository(database: database).version(id: frameworkID).content
        let top = framework.levels.count - 1
        let settings = CycleSettings(
            name: name, sources: [.self, .supervisor, .customer], opensOn: dates.opensOn, closesOn: dates.closesOn)
        let questionnaire = Questionnaire.starting(for: framework, from: GlobalMobilityQuestionnaire.questionnaire)
        let subjectOrder = Dictionary(
            demo.accountManagers.enumerated().map { ($0.element.email, $0.offset) },
            uniquingKeysWith: { first, _ in first })
        try await database.transaction { database in
            let cycles = CycleRepository(database: database)
            let created = try await cycles.create(
                frameworkID: frameworkID, settings: settings, scope: .allAccountManagers,
                questionnaire: questionnaire, today: dates.opensOn)
            let contacts = try await PeopleRepository(database: database).contacts(ids: Set(created.subjects))
            let hired = Dictionary(
                uniqueKeysWithValues: try await cycles.subjects(cycleID: created.id).map { ($0.id, $0.hireDate) })
            let invitations = InvitationRepository(database: database)
            try await invitations.createAutomatic(
                cycleID: created.id, subjects: created.subjects, sources: settings.sources)
            _ = try await cycles.advance(cycleID: created.id, from: .draft, today: dates.opensOn)
            let responses = ResponseRepository(database: database)
            var reviewerNumber: [UUID: Int] = [:]
            for invitation in try await invitations.invitations(cycleID: created.id) {
                guard let contact = contacts[invitation.subjectID], let subject = subjectOrder[contact.email],
                    !ratesOnlyThoseHiredBy
                        || (hired[invitation.subjectID].flatMap { $0 }.map { $0 <= dates.closesOn } ?? true)
                else { continue }
                let content: ResponseContent
                switch invitation.source {
                case .customer:
                    let reviewer = reviewerNumber[invitation.subjectID, default: 0]
                    reviewerNumber[invitation.subjectID] = reviewer + 1
                    content = .answers(
                        questionnaire.questions.enumerated().map { position, question in
                            let competency =
                                framework.competencies.firstIndex { $0.code == question.competencyCode } ?? 0
                            return AnswerRecord(
                                questionCode: question.code,
                                answer: DemoHistory.customerAnswer(
                                    level: supervisorLevel(subject, competency, top), reviewer: reviewer,
                                    question: position),
                                comment: "")
                        })
                case .self, .supervisor:
                    content = .ratings(
                        framework.competencies.enumerated().map { index, competency in
                            let supervisor = supervisorLevel(subject, index, top)
                            let level =
                                invitation.source == .self
                                ? DemoHistory.selfLevel(
                                    supervisor: supervisor, subject: subject, competency: index, top: top)
                                : supervisor
                            return RatingRecord(
                                CompetencyRatingInput(
                                    competencyCode: competency.code,
                                    observed: DemoCalibration.ticks(showing: level, competency: competency)),
                                framework: framework)
                        })
                case .peer: continue
                }
                try await responses.submit(
                    invitation: invitation, content: content,
                    attribution: ResponseAttribution(
                        invitation: invitation, raterKey: "demo-history|\(invitation.id.uuidString)",
                        today: dates.closesOn.adding(days: -3), settings: settings, calibration: nil))
            }
            _ = try await cycles.advance(cycleID: created.id, from: .open, today: dates.closesOn)
            _ = try await cycles.advance(cycleID: created.id, from: .closed, today: dates.closesOn)
        }
        return true
    }

    /// The year of learning before the past review (`DemoLearningHistory`), once: when nobody
    /// has completed anything. Kept on people's learning records as an LMS would have reported
    /// it, before their roadmaps were drafted.
    private func loadLearningHistory() async throws -> Bool {
        let sql = database.sql
        let recorded =
            try await sql.raw("SELECT COUNT(*) AS n FROM learning_completions").first()?.decode(
                column: "n", as: Int.self) ?? 0
        guard recorded == 0 else { return false }
        let history = DemoLearningHistory.completions(
            of: try await AnalyticsRepository(database: database).accountManagers(),
            offerings: try await CatalogueRepository(database: database).offerings(),
            yearEndingOn: DemoHistory.dates(today: .today).opensOn.adding(days: -1))
        guard !history.isEmpty else { return false }
        let at = Date()
        try await database.transaction { database in
            for completion in history {
                _ = try await CompletionRepository.keep(
                    .init(
                        personID: completion.personID, offeringID: completion.offeringID, completedOn: completion.day),
                    source: Self.learningHistorySource, at: at, sql: database.sql)
            }
        }
        return true
    }

    static let learningHistorySource = "LMS (demo history)"

    /// The demo's sessions (`DemoSessions`), once: when no session exists. People from each past
    /// session's office hold its seats, so its trainer has a register to keep.
    private func loadSessions(_ demo: DemoOrganisation) async throws -> Bool {
        let repository = SessionRepository(database: database)
        guard try await repository.sessions().isEmpty else { return false }
        let offerings = try await CatalogueRepository(database: database).offerings()
        guard !offerings.isEmpty else { return false }
        let trainers = demo.logins.filter { $0.role == .programmeManager || $0.role == .supervisor }.map(\.email)
        let today = CalendarDate.today
        let people = try await PeopleRepository(database: database).people(
            visibleTo: Viewer(userID: UUID(), email: "", role: .administrator, personID: nil))
        for session in DemoSessions.sessions(for: offerings, trainers: trainers, today: today) {
            try await repository.create(session)
            guard session.startsOn < today else { continue }
            let attendees = people.filter { $0.location == session.place && AccountManagerTitle.matches($0.jobTitle) }
            for person in attendees.prefix(session.seats) {
                try await repository.enrol(sessionID: session.id, personID: person.id, at: Date())
            }
        }
        return true
    }

    /// Three things account managers made for each other: two published, one waiting for the
    /// programme manager's review. Added once: when nothing was ever shared.
    private func loadCommunity(_ demo: DemoOrganisation, baseURL: String) async throws -> Bool {
        let community = CommunityRepository(database: database)
        guard try await community.submissions().isEmpty,
            let framework = try await FrameworkRow.query(on: database)
                .filter(\.$name == GlobalMobilityAccountManagerFramework.name).first()?.id
        else { return false }
        let people = PeopleRepository(database: database)
        let contributors = demo.accountManagers.prefix(3).map(\.email)
        for (index, shared) in DemoCommunity.submissions.enumerated() where index < contributors.count {
            guard let personID = try await people.personID(email: contributors[index]) else { continue }
            let name = try await people.names(ids: [personID])[personID] ?? ""
            let submission = CommunitySubmission(
                id: shared.id, title: shared.title, summary: shared.summary, format: shared.format, link: shared.link,
                durationMinutes: shared.minutes, category: shared.category,
                target: CompetencyTarget(
                    frameworkID: framework, competencyCode: shared.competency, fromLevel: 0, toLevel: 1),
                contributorPersonID: personID, contributorName: name)
            try await community.submit(submission, at: Date())
            if shared.published {
                try await community.publish(
                    submission, as: submission.offering(phase: .technical, baseURL: baseURL), note: "Thank you!")
            }
        }
        return true
    }

    /// The demo customer's other vendors (`DemoVendorScorecard`), scored last year and this year
    /// by its printed reviewer. Added once: when the customer scores no vendor yet.
    private func loadVendorScorecard(_ demo: DemoOrganisation) async throws -> Bool {
        guard let login = demo.logins.first(where: { $0.role == .customerReviewer }),
            let personID = try await PeopleRepository(database: database).personID(email: login.email),
            let user = try await UserRepository(database: database).user(email: login.email)
        else { return false }
        let repository = VendorScorecardRepository(database: database)
        guard let customer = try await repository.customer(ofPerson: personID),
            try await repository.vendors(customerID: customer.id).isEmpty
        else { return false }
        let questions = GlobalMobilityQuestionnaire.questionnaire.questions
        let thisYear = CalendarDate.today.year
        try await database.transaction { database in
            let repository = VendorScorecardRepository(database: database)
            for vendor in DemoVendorScorecard.vendors {
                let id = try await repository.addVendor(named: vendor.name, customerID: customer.id)
                for (offset, standing) in vendor.standing.enumerated() {
                    let year = thisYear - (vendor.standing.count - 1 - offset)
                    for reviewer in 0..<DemoVendorScorecard.questionnairesPerYear {
                        try await repository.addRating(
                            vendorID: id, customerID: customer.id, year: year,
                            answers: questions.enumerated().map { position, question in
                                (
                                    question.code, question.competencyCode,
                                    DemoVendorScorecard.answer(
                                        standing: standing, reviewer: reviewer, position: position)
                                )
                            }, byUserID: user.id, on: CalendarDate(year: year, month: 6, day: 30) ?? .today)
                    }
                }
                for action in vendor.actions {
                    let actionID = try await repository.addAction(
                        vendorID: id, customerID: customer.id, year: thisYear - 1, title: action.title,
                        ownerName: action.owner, dueDate: nil)
                    if action.status != .open {
                        try await repository.setStatus(action.status, actionID: actionID, customerID: customer.id)
                    }
                }
            }
        }
        return true
    }

    /// The demo's question bank and checks (`DemoQuestionBank`, `DemoKnowledgeChecks`), once: when
    /// the bank is empty. With the past, a term of attempts by account managers who are not demo
    /// logins, so that the item analysis shows something and the logins start afresh.
    private func loadKnowledgeChecks(_ demo: DemoOrganisation, withAttempts: Bool) async throws -> Bool {
        let bank = QuestionBankRepository(database: database)
        guard try await bank.latest().isEmpty else { return false }
        let now = Date()
        _ = try await bank.save(DemoQuestionBank.questions, at: now)
        let questions = try await bank.latest()
        let byID = Dictionary(questions.map { ($0.id, $0) }) { first, _ in first }
        let offerings = try await CatalogueRepository(database: database).offerings()
        let checks = KnowledgeCheckRepository(database: database)
        for demoCheck in DemoKnowledgeChecks.checks {
            // A catalogue changed since the demo first loaded may lack the offering: the check then stands alone.
            let offering = offerings.first { $0.code == demoCheck.offeringCode && $0.format == .knowledgeCheck }
            try await checks.save(
                .init(check: demoCheck.check, offeringID: offering?.id, isVerbal: demoCheck.isVerbal), at: now)
        }
        guard withAttempts else { return true }
        let logins = Set(demo.logins.map(\.email))
        let people = PeopleRepository(database: database)
        var takers: [(id: UUID, ability: Double)] = []
        for person in demo.accountManagers.filter({ !logins.contains($0.email) }).prefix(80) {
            if let id = try await people.personID(email: person.email) {
                takers.append((id, DemoKnowledgeChecks.ability(of: person.email)))
            }
        }
        let written = takers
        // One transaction: a term of attempts written one commit at a time took seconds on SQLite.
        try await database.transaction { database in
            let checks = KnowledgeCheckRepository(database: database)
            var generator = SeededGenerator(seed: 2026)
            for demoCheck in DemoKnowledgeChecks.checks where !demoCheck.isVerbal {
                let stored = try await checks.check(id: demoCheck.check.id)
                for (index, taker) in written.enumerated() {
                    var ability = taker.ability
                    for number in 1...2 {
                        let day = now.addingTimeInterval(-Double(70 - index % 60 - number * 5) * 86_400)
                        guard let paper = AttemptPaper.draw(for: stored.check, bank: questions, seed: generator.next())
                        else { break }
                        var answers: [UUID: GivenAnswer] = [:]
                        var fields: [String: String] = [:]
                        for item in paper.items {
                            guard let question = byID[item.questionID],
                                let answer = DemoKnowledgeChecks.answer(
                                    question, optionOrder: item.optionOrder, ability: ability, using: &generator)
                            else { continue }
                            answers[item.questionID] = answer
                            fields.merge(AttemptForm.fields(for: answer, question: question)) { _, new in new }
                        }
                        let id = UUID()
                        _ = try await checks.start(
                            id: id, checkID: stored.check.id, personID: taker.id, number: number, paper: paper,
                            at: day.addingTimeInterval(-900))
                        _ = try await checks.save(fields: fields, attemptID: id)
                        let settlement = KnowledgeCheckRepository.Settlement.scoring(
                            paper, questions: byID, answers: answers, assessed: [:], passMark: stored.check.passMark,
                            completes: stored.offeringID, source: KnowledgeCheckRepository.completionSource)
                        _ = try await checks.submit(
                            attemptID: id, settlement: settlement, on: CalendarDate(day), at: day)
                        // Those who failed come back a little better prepared, some of them.
                        guard settlement.passed == false, ability > -0.8 else { break }
                        ability += 0.6
                    }
                }
            }
        }
        return true
    }
}
