import Foundation

/// The address of one page or form action, declared once: routes are registered from the
/// pattern, and views and redirects build links with `url(_:)`, so a link cannot point where no
/// route listens. Parameters are the pattern's `:name` segments, filled in order.
struct SitePath: Sendable, Hashable, CustomStringConvertible {
    let segments: [String]

    init(_ pattern: String) {
        segments = pattern.split(separator: "/").map(String.init)
    }

    var parameterCount: Int { segments.filter { $0.hasPrefix(":") }.count }

    var description: String { "/" + segments.joined(separator: "/") }

    /// The address with each `:name` segment replaced by the next value, percent-encoded.
    func url(_ values: any CustomStringConvertible...) -> String {
        precondition(values.count == parameterCount, "\(self) takes \(parameterCount) values, not \(values.count)")
        var remaining = values.makeIterator()
        return "/"
            + segments.map { segment in
                guard segment.hasPrefix(":"), let value = remaining.next() else { return segment }
                return value.description.addingPercentEncoding(
                    withAllowedCharacters: .urlPathAllowed.subtracting(["/"]))
                    ?? ""
            }.joined(separator: "/")
    }
}

/// Every page and form action of the HTML site, by room.
extension SitePath {
    static let home = SitePath("/")

    // Access
    static let login = SitePath("/login")
    static let logout = SitePath("/logout")
    static let languagePreference = SitePath("/preferences/language")
    static let users = SitePath("/users")
    static let userDisable = SitePath("/users/:userID/disable")
    static let userEnable = SitePath("/users/:userID/enable")
    static let userEndSessions = SitePath("/users/:userID/sessions/end")
    static let passwordChange = SitePath("/account/password")
    static let passwordForgot = SitePath("/password/forgot")
    static let passwordReset = SitePath("/password/reset/:token")
    static let passwordResetSave = SitePath("/password/reset")

    // Frameworks
    static let frameworks = SitePath("/frameworks")
    static let newFramework = SitePath("/frameworks/new")
    static let framework = SitePath("/frameworks/:frameworkID")
    static let frameworkCompetency = SitePath("/frameworks/:frameworkID/competencies/:competencyID")
    static let frameworkVersions = SitePath("/frameworks/:frameworkID/versions")
    static let frameworkFetch = SitePath("/frameworks/:frameworkID/fetch")
    static let frameworkPublish = SitePath("/frameworks/:frameworkID/publish")
    static let frameworkRetire = SitePath("/frameworks/:frameworkID/retire")
    static let frameworkEdit = SitePath("/frameworks/:frameworkID/edit")
    static let frameworkCategories = SitePath("/frameworks/:frameworkID/categories")
    static let frameworkCategoryEdit = SitePath("/frameworks/:frameworkID/categories/:categoryID/edit")
    static let frameworkCategoryArchive = SitePath("/frameworks/:frameworkID/categories/:categoryID/archive")
    static let frameworkNewCompetency = SitePath("/frameworks/:frameworkID/competencies/new")
    static let frameworkCompetencies = SitePath("/frameworks/:frameworkID/competencies")
    static let frameworkCompetencyEdit = SitePath("/frameworks/:frameworkID/competencies/:competencyID/edit")
    static let frameworkCompetencyArchive = SitePath("/frameworks/:frameworkID/competencies/:competencyID/archive")
    static let frameworkCompetencyComments = SitePath("/frameworks/:frameworkID/competencies/:competencyID/comments")
    static let frameworkCommentResolve = SitePath("/frameworks/:frameworkID/comments/:commentID/resolve")
    static let frameworkReviewers = SitePath("/frameworks/:frameworkID/reviewers")
    static let frameworkCASE = SitePath("/frameworks/:frameworkID/case.json")
    static let frameworkProfiles = SitePath("/frameworks/:frameworkID/profiles")
    static let frameworkTranslation = SitePath("/frameworks/:frameworkID/translations/:language")

