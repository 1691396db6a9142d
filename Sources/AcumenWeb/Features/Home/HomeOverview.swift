import AcumenCore
import AcumenStore
import FluentKit
import Foundation

/// Everything a person's home page says, gathered once per visit: what is asked of them, in
/// the order to do it, and the one glance their role needs (their latest report, their team,
/// the running cycles, their accounts). Each part reads only what the viewer may see.
struct HomeOverview {
    /// A person in the supervisor's line, as the team table shows them.
    struct TeamMember {
        var person: PersonSummary
        /// The latest cycle that assesses them, with what is still waiting in it.
        var cycle: AssessmentCycle?
        var ratingSubmitted: Bool?
        var peersWaitingForApproval: Int
        /// From their latest settled report: competencies below target, furthest first.
        var gapsBelowTarget: [CompetencyGap]
        var assessed: Bool
    }

    struct RunningCycle {
        var cycle: AssessmentCycle
        var progress: CycleProgress
    }

    struct AccountOverview {
        var account: AccountSummary
        var releasedCycles: [AssessmentCycle]
        var openActions: [StoredAction]
    }

    struct LatestReport {
        var cycle: AssessmentCycle
        var framework: FrameworkContent
        var glance: ReportGlance
        var previousCycle: AssessmentCycle?
    }

    var agenda: [AgendaItem] = []
    var latestReport: LatestReport?
    var team: [TeamMember] = []
    var runningCycles: [RunningCycle] = []
    var accounts: [AccountOverview] = []
    var personName: String?

    /// `text` words every item: the person's own agenda in their language, the programme's in
    /// the language programme pages are read in (English for now).
    static func load(
        for user: UserAccount, database: any Database, today: CalendarDate, text: Localizer = Localizer(.english)
    ) async throws -> HomeOverview {
        var overview = HomeOverview()
        let viewer = user.viewer
        let cycles = try await CycleRepository(database: database).cycles()
        let cyclesByID = Dictionary(uniqueKeysWithValues: cycles.map { ($0.id, $0) })
        var items: [AgendaItem] = []
        if let personID = user.personID {
            overview.personName = try await PeopleRepository(database: database).names(ids: [personID])[personID]
            items += try await forms(personID: personID, cyclesByID: cyclesByID, database: database, text: text)
            items += try await peersToPropose(personID: personID, cycles: cycles, database: database, text: text)
            overview.latestReport = try await latestReport(personID: personID, cycles: cycles, database: database)
            items += try await learning(personID: personID, database: database, today: today, text: text)
        }
        if user.role == .supervisor || user.role.seesEveryone {
            items += try await secondRatings(user: user, cyclesByID: cyclesByID, database: database, text: text)
            items += try await calibration(user: user, database: database, today: today, text: text)
        }
        if user.role == .supervisor, let personID = user.personID {
            let team = try await PeopleRepository(database: database).people(visibleTo: viewer)
                .filter { $0.supervisorID == personID && $0.status == .active }
            let (members, approvals) = try await teamOverview(
                team, supervisorID: personID, cycles: cycles, database: database, text: text)
            overview.team = members
            items += approvals
            items += try await reobservations(of: team, database: database, today: today, text: text)
        }
        if user.role.seesEveryone {
            let (running, programmeItems) = try await programme(
                cycles: cycles, database: database, today: today, text: text)
            overview.runningCycles = running
            items += programmeItems
        }
        if user.role == .customerReviewer {
            overview.accounts = try await accounts(viewer: viewer, cycles: cycles, database: database)
        }
        overview.agenda = AgendaItem.ordered(items, on: today)
        return overview
    }

    // MARK: Everyone who rates

    private static func forms(
        personID: UUID, cyclesByID: [UUID: AssessmentCycle], database: any Database, text: Localizer
    ) async throws -> [AgendaItem] {
        try await InvitationRepository(database: database).invitations(raterPersonID: personID).compactMap {
            invitation in
            guard invitation.status == .approved, !invitation.hasSubmitted,
                let cycle = cyclesByID[invitation.cycleID], cycle.status == .open
            else { return nil }
            return AgendaItem(
                kind: .form, title: HomeMessage.task(of: invitation, text: text), detail: cycle.name,
                dueOn: cycle.settings.closesOn,
                target: .form(invitationID: invitation.id))
        }
    }

    // MARK: Account managers

