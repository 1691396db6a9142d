import AcumenCore

/// The words of the rater's form and of the page that thanks them, in every shipped language.
enum RaterFormMessage: String, MessageKey, CaseIterable {
    case titleSelf = "rater.title.self"
    case titleOther = "rater.title.other"
    case introGrid = "rater.intro.grid"
    case privacyPeer = "rater.privacy.peer"
    case privacyNamed = "rater.privacy.named"
    case savingGrid = "rater.saving.grid"
    case minutes = "rater.minutes"
    case savingByLink = "rater.saving.byLink"
    case savingSignedIn = "rater.saving.signedIn"
    case problems = "rater.problems"
    case sections = "rater.sections"
    case sectionsLabel = "rater.sectionsLabel"
    case progress = "rater.progress"
    case saveForLater = "rater.saveForLater"
    case submit = "rater.submit"
    case addComment = "rater.addComment"
    case commentOnQuestion = "rater.commentOnQuestion"
    case language = "rater.language"
    case changeLanguage = "rater.changeLanguage"
    case languageChanged = "rater.languageChanged"
    case saved = "rater.saved"
    case untranslated = "rater.untranslated"
    case questionNumber = "rater.questionNumber"
    case thanksTitle = "thanks.title"
    case thanksSelf = "thanks.self"
    case thanksOther = "thanks.other"
    case thanksAnonymous = "thanks.anonymous"
    case thanksCorrectUntil = "thanks.correctUntil"
    case thanksCorrect = "thanks.correct"
}

/// The words of the behaviour grid, shared by raters, calibration participants and masters.
enum GridMessage: String, MessageKey, CaseIterable {
    case levelNumber = "grid.levelNumber"
    case fromTicks = "grid.fromTicks"
    case nothingTicked = "grid.nothingTicked"
    case notObserved = "grid.notObserved"
    case otherLevel = "grid.otherLevel"
    case level = "grid.level"
    case useDerived = "grid.useDerived"
    case why = "grid.why"
    case whyHint = "grid.whyHint"
    case comment = "grid.comment"
}

/// What the saving script says as it saves; the page hands the words to the script.
enum AutosaveMessage: String, MessageKey, CaseIterable {
    case saving = "autosave.saving"
    case saved = "autosave.saved"
    case refused = "autosave.refused"
    case stopped = "autosave.stopped"
    case offline = "autosave.offline"

    /// The form's `data-` attributes that carry the words, and the progress and derived-level
    /// sentences with their placeholders, to the script.
    static func attributes(_ text: Localizer) -> [(name: String, value: String)] {
        allCases.map { ("data-msg-\($0.rawValue.dropFirst("autosave.".count))", text.text($0)) } + [
            ("data-msg-progress", text.text(RaterFormMessage.progress)),
            ("data-msg-from-ticks", text.text(GridMessage.fromTicks)),
        ]
    }
}