    // Organisation
    static let people = SitePath("/people")
    static let person = SitePath("/people/:personID")
    static let accounts = SitePath("/accounts")
    static let importPage = SitePath("/import")
    static let catalogue = SitePath("/catalogue")
    static let catalogueOffering = SitePath("/catalogue/offerings/:offeringID")
    static let catalogueExport = SitePath("/catalogue/export")
    static let catalogueImport = SitePath("/catalogue/import")
    static let catalogueCategories = SitePath("/catalogue/categories")
    static let offeringSessions = SitePath("/catalogue/offerings/:offeringID/sessions")
    static let offeringRating = SitePath("/catalogue/offerings/:offeringID/rating")
    static let offeringPractice = SitePath("/catalogue/offerings/:offeringID/practice")
    static let communityShare = SitePath("/catalogue/share")
    static let communitySubmissions = SitePath("/catalogue/submissions")
    static let communityPublish = SitePath("/catalogue/submissions/:submissionID/publish")
    static let communityReturn = SitePath("/catalogue/submissions/:submissionID/return")
    static let session = SitePath("/sessions/:sessionID")
    static let sessionEnrol = SitePath("/sessions/:sessionID/enrol")
    static let sessionCancel = SitePath("/sessions/:sessionID/cancel")
    static let sessionAttendance = SitePath("/sessions/:sessionID/attendance")
    static let sessionRecording = SitePath("/sessions/:sessionID/recording")
    static let roadmap = SitePath("/people/:personID/roadmap")
    static let roadmapDraft = SitePath("/people/:personID/roadmap/draft")
    static let roadmapApprove = SitePath("/people/:personID/roadmap/approve")
    static let roadmapItemStatus = SitePath("/people/:personID/roadmap/items/:itemID/status")
    static let roadmapPriorities = SitePath("/people/:personID/roadmap/priorities")
    static let roadmapItems = SitePath("/people/:personID/roadmap/items")
    static let roadmapItemMove = SitePath("/people/:personID/roadmap/items/:itemID/move")
    static let roadmapItemRemove = SitePath("/people/:personID/roadmap/items/:itemID/remove")
    static let roadmapItemDue = SitePath("/people/:personID/roadmap/items/:itemID/due")
    static let roadmapFollowUpDone = SitePath("/people/:personID/roadmap/follow-ups/:followUpID/done")
    static let observations = SitePath("/people/:personID/observations")

    // Knowledge checks
    static let checks = SitePath("/checks")
    static let newCheck = SitePath("/checks/new")
    static let check = SitePath("/checks/:checkID")
    static let checkAttempts = SitePath("/checks/:checkID/attempts")
    static let checkAnalysis = SitePath("/checks/:checkID/analysis")
    static let checkVerbal = SitePath("/checks/:checkID/verbal")
    static let attempt = SitePath("/attempts/:attemptID")
    static let attemptAutosave = SitePath("/attempts/:attemptID/autosave")
    static let attemptAssess = SitePath("/attempts/:attemptID/assess")
    static let questionBank = SitePath("/question-bank")
    static let questionBankExport = SitePath("/question-bank/export")
    static let questionBankImport = SitePath("/question-bank/import")
    static let learningRecords = SitePath("/learning-records")
    static let learningRecordCredentials = SitePath("/learning-records/credentials")
    static let learningRecordCompletions = SitePath("/learning-records/completions")
    static let learningRecordCredentialRevoke = SitePath("/learning-records/credentials/:credentialID/revoke")
    static let groupGaps = SitePath("/development/groups")
    static let programmeAnalytics = SitePath("/analytics/programme")
    static let personDashboard = SitePath("/people/:personID/dashboard")
    static let programmePeopleCSV = SitePath("/analytics/programme/people.csv")
    static let programmeCompletionsCSV = SitePath("/analytics/programme/completions.csv")
    static let programmeServiceCSV = SitePath("/analytics/programme/service.csv")
    static let programmeImpactCSV = SitePath("/analytics/programme/impact.csv")
    static let groupAnalytics = SitePath("/analytics/groups")
    static let groupAnalyticsPeople = SitePath("/analytics/groups/people")
    static let groupAnalyticsCSV = SitePath("/analytics/groups/cells.csv")
    static let vendorScorecard = SitePath("/scorecard")
    static let vendorScorecardVendors = SitePath("/scorecard/vendors")
    static let vendorRating = SitePath("/scorecard/vendors/:vendorID/rate")
    static let vendorRatings = SitePath("/scorecard/vendors/:vendorID/ratings")
    static let vendorActions = SitePath("/scorecard/actions")
    static let vendorActionStatus = SitePath("/scorecard/actions/:actionID/status")
    static let vendorRatingRemoval = SitePath("/scorecard/ratings/:ratingID/remove")
    static let groupSessions = SitePath("/development/groups/sessions")
    static let newObservation = SitePath("/people/:personID/observations/new")
    static let importPeople = SitePath("/import/people")
    static let importAccounts = SitePath("/import/accounts")
    static let importFramework = SitePath("/import/framework")
    static let importFrameworkAddress = SitePath("/import/framework-address")