    /// Cycles that assess the person, ask peers and still take nominations, where fewer peers
    /// than the anonymity minimum are proposed: below it, no peer's view can be shown.
    private static func peersToPropose(
        personID: UUID, cycles: [AssessmentCycle], database: any Database, text: Localizer
    ) async throws -> [AgendaItem] {
        var items: [AgendaItem] = []
        for cycle in cycles where cycle.refusal(nominating: .peer) == nil {
            guard try await CycleRepository(database: database).subject(cycleID: cycle.id, personID: personID) != nil
            else { continue }
            let proposed = try await InvitationRepository(database: database)
                .invitations(cycleID: cycle.id, subjectID: personID)
                .filter { $0.source == .peer && $0.status != .revoked }.count
            let minimum = cycle.settings.rules.minimumPeers
            guard proposed < minimum else { continue }
            items.append(
                AgendaItem(
                    kind: .proposePeers, title: text.text(HomeMessage.proposePeers, ["cycle": cycle.name]),
                    detail: text.text(
                        HomeMessage.proposePeersDetail,
                        ["proposed": text.integer(proposed), "minimum": text.integer(minimum)]),
                    dueOn: cycle.status == .draft ? cycle.settings.opensOn : cycle.settings.closesOn,
                    target: .cycleSubject(cycleID: cycle.id, personID: personID)))
        }
        return items
    }

    private static func latestReport(personID: UUID, cycles: [AssessmentCycle], database: any Database)
        async throws -> LatestReport?
    {
        // Cycles come newest first (by opening date); each is asked once whether it assesses them.
        var released: [(cycle: AssessmentCycle, subject: CycleSubject)] = []
        for cycle in cycles where cycle.status == .released {
            if let subject = try await CycleRepository(database: database).subject(
                cycleID: cycle.id, personID: personID)
            {
                released.append((cycle, subject))
            }
        }
        guard let (latest, subject) = released.first else { return nil }
        let current = try await ReportsController.load(cycle: latest, subject: subject, database: database)
        let earlier = released.dropFirst().first { $0.cycle.frameworkID == latest.frameworkID }
        var previous: PersonReport?
        if let earlier {
            previous = try await ReportsController.load(
                cycle: earlier.cycle, subject: earlier.subject, database: database
            )
            .report
        }
        let previousCycle = earlier?.cycle
        return LatestReport(
            cycle: latest, framework: current.framework,
            glance: ReportGlance(report: current.report, previous: previous), previousCycle: previousCycle)
    }

    /// Roadmap items due within a month and refreshers due within two weeks (overdue ones included).
    private static func learning(personID: UUID, database: any Database, today: CalendarDate, text: Localizer)
        async throws -> [AgendaItem]
    {
        guard
            let roadmap = try await RoadmapRepository(database: database).roadmap(
                personID: personID, includingHistory: false)
        else {
            return []
        }
        let items = roadmap.due(within: 31, of: today).items.map { item in
            AgendaItem(
                kind: .learning, title: text.text(HomeMessage.learning, ["title": item.offeringTitle]),
                detail: text.text(HomeMessage.learningDetail), dueOn: item.due, target: .roadmap(personID: personID))
        }
        let refreshers = roadmap.due(within: 14, of: today).followUps.filter { $0.kind == .refresher }.map {
            followUp in
            AgendaItem(
                kind: .refresher,
                title: text.text(
                    HomeMessage.refresher, ["number": text.integer(followUp.number), "title": followUp.offeringTitle]),
                detail: text.text(HomeMessage.learningDetail), dueOn: followUp.due,
                target: .roadmap(personID: personID))
        }
        return items + refreshers
    }

    // MARK: Supervisors

