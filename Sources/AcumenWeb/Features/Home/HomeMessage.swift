import AcumenCore

/// The words of the home page of account managers, supervisors and customers, and of their
/// agenda; programme managers' parts stay English, as programme pages do.
enum HomeMessage: String, MessageKey, CaseIterable {
    case title = "home.title"
    case welcome = "home.welcome"
    case next = "home.next"
    case nothing = "home.nothing"
    case dueToday = "home.due.today"
    case dueTomorrow = "home.due.tomorrow"
    case dueInDays = "home.due.inDays"
    case late = "home.late"
    case agendaSelf = "agenda.self"
    case agendaPeer = "agenda.peer"
    case agendaSupervisor = "agenda.supervisor"
    case agendaCustomer = "agenda.customer"
    case proposePeers = "agenda.proposePeers"
    case proposePeersDetail = "agenda.proposePeers.detail"
    case secondRating = "agenda.secondRating"
    case learning = "agenda.learning"
    case learningDetail = "agenda.learning.detail"
    case refresher = "agenda.refresher"
    case reobservation = "agenda.reobservation"
    case exercise = "agenda.exercise"
    case exerciseDetail = "agenda.exercise.detail"
    case calibrate = "agenda.calibrate"
    case calibrateDetail = "agenda.calibrate.detail"
    case neverCalibrated = "calibration.never"
    case notCalibrated = "calibration.failed"
    case expired = "calibration.expired"
    case expiresSoon = "calibration.expiresSoon"
    case approvePeers = "agenda.approvePeers"
    case approvePeersDetail = "agenda.approvePeers.detail"
    case latestReport = "home.latestReport"
    case openDashboard = "home.openDashboard"
    case noReport = "home.noReport"
    case reportGlance = "home.reportGlance"
    case strengths = "home.strengths"
    case strengthsNone = "home.strengthsNone"
    case develop = "home.develop"
    case developNone = "home.developNone"
    case since = "home.since"
    case noChange = "home.noChange"
    case up = "home.up"
    case down = "home.down"
    case firstReport = "home.firstReport"
    case team = "home.team"
    case teamNone = "home.teamNone"
    case teamCaption = "home.team.caption"
    case person = "home.team.person"
    case latestCycle = "home.team.latestCycle"
    case yourRating = "home.team.yourRating"
    case peersToApprove = "home.team.peersToApprove"
    case belowTarget = "home.team.belowTarget"
    case noCycle = "home.team.noCycle"
    case submitted = "home.team.submitted"
    case waiting = "home.team.waiting"
    case notAsked = "home.team.notAsked"
    case none = "home.none"
    case notAssessed = "home.team.notAssessed"
    case gaps = "home.team.gaps"
    case cycleWithStatus = "home.team.cycle"
    case accounts = "home.accounts"
    case accountsNone = "home.accountsNone"
    case noResults = "home.account.noResults"
    case released = "home.account.released"
    case noActions = "home.account.noActions"
    case openActions = "home.account.openActions"
    case action = "home.account.action"
    case actionUndated = "home.account.actionUndated"

    /// Why a supervisor must calibrate, dated in the reader's language.
    static func reason(_ reason: RecalibrationReason, text: Localizer) -> String {
        switch reason {
        case .neverCalibrated: text.text(Self.neverCalibrated)
        case .notCalibrated(let day): text.text(Self.notCalibrated, ["date": text.date(day)])
        case .expired(let day): text.text(Self.expired, ["date": text.date(day)])
        case .expiresSoon(let day): text.text(Self.expiresSoon, ["date": text.date(day)])
        }
    }

    /// "due in 3 days (5 December 2026)", "due today", "4 days late".
    static func due(_ dueOn: CalendarDate, on today: CalendarDate, text: Localizer) -> String {
        let days = today.days(until: dueOn)
        switch days {
        case ..<0: return text.text(Self.late, count: -days)
        case 0: return text.text(Self.dueToday)
        case 1: return text.text(Self.dueTomorrow)
        default: return text.text(Self.dueInDays, count: days, ["date": text.date(dueOn)])
        }
    }
}

extension HomeMessage {
    /// What a rater's form asks of them: "Assess yourself", "Rate Hana Lopez, as their supervisor".
    static func task(of invitation: Invitation, text: Localizer) -> String {
        let subject = ["subject": invitation.subjectName]
        return switch invitation.source {
        case .self: text.text(Self.agendaSelf)
        case .peer: text.text(Self.agendaPeer, subject)
        case .supervisor: text.text(Self.agendaSupervisor, subject)
        case .customer: text.text(Self.agendaCustomer, subject)
        }
    }
}

/// A cycle's status and an action's, as the reader's language names them.
enum StatusMessage: String, MessageKey, CaseIterable {
    case draft = "status.draft"
    case open = "status.open"
    case closed = "status.closed"
    case released = "status.released"
    case actionOpen = "action.open"
    case actionInProgress = "action.inProgress"
    case actionDone = "action.done"
    case actionDropped = "action.dropped"

    // Keys are the prefix and the status's raw value; `MessageKeyTests` holds every case.
    init(_ status: CycleStatus) {
        self.init(rawValue: "status.\(status.rawValue)")!
    }

    /// An exercise is in preparation, open or closed, in the words a cycle's status uses.
    init(_ status: CalibrationExerciseStatus) {
        self.init(rawValue: "status.\(status.rawValue)")!
    }

    init(_ status: ActionItem.Status) {
        self.init(rawValue: "action.\(status.rawValue)")!
    }
}

/// The programme manager's part of the home page: running cycles and what waits on them.
/// Programme staff read it in English for now.
enum ProgrammeHomeMessage: String, MessageKey, CaseIterable {
    case running = "programmeHome.running"
    case noneRunning = "programmeHome.noneRunning"
    case startCycle = "programmeHome.startCycle"
    case caption = "programmeHome.caption"
    case colCycle = "programmeHome.col.cycle"
    case colStatus = "programmeHome.col.status"
    case colCloses = "programmeHome.col.closes"
    case colAnswers = "programmeHome.col.answers"
    case colShortOfRaters = "programmeHome.col.shortOfRaters"
    case daysLeft = "programmeHome.daysLeft"
    case passed = "programmeHome.passed"
    case sourceAnswers = "programmeHome.sourceAnswers"
    case sourceAnswersRate = "programmeHome.sourceAnswersRate"
    case noneShort = "programmeHome.noneShort"
    case countedInTens = "programmeHome.countedInTens"
    case openTitle = "programmeHome.open.title"
    case openDetail = "programmeHome.open.detail"
    case closeTitle = "programmeHome.close.title"
    case closeDetail = "programmeHome.close.detail"
    case shortTitle = "programmeHome.short.title"
    case shortDetail = "programmeHome.short.detail"
    case releaseTitle = "programmeHome.release.title"
    case releaseDetail = "programmeHome.release.detail"
    case failedMailTitle = "programmeHome.failedMail.title"
    case failedMailDetail = "programmeHome.failedMail.detail"
    case reviewTitle = "programmeHome.review.title"
    case reviewDetail = "programmeHome.review.detail"
    case withoutLoginTitle = "programmeHome.withoutLogin.title"
    case withoutLoginDetail = "programmeHome.withoutLogin.detail"
    case dueTitle = "programmeHome.due.title"
    case dueDetail = "programmeHome.due.detail"
}