    // Assessment
    static let cycles = SitePath("/cycles")
    static let newCycle = SitePath("/cycles/new")
    static let cycle = SitePath("/cycles/:cycleID")
    static let cycleAdvance = SitePath("/cycles/:cycleID/advance")
    static let cycleRules = SitePath("/cycles/:cycleID/rules")
    static let cycleAdjustedLevels = SitePath("/cycles/:cycleID/adjusted-levels")
    static let cycleQuality = SitePath("/cycles/:cycleID/quality")
    static let cycleQuestions = SitePath("/cycles/:cycleID/questions")
    static let cyclePreview = SitePath("/cycles/:cycleID/preview")
    static let cycleExport = SitePath("/cycles/:cycleID/export.csv")
    static let cycleSubject = SitePath("/cycles/:cycleID/people/:personID")
    static let cycleSubjectNominations = SitePath("/cycles/:cycleID/people/:personID/nominations")
    static let cycleSubjectReport = SitePath("/cycles/:cycleID/people/:personID/report")
    static let cycleInvitationAction = SitePath("/cycles/:cycleID/invitations/:invitationID/:action")
    static let raterForm = SitePath("/r/:token")
    static let raterFormAutosave = SitePath("/r/:token/autosave")
    static let raterFormCorrect = SitePath("/r/:token/correct")
    static let myForm = SitePath("/forms/:invitationID")
    static let myFormAutosave = SitePath("/forms/:invitationID/autosave")
    static let myFormCorrect = SitePath("/forms/:invitationID/correct")
    static let account = SitePath("/accounts/:accountID")
    static let accountActions = SitePath("/accounts/:accountID/actions")
    static let accountLanguage = SitePath("/accounts/:accountID/language")
    static let accountAction = SitePath("/accounts/:accountID/actions/:actionID")
    static let accountActionEdit = SitePath("/accounts/:accountID/actions/:actionID/edit")
    static let accountActionStatus = SitePath("/accounts/:accountID/actions/:actionID/status")
    static let scorecards = SitePath("/scorecards")
    static let scorecard = SitePath("/scorecards/:scorecardID")
    static let scorecardAutosave = SitePath("/scorecards/:scorecardID/autosave")

    // Calibration
    static let calibration = SitePath("/calibration")
    static let calibrationDue = SitePath("/calibration/due")
    static let calibrationDrift = SitePath("/calibration/drift")
    static let calibrationExercise = SitePath("/calibration/:exerciseID")
    static let calibrationCases = SitePath("/calibration/:exerciseID/cases")
    static let calibrationParticipants = SitePath("/calibration/:exerciseID/participants")
    static let calibrationOpen = SitePath("/calibration/:exerciseID/open")
    static let calibrationClose = SitePath("/calibration/:exerciseID/close")
    static let calibrationSubmit = SitePath("/calibration/:exerciseID/submit")
    static let calibrationCase = SitePath("/calibration/:exerciseID/cases/:caseID")
    static let calibrationCaseAutosave = SitePath("/calibration/:exerciseID/cases/:caseID/autosave")
    static let calibrationMaster = SitePath("/calibration/:exerciseID/cases/:caseID/master")
    static let cycleDoubleRatings = SitePath("/cycles/:cycleID/double-ratings")
    static let cycleDoubleRatingsPercent = SitePath("/cycles/:cycleID/double-ratings/percent")
    static let cycleDoubleRatingsAssign = SitePath("/cycles/:cycleID/double-ratings/assign")
    static let secondRating = SitePath("/double-ratings/:assignmentID")
    static let secondRatingAutosave = SitePath("/double-ratings/:assignmentID/autosave")
    static let secondRatingSubmit = SitePath("/double-ratings/:assignmentID/submit")