    /// Re-observations of the supervisor's direct reports due within two weeks.
    private static func reobservations(
        of team: [PersonSummary], database: any Database, today: CalendarDate, text: Localizer
    ) async throws -> [AgendaItem] {
        let names = Dictionary(team.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let items = try await RoadmapRepository(database: database).followUpsDue(
            personIDs: team.map(\.id), kind: .reobservation, by: today.adding(days: 14)
        ).map { personID, followUp in
            AgendaItem(
                kind: .reobservation,
                title: text.text(
                    HomeMessage.reobservation, ["name": names[personID] ?? "", "code": followUp.competencyCode]),
                detail: followUp.offeringTitle, dueOn: followUp.due, target: .roadmap(personID: personID))
        }
        return items
    }

    private static func secondRatings(
        user: UserAccount, cyclesByID: [UUID: AssessmentCycle], database: any Database, text: Localizer
    ) async throws -> [AgendaItem] {
        try await DoubleRatingRepository(database: database).assignments(raterUserID: user.id)
            .filter { $0.submittedOn == nil }
            .map { assignment in
                AgendaItem(
                    kind: .secondRating,
                    title: text.text(HomeMessage.secondRating, ["subject": assignment.subjectName]),
                    detail: assignment.cycleName, dueOn: cyclesByID[assignment.cycleID]?.settings.closesOn,
                    target: .secondRating(assignmentID: assignment.id))
            }
    }

    private static func calibration(user: UserAccount, database: any Database, today: CalendarDate, text: Localizer)
        async throws -> [AgendaItem]
    {
        let repository = CalibrationRepository(database: database)
        let open = try await repository.summaries(participantUserID: user.id)
            .filter { $0.exercise.status == .open && $0.submittedByParticipantOn == nil }
        if !open.isEmpty {
            return open.map { summary in
                AgendaItem(
                    kind: .calibration, title: text.text(HomeMessage.exercise, ["exercise": summary.exercise.title]),
                    detail: text.text(HomeMessage.exerciseDetail, count: summary.cases),
                    target: .calibrationExercise(summary.exercise.id))
            }
        }
        guard user.role == .supervisor,
            let reason = RecalibrationReason.due(try await repository.status(userID: user.id), on: today)
        else { return [] }
        var dueOn: CalendarDate?
        if case .expiresSoon(let day) = reason { dueOn = day }
        return [
            AgendaItem(
                kind: .calibration, title: text.text(HomeMessage.calibrate),
                detail: text.text(HomeMessage.calibrateDetail, ["reason": HomeMessage.reason(reason, text: text)]),
                dueOn: dueOn, target: .calibrationList)
        ]
    }

    private static func teamOverview(
        _ team: [PersonSummary], supervisorID: UUID, cycles: [AssessmentCycle], database: any Database,
        text: Localizer
    ) async throws -> ([TeamMember], [AgendaItem]) {
        guard !team.isEmpty else { return ([], []) }
        let cycleRepository = CycleRepository(database: database)
        let invitations = InvitationRepository(database: database)
        var members: [UUID: TeamMember] = Dictionary(
            uniqueKeysWithValues: team.map {
                ($0.id, TeamMember(person: $0, peersWaitingForApproval: 0, gapsBelowTarget: [], assessed: false))
            })
        var items: [AgendaItem] = []
        // Newest cycles first: each person's row shows the latest cycle that assesses them.
        for cycle in cycles {
            let subjects = try await cycleRepository.subjects(cycleID: cycle.id).filter { members[$0.id] != nil }
            guard !subjects.isEmpty else { continue }
            let cycleInvitations = try await invitations.invitations(cycleID: cycle.id)
            for subject in subjects {
                let about = cycleInvitations.filter { $0.subjectID == subject.id }
                let waiting = about.filter { $0.status == .nominated }.count
                if waiting > 0, cycle.refusal(nominating: .peer) == nil {
                    items.append(
                        AgendaItem(
                            kind: .approvePeers,
                            title: text.text(HomeMessage.approvePeers, ["subject": subject.name]),
                            detail: text.text(HomeMessage.approvePeersDetail, count: waiting, ["cycle": cycle.name]),
                            dueOn: cycle.status == .draft ? cycle.settings.opensOn : cycle.settings.closesOn,
                            target: .cycleSubject(cycleID: cycle.id, personID: subject.id)))
                }
                guard var member = members[subject.id], member.cycle == nil else { continue }
                member.cycle = cycle
                member.peersWaitingForApproval = waiting
                member.ratingSubmitted =
                    about.first { $0.source == .supervisor && $0.raterPersonID == supervisorID }?.hasSubmitted
                if cycle.status.isSettled {
                    member.assessed = true
                    member.gapsBelowTarget = try await ReportsController.load(
                        cycle: cycle, subject: subject, database: database
                    ).report.gaps.filter { $0.standing == .below }
                }
                members[subject.id] = member
            }
        }
        return (team.compactMap { members[$0.id] }, items)
    }

    // MARK: Programme managers

    private static func programme(
        cycles: [AssessmentCycle], database: any Database, today: CalendarDate, text: Localizer
    ) async throws -> ([RunningCycle], [AgendaItem]) {
        var items: [AgendaItem] = []
        var running: [RunningCycle] = []
        let cycleRepository = CycleRepository(database: database)
        let invitations = InvitationRepository(database: database)
        for cycle in cycles {
            let named = ["cycle": cycle.name]
            switch cycle.status {
            case .draft, .open:
                let subjects = try await cycleRepository.subjects(cycleID: cycle.id).map(\.id)
                let disclosure = try await CycleDisclosure.load(cycle: cycle, database: database)
                let progress = CycleProgress(
                    cycle: cycle, subjectIDs: subjects,
                    invitations: try await invitations.invitations(cycleID: cycle.id),
                    answered: disclosure.totals, today: today)
                running.append(RunningCycle(cycle: cycle, progress: progress))
                if cycle.status == .draft {
                    items.append(
                        AgendaItem(
                            kind: .openCycle, title: text.text(ProgrammeHomeMessage.openTitle, named),
                            detail: text.text(
                                ProgrammeHomeMessage.openDetail, count: subjects.count,
                                ["date": text.date(cycle.settings.opensOn)]),
                            dueOn: cycle.settings.opensOn, target: .cycle(cycle.id)))
                } else if progress.daysLeft < 0 {
                    items.append(
                        AgendaItem(
                            kind: .closeCycle, title: text.text(ProgrammeHomeMessage.closeTitle, named),
                            detail: text.text(ProgrammeHomeMessage.closeDetail),
                            dueOn: cycle.settings.closesOn, target: .cycle(cycle.id)))
                }
                if progress.subjectsShortOfRaters > 0 {
                    items.append(
                        AgendaItem(
                            kind: .shortOfRaters,
                            title: text.text(ProgrammeHomeMessage.shortTitle, count: progress.subjectsShortOfRaters),
                            detail: text.text(ProgrammeHomeMessage.shortDetail, named),
                            dueOn: cycle.status == .draft ? cycle.settings.opensOn : cycle.settings.closesOn,
                            target: .cycle(cycle.id)))
                }
            case .closed:
                items.append(
                    AgendaItem(
                        kind: .releaseResults, title: text.text(ProgrammeHomeMessage.releaseTitle, named),
                        detail: text.text(ProgrammeHomeMessage.releaseDetail), target: .cycle(cycle.id)))
            case .released:
                break
            }
        }
        let failed = try await OutboxRepository(database: database).counts()[.failed] ?? 0
        if failed > 0 {
            items.append(
                AgendaItem(
                    kind: .failedMail, title: text.text(ProgrammeHomeMessage.failedMailTitle, count: failed),
                    detail: text.text(ProgrammeHomeMessage.failedMailDetail), target: .outbox))
        }
        for framework in try await FrameworkRepository(database: database).summaries() where framework.status == .draft
        {
            items.append(
                AgendaItem(
                    kind: .reviewFramework,
                    title: text.text(
                        ProgrammeHomeMessage.reviewTitle,
                        ["framework": framework.name, "version": text.integer(framework.version)]),
                    detail: text.text(ProgrammeHomeMessage.reviewDetail), target: .framework(framework.id)))
        }
        let withoutLogin = try await RecalibrationList.withoutLogin(database: database)
        if !withoutLogin.isEmpty {
            items.append(
                AgendaItem(
                    kind: .calibration,
                    title: text.text(ProgrammeHomeMessage.withoutLoginTitle, count: withoutLogin.count),
                    detail: text.text(ProgrammeHomeMessage.withoutLoginDetail), target: .calibrationDue))
        }
        let due = try await RecalibrationList.make(database: database, today: today)
        if !due.isEmpty {
            items.append(
                AgendaItem(
                    kind: .calibration, title: text.text(ProgrammeHomeMessage.dueTitle, count: due.count),
                    detail: text.text(ProgrammeHomeMessage.dueDetail), target: .calibrationDue))
        }
        return (running, items)
    }

    // MARK: Customer reviewers

    private static func accounts(viewer: Viewer, cycles: [AssessmentCycle], database: any Database)
        async throws -> [AccountOverview]
    {
        let visible = try await PeopleRepository(database: database).visiblePersonIDs(for: viewer)
        var result: [AccountOverview] = []
        for account in try await AccountRepository(database: database).accounts(visibleTo: visible) {
            let asked = try await InvitationRepository(database: database).cycleIDs(invitingCustomersOf: account.id)
            result.append(
                AccountOverview(
                    account: account,
                    releasedCycles: cycles.filter { $0.status == .released && asked.contains($0.id) },
                    openActions: try await ActionPlanRepository(database: database).actions(accountID: account.id)
                        .filter { !$0.item.status.isClosed }))
        }
        return result
    }
}
