/// The annual customer questionnaire that ships with the Global Mobility model: two or three
/// questions per competency, answered from Never to Always, about twenty minutes in all.
///
/// Written for Acumen. Each question asks about something a customer can see from their side
/// of the relationship; what only colleagues can see is left to the internal forms.
public enum GlobalMobilityQuestionnaire {
    public static var questionnaire: Questionnaire { builtIn }

    private static let builtIn: Questionnaire = {
        let translations = ContentTranslations.load("global-mobility-questionnaire")
        return Questionnaire(
            title: "Annual review of your account manager",
            introduction:
                "Please think about the last twelve months with your account manager at the vendor. For each statement, choose how often it was true. If you have not had the chance to see it, choose Don't know. Your answers are combined with other customers' before anyone sees them.",
            questions: questions.map { code, competency, text in
                Questionnaire.Question(
                    code: code, competencyCode: competency, text: text,
                    translations: translations.compactMapValues { $0.questions[code] })
            },
            titleTranslations: translations.compactMapValues(\.title),
            introductionTranslations: translations.compactMapValues(\.introduction))
    }()

    private static let questions: [(String, String, String)] = [
        ("OM.1-a", "OM.1", "When I raise a request, my account manager takes ownership of it until it is resolved."),
        (
            "OM.1-b", "OM.1",
            "I can reach the vendor's whole organisation through my account manager, without chasing other contacts."
        ),
        ("OM.1-c", "OM.1", "When my account manager is away, I know who is covering and that person is briefed."),
        (
            "OM.2-a", "OM.2",
            "I hear about delays and problems from my account manager before I hear about them elsewhere."
        ),
        ("OM.2-b", "OM.2", "My account manager keeps me updated on open cases without my asking."),
        ("OM.3-a", "OM.3", "My account manager answers routine requests within the agreed time."),
        (
            "OM.3-b", "OM.3",
            "When I escalate an issue, my account manager acknowledges it quickly and tells me when I will hear more."
        ),
        ("OM.3-c", "OM.3", "Response times hold up during our busy periods."),
        (
            "OM.4-a", "OM.4",
            "When something goes wrong, my account manager proposes a way to fix it rather than defending what happened."
        ),
        ("OM.4-b", "OM.4", "Problems that have happened once do not keep recurring."),
        ("OM.5-a", "OM.5", "Actions agreed with my account manager have a clear owner and date."),
        (
            "OM.5-b", "OM.5",
            "My account manager meets the deadlines they commit to, or tells me in advance when they cannot."
        ),
        ("OM.5-c", "OM.5", "I am not left wondering what happened to something we agreed."),
        ("OM.6-a", "OM.6", "My account manager knows what our contract covers without having to check."),
        (
            "OM.6-b", "OM.6",
            "My account manager explains the limits of the contract to assignees and managers in a way they accept."
        ),
        ("OM.7-a", "OM.7", "Meetings with my account manager have an agenda and the information we need in advance."),
        ("OM.7-b", "OM.7", "After a meeting I receive the actions and next steps in writing."),
        ("KE.1-a", "KE.1", "My account manager answers questions about our mobility policies correctly."),
        ("KE.1-b", "KE.1", "My account manager understands how our tax, reward and expense rules affect a move."),
        (
            "KE.2-a", "KE.2",
            "My account manager gives accurate first answers on technical matters such as visa timing or tax impact."
        ),
        ("KE.2-b", "KE.2", "My account manager warns us about pitfalls in the countries we move people to."),
        ("KE.3-a", "KE.3", "The solutions my account manager proposes fit our organisation, systems and culture."),
        (
            "KE.3-b", "KE.3",
            "I can approve my account manager's recommendations on exceptions without sending them back."
        ),
        ("KE.4-a", "KE.4", "My account manager brings in expertise from elsewhere in the vendor when we need it."),
        ("KE.4-b", "KE.4", "My account manager tells me about vendor services that could help us."),
        (
            "KE.5-a", "KE.5",
            "My account manager understands the purpose and shape of our international assignment programme."
        ),
        ("KE.5-b", "KE.5", "My account manager relates individual cases to what our programme is trying to achieve."),
        ("VA.1-a", "VA.1", "My account manager suggests, unprompted, how our programme could improve."),
        ("VA.1-b", "VA.1", "Our annual review with the vendor looks forward, not only back at statistics."),
        ("VA.2-a", "VA.2", "My account manager brings new ideas that keep our policies current."),
        ("VA.2-b", "VA.2", "Ideas from my account manager have reduced our cost or our assignees' effort."),
        ("VA.3-a", "VA.3", "My account manager helps us set objectives for the vendor that support our own goals."),
        ("VA.3-b", "VA.3", "My account manager pushes their own organisation to adapt when our needs change."),
        (
            "VA.4-a", "VA.4",
            "My account manager provides the data I need to report to my management, accurately and on time."
        ),
        (
            "VA.4-b", "VA.4",
            "My account manager offers success stories, risks and comparisons I can use with my management."
        ),
    ]
}