    // System
    static let outbox = SitePath("/outbox")
    static let outboxRetry = SitePath("/outbox/:messageID/retry")

    /// Every path above; the route walk checks that each is a registered route and that every
    /// page route is here.
    static let all: [SitePath] = [
        .home,
        .login,
        .logout,
        .languagePreference,
        .users,
        .userDisable,
        .userEnable, .userEndSessions, .passwordChange, .passwordForgot, .passwordReset, .passwordResetSave,
        .frameworks,
        .newFramework,
        .framework,
        .frameworkCompetency,
        .frameworkVersions,
        .frameworkFetch,
        .frameworkPublish,
        .frameworkRetire,
        .frameworkEdit,
        .frameworkTranslation,
        .frameworkCategories,
        .frameworkCategoryEdit,
        .frameworkCategoryArchive,
        .frameworkNewCompetency,
        .frameworkCompetencies,
        .frameworkCompetencyEdit,
        .frameworkCompetencyArchive,
        .frameworkCompetencyComments,
        .frameworkCommentResolve,
        .frameworkReviewers,
        .frameworkCASE,
        .frameworkProfiles,
        .people,
        .person,
        .accounts,
        .importPage,
        .importPeople,
        .importAccounts,
        .importFramework,
        .importFrameworkAddress,
        .catalogue,
        .catalogueOffering,
        .catalogueExport,
        .catalogueImport,
        .catalogueCategories,
        .offeringSessions,
        .offeringRating,
        .offeringPractice,
        .communityShare,
        .communitySubmissions,
        .communityPublish,
        .communityReturn,
        .session,
        .sessionEnrol,
        .sessionCancel,
        .sessionAttendance,
        .sessionRecording,
        .roadmap,
        .roadmapDraft,
        .roadmapApprove,
        .roadmapItemStatus,
        .roadmapPriorities,
        .roadmapItems,
        .roadmapItemMove,
        .roadmapItemRemove,
        .roadmapItemDue,
        .roadmapFollowUpDone,
        .observations,
        .checks,
        .newCheck,
        .check,
        .checkAttempts,
        .checkAnalysis,
        .checkVerbal,
        .attempt,
        .attemptAutosave,
        .attemptAssess,
        .questionBank,
        .questionBankExport,
        .questionBankImport,
        .groupGaps,
        .programmeAnalytics,
        .personDashboard,
        .programmePeopleCSV,
        .programmeCompletionsCSV,
        .programmeServiceCSV,
        .programmeImpactCSV,
        .groupAnalytics,
        .groupAnalyticsPeople,
        .groupAnalyticsCSV,
        .vendorScorecard,
        .vendorScorecardVendors,
        .vendorRating,
        .vendorRatings,
        .vendorActions,
        .vendorActionStatus,
        .vendorRatingRemoval,
        .learningRecords,
        .learningRecordCredentials,
        .learningRecordCompletions,
        .learningRecordCredentialRevoke,
        .groupSessions,
        .newObservation,
        .cycles,
        .newCycle,
        .cycle,
        .cycleAdvance,
        .cycleRules,
        .cycleAdjustedLevels,
        .cycleQuality,
        .cycleQuestions,
        .cyclePreview,
        .cycleExport,
        .cycleSubject,
        .cycleSubjectNominations,
        .cycleSubjectReport,
        .cycleInvitationAction,
        .raterForm,
        .raterFormAutosave,
        .raterFormCorrect,
        .myForm,
        .myFormAutosave,
        .myFormCorrect,
        .account,
        .accountActions,
        .accountLanguage,
        .accountAction,
        .accountActionEdit,
        .accountActionStatus,
        .scorecards,
        .scorecard,
        .scorecardAutosave,
        .calibration,
        .calibrationDue,
        .calibrationDrift,
        .calibrationExercise,
        .calibrationCases,
        .calibrationParticipants,
        .calibrationOpen,
        .calibrationClose,
        .calibrationSubmit,
        .calibrationCase,
        .calibrationCaseAutosave,
        .calibrationMaster,
        .cycleDoubleRatings,
        .cycleDoubleRatingsPercent,
        .cycleDoubleRatingsAssign,
        .secondRating,
        .secondRatingAutosave,
        .secondRatingSubmit,
        .outbox,
        .outboxRetry,
    ]
}
