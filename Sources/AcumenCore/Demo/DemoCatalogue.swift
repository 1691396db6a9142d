import Foundation

/// The demo organisation's learning catalogue: 48 topics, each offered in one to four
/// formats, developing competencies of both built-in frameworks. Classroom workshops come with
/// their recordings, some topics have a short video an experienced account manager made, and
/// workshops run in several of the demo's languages.
public enum DemoCatalogue {
    /// The framework version ids the offerings develop, as the demo stored them.
    public struct Frameworks: Sendable {
        public var globalMobility: UUID
        public var general: UUID

        public init(globalMobility: UUID, general: UUID) {
            self.globalMobility = globalMobility
            self.general = general
        }
    }

    struct Topic {
        var category: String
        var title: String
        var summary: String
        var phase: LearningPhase
        /// `OM.3 0>1`: a Global Mobility competency, from one level to another.
        var globalMobility: [String]
        /// The same, in Account Management Essentials.
        var general: [String]
        var formats: [(OfferingFormat, Int)]
    }

    public static func offerings(frameworks: Frameworks, baseURL: String) -> [Offering] {
        var offerings: [Offering] = []
        let prefixes = [
            "The Client": "CLI", "Financial": "FIN", "Policy and Revisions": "POL", "Reporting": "REP",
            "Service Delivery": "SVC", "Systems": "SYS", "Tools and Resources": "TLS",
        ]
        let workshopLanguages = ["en", "en", "fr", "de", "es", "en", "ja", "pt-BR", "en", "zh-Hans"]
        for (number, topic) in topics.enumerated() {
            let base = "\(prefixes[topic.category] ?? "GEN")-\(String(format: "%02d", number + 1))"
            // Live formats, practice and knowledge checks build on the topic's self-paced course,
            // guide or video, when it has one.
            let selfPaced = topic.formats.first { [.eLearning, .selfStudy, .video].contains($0.0) }.map {
                "\(base)-\(suffix[$0.0] ?? "X")"
            }
            for (format, minutes) in withCompanions(topic.formats) {
                let code = "\(base)-\(suffix[format] ?? "X")"
                let buildsOnIt = !format.isTakenAnywhere || format == .knowledgeCheck
                let prerequisites = buildsOnIt ? selfPaced.map { [$0] } ?? [] : []
                let live = format == .classroom || format == .virtualClassroom
                offerings.append(
                    Offering(
                        code: code, title: "\(topic.title) (\(label[format] ?? ""))",
                        summary: topic.summary + " " + (formatNote[format] ?? ""), category: topic.category,
                        format: format, durationMinutes: minutes,
                        language: live ? workshopLanguages[number % workshopLanguages.count] : "en",
                        provider: format == .video ? "Made by account managers" : "Northwind Academy",
                        link: "https://learning.northwind-mobility.example/\(code.lowercased())",
                        owner: format == .video ? "Community editor" : "Learning programme team",
                        phase: topic.phase, prerequisites: prerequisites,
                        targets: targets(topic.globalMobility, frameworks.globalMobility)
                            + targets(topic.general, frameworks.general),
                        xapiActivityID: Offering.activityID(code: code, baseURL: baseURL)))
            }
        }
        return offerings
    }

    /// A topic's formats with what comes with them: a live online session is recorded for
    /// those who missed it, and an e-learning course ends with a knowledge check.
    private static func withCompanions(_ formats: [(OfferingFormat, Int)]) -> [(OfferingFormat, Int)] {
        var result = formats
        let given = Set(formats.map(\.0))
        if let live = formats.first(where: { $0.0 == .virtualClassroom }), !given.contains(.recordedSession) {
            result.append((.recordedSession, live.1))
        }
        if given.contains(.eLearning) && !given.contains(.knowledgeCheck) { result.append((.knowledgeCheck, 15)) }
        return result
    }

    private static func targets(_ specifications: [String], _ frameworkID: UUID) -> [CompetencyTarget] {
        specifications.compactMap { specification in
            let parts = specification.split(separator: " ")
            let levels = parts.last?.split(separator: ">").compactMap { Int($0) } ?? []
            guard parts.count == 2, levels.count == 2 else { return nil }
            return CompetencyTarget(
                frameworkID: frameworkID, competencyCode: String(parts[0]), fromLevel: levels[0], toLevel: levels[1])
        }
    }

    private static let suffix: [OfferingFormat: String] = [
        .classroom: "WS", .virtualClassroom: "LO", .eLearning: "EL", .selfStudy: "GD", .recordedSession: "RC",
        .video: "VD", .rolePlay: "RP", .coaching: "CO", .mentoring: "MT", .knowledgeCheck: "KC",
    ]

    private static let label: [OfferingFormat: String] = [
        .classroom: "workshop", .virtualClassroom: "live online", .eLearning: "e-learning", .selfStudy: "guide",
        .recordedSession: "recorded workshop", .video: "short video", .rolePlay: "role-play", .coaching: "coaching",
        .mentoring: "mentoring", .knowledgeCheck: "knowledge check",
    ]

    private static let formatNote: [OfferingFormat: String] = [
        .classroom: "A day or half-day in one of our offices, with exercises on your own accounts.",
        .virtualClassroom: "Live online with a trainer and a small group; cameras on, exercises in breakout rooms.",
        .eLearning: "Self-paced online modules with short checks along the way.",
        .selfStudy: "A written guide with a worksheet to complete against one of your accounts.",
        .recordedSession: "The recording of the workshop, cut into chapters, for those who could not attend.",
        .video: "A few minutes from an experienced account manager on how they do it.",
        .rolePlay: "Practise with a colleague playing the customer; a supervisor or peer rates you on the grid.",
        .coaching: "A series of one-to-one sessions with your supervisor, each ending with an agreed next step.",
        .mentoring: "Paired with a senior account manager for three months, meeting every other week.",
        .knowledgeCheck: "A short test of what you know, with the right answers explained.",
    ]

    static let topics: [Topic] = [
        Topic(
            category: "The Client", title: "Being the one point of contact",
            summary: "How to be the person a customer calls first, route every request and close the loop.",
            phase: .relationship, globalMobility: ["OM.1 0>1"], general: ["RB.1 0>1"],
            formats: [(.eLearning, 40), (.virtualClassroom, 90)]),
        Topic(
            category: "The Client", title: "Mapping who decides in a mobility programme",
            summary: "Draw the customer's decision map: HR, talent, finance, procurement and the business.",
            phase: .relationship, globalMobility: ["VA.3 0>1"], general: ["BP.1 0>1"],
            formats: [(.classroom, 180), (.recordedSession, 60)]),
        Topic(
            category: "The Client", title: "Rebuilding trust after a service failure",
            summary: "What to say, what to fix and what to promise when a move has gone wrong.",
            phase: .relationship, globalMobility: ["OM.4 1>2"], general: ["RB.1 1>2"],
            formats: [(.rolePlay, 60), (.video, 8)]),
        Topic(
            category: "The Client", title: "Widening your circle at the customer",
            summary: "Meet the people beyond your day-to-day contact without going around them.",
            phase: .relationship, globalMobility: ["VA.3 0>1"], general: ["RB.2 0>1"],
            formats: [(.selfStudy, 30), (.mentoring, 300)]),
        Topic(
            category: "The Client", title: "The customer's HR and talent goals",
            summary: "Connect assignments to what the customer's HR team is measured on.",
            phase: .relationship, globalMobility: ["VA.3 0>1", "KE.1 0>1"], general: ["RM.2 0>1"],
            formats: [(.eLearning, 45)]),
        Topic(
            category: "The Client", title: "Finding and equipping champions",
            summary: "Spot the people who speak for the programme inside the customer and give them what they need.",
            phase: .relationship, globalMobility: ["VA.3 1>2"], general: ["CD.1 0>1", "CD.2 0>1"],
            formats: [(.virtualClassroom, 120), (.video, 6)]),
        Topic(
            category: "The Client", title: "Reading a customer satisfaction survey",
            summary: "Find the signal in survey scores and comments, and decide what to do first.",
            phase: .technical, globalMobility: ["OM.5 0>1"], general: ["RB.1 0>1"], formats: [(.selfStudy, 30)]),
        Topic(
            category: "Financial", title: "Account economics for account managers",
            summary: "Revenue, margin and cost to serve of an account, and what moves each.",
            phase: .technical, globalMobility: ["OM.6 0>1"], general: ["RM.1 0>1"],
            formats: [(.eLearning, 60), (.classroom, 240), (.recordedSession, 90)]),
        Topic(
            category: "Financial", title: "Explaining an invoice line by line",
            summary: "Walk a customer through fees, disbursements and pass-through costs without surprises.",
            phase: .technical, globalMobility: ["OM.6 0>1", "KE.2 0>1"], general: ["VP.2 0>1"],
            formats: [(.selfStudy, 20), (.video, 7)]),
        Topic(
            category: "Financial", title: "Cost projections for assignments",
            summary: "Build and explain a cost estimate for a long-term assignment, and keep it current.",
            phase: .technical, globalMobility: ["KE.2 1>2"], general: ["VP.1 1>2"],
            formats: [(.classroom, 360), (.recordedSession, 120)]),
        Topic(
            category: "Financial", title: "Spotting scope creep before it costs you",
            summary: "Notice requests outside the contract early and agree how they are handled.",
            phase: .technical, globalMobility: ["OM.6 1>2"], general: ["RM.1 1>2"],
            formats: [(.virtualClassroom, 90)]),
        Topic(
            category: "Financial", title: "Tax and social security for mobile employees",
            summary: "The basics every account manager should know before the specialists are called in.",
            phase: .technical, globalMobility: ["KE.2 0>1"], general: [],
            formats: [(.eLearning, 90), (.knowledgeCheck, 20)]),
        Topic(
            category: "Financial", title: "The business case for a programme change",
            summary: "Put numbers behind a proposal so the customer's finance team can say yes.",
            phase: .relationship, globalMobility: ["VA.1 1>2"], general: ["VP.1 1>2", "RM.2 1>2"],
            formats: [(.classroom, 240), (.recordedSession, 90)]),
        Topic(
            category: "Policy and Revisions", title: "Reading a mobility policy closely",
            summary: "Find what a policy promises, where it is silent and where it contradicts itself.",
            phase: .technical, globalMobility: ["KE.1 0>1"], general: [],
            formats: [(.eLearning, 45), (.knowledgeCheck, 15)]),
        Topic(
            category: "Policy and Revisions", title: "Policy exceptions: when and how to ask",
            summary: "Decide when an exception is worth requesting and present it so it can be decided quickly.",
            phase: .technical, globalMobility: ["KE.1 1>2"], general: ["BP.2 0>1"],
            formats: [(.video, 6), (.virtualClassroom, 75)]),
        Topic(
            category: "Policy and Revisions", title: "Benchmarking a policy against the market",
            summary: "Compare a customer's policy with what similar companies offer, and say what it means.",
            phase: .relationship, globalMobility: ["VA.2 1>2"], general: ["VP.1 1>2"],
            formats: [(.classroom, 300), (.recordedSession, 120)]),
        Topic(
            category: "Policy and Revisions", title: "Proposing a policy revision",
            summary: "Turn what you see in the programme into a revision the customer can adopt.",
            phase: .relationship, globalMobility: ["VA.2 0>1"], general: ["CN.1 0>1"], formats: [(.rolePlay, 90)]),
        Topic(
            category: "Policy and Revisions", title: "Lump sums, core-flex and tiered policies",
            summary: "How the common policy designs work and which customers each suits.",
            phase: .technical, globalMobility: ["KE.1 0>1", "KE.3 0>1"], general: [],
            formats: [(.selfStudy, 40), (.video, 9)]),
        Topic(
            category: "Policy and Revisions", title: "Keeping up with immigration rule changes",
            summary: "Where to watch for changes and how to tell customers what they mean for their people.",
            phase: .technical, globalMobility: ["KE.2 0>1", "VA.2 0>1"], general: [], formats: [(.eLearning, 30)]),
        Topic(
            category: "Reporting", title: "Preparing the quarterly business review",
            summary: "Choose the figures, the story and the asks for a review the customer wants to attend.",
            phase: .relationship, globalMobility: ["OM.7 0>1", "VA.4 0>1"], general: ["RM.2 0>1"],
            formats: [(.video, 10), (.classroom, 240), (.recordedSession, 90)]),
        Topic(
            category: "Reporting", title: "Reports your customer can take upstairs",
            summary: "Write the one-page summary your contact can hand to their own management.",
            phase: .relationship, globalMobility: ["VA.4 1>2"], general: ["VP.1 0>1"],
            formats: [(.virtualClassroom, 90)]),
        Topic(
            category: "Reporting", title: "Service levels: measuring what was promised",
            summary: "Read the contract's service levels, measure them honestly and explain a miss.",
            phase: .technical, globalMobility: ["OM.5 0>1", "OM.3 0>1"], general: [], formats: [(.eLearning, 45)]),
        Topic(
            category: "Reporting", title: "Telling a story with programme data",
            summary: "Turn moves, costs and satisfaction figures into three messages a customer remembers.",
            phase: .technical, globalMobility: ["VA.4 0>1"], general: ["VP.1 0>1"],
            formats: [(.selfStudy, 60), (.knowledgeCheck, 15)]),
        Topic(
            category: "Reporting", title: "Turning complaints into improvements",
            summary: "Group complaints by cause and propose the change that removes the most of them.",
            phase: .technical, globalMobility: ["VA.1 0>1", "OM.4 1>2"], general: [],
            formats: [(.virtualClassroom, 60)]),
        Topic(
            category: "Service Delivery", title: "Answering within the day",
            summary: "Habits and tools for acknowledging every request quickly and saying when it will be done.",
            phase: .technical, globalMobility: ["OM.3 0>1"], general: ["RB.1 0>1"],
            formats: [(.eLearning, 30), (.video, 5)]),
        Topic(
            category: "Service Delivery", title: "Escalations that end well",
            summary: "Take ownership of an escalation, keep everyone informed and close it for good.",
            phase: .technical, globalMobility: ["OM.4 0>1"], general: ["RB.1 1>2"],
            formats: [(.classroom, 240), (.recordedSession, 90), (.rolePlay, 60)]),
        Topic(
            category: "Service Delivery", title: "Telling the customer before they ask",
            summary: "Share delays, risks and good news early, in the channel the customer prefers.",
            phase: .relationship, globalMobility: ["OM.2 0>1"], general: ["RB.1 0>1"],
            formats: [(.eLearning, 40), (.video, 6)]),
        Topic(
            category: "Service Delivery", title: "Running the annual review meeting",
            summary: "Prepare, chair and follow up the annual review so that it ends with an agreed plan.",
            phase: .relationship, globalMobility: ["OM.7 1>2"], general: ["CN.2 0>1"],
            formats: [(.classroom, 360), (.recordedSession, 120)]),
        Topic(
            category: "Service Delivery", title: "Goals the customer shares, and following through",
            summary: "Agree a few goals with the customer and report on them until they are met.",
            phase: .relationship, globalMobility: ["OM.5 1>2"], general: ["RM.2 0>1"], formats: [(.coaching, 180)]),
        Topic(
            category: "Service Delivery", title: "Coordinating suppliers across countries",
            summary: "Keep destination partners, movers and immigration firms working to one plan.",
            phase: .technical, globalMobility: ["KE.4 0>1", "OM.1 1>2"], general: [],
            formats: [(.selfStudy, 30), (.virtualClassroom, 90)]),
        Topic(
            category: "Service Delivery", title: "Difficult conversations with assignees",
            summary: "Listen, explain the policy and keep the relationship when the answer is no.",
            phase: .relationship, globalMobility: ["OM.4 0>1"], general: ["RB.2 0>1"],
            formats: [(.video, 8), (.rolePlay, 90)]),
        Topic(
            category: "Service Delivery", title: "Handing over an account without losing anything",
            summary: "What to write down, whom to introduce and what to check when an account changes hands.",
            phase: .technical, globalMobility: ["OM.1 1>2"], general: ["RB.2 1>2"],
            formats: [(.selfStudy, 30), (.mentoring, 240)]),
        Topic(
            category: "Systems", title: "Case management for account managers",
            summary: "Find any case, see what is late and record what the customer asked, in the case system.",
            phase: .technical, globalMobility: ["KE.4 0>1", "OM.3 0>1"], general: [],
            formats: [(.eLearning, 60), (.knowledgeCheck, 15)]),
        Topic(
            category: "Systems", title: "The customer portal with your customers",
            summary: "Show customers what the portal tells them so they ask you for judgement, not status.",
            phase: .technical, globalMobility: ["KE.4 0>1", "OM.2 0>1"], general: [],
            formats: [(.video, 10), (.virtualClassroom, 60)]),
        Topic(
            category: "Systems", title: "Dashboards and alerts that keep you ahead",
            summary: "Set up the views and alerts that show a problem before the customer sees it.",
            phase: .technical, globalMobility: ["OM.2 1>2", "VA.4 0>1"], general: [], formats: [(.selfStudy, 45)]),
        Topic(
            category: "Systems", title: "Data protection in everyday account work",
            summary: "Handle assignees' personal data by the rules: what to send, to whom and how.",
            phase: .technical, globalMobility: ["KE.2 0>1"], general: [],
            formats: [(.eLearning, 45), (.knowledgeCheck, 20)]),
        Topic(
            category: "Tools and Resources", title: "The account plan, step by step",
            summary: "Fill in the account plan template with a customer in mind and keep it alive.",
            phase: .technical, globalMobility: ["OM.5 0>1"], general: ["RM.2 0>1", "BP.1 0>1"],
            formats: [(.selfStudy, 30), (.video, 7)]),
        Topic(
            category: "Tools and Resources", title: "A checklist for meeting preparation",
            summary: "Objectives, agenda, figures and questions: prepare any customer meeting in half an hour.",
            phase: .technical, globalMobility: ["OM.7 0>1"], general: ["CN.1 0>1"], formats: [(.selfStudy, 20)]),
        Topic(
            category: "Tools and Resources", title: "Negotiating a renewal",
            summary: "Prepare your walk-away, trade rather than concede, and close a renewal both sides can live with.",
            phase: .relationship, globalMobility: ["OM.6 1>2"], general: ["CN.1 1>2", "CN.2 1>2"],
            formats: [(.classroom, 480), (.recordedSession, 150), (.rolePlay, 90)]),
        Topic(
            category: "Tools and Resources", title: "Presenting the value of our services",
            summary: "Say in the customer's terms what the programme gives them, with evidence.",
            phase: .relationship, globalMobility: ["VA.3 0>1"], general: ["VP.1 0>1"],
            formats: [(.video, 8), (.virtualClassroom, 90)]),
        Topic(
            category: "Tools and Resources", title: "Answering a procurement questionnaire",
            summary: "Answer a request for proposal clearly, completely and on time, with the right experts.",
            phase: .technical, globalMobility: ["KE.4 1>2"], general: ["BP.2 0>1"], formats: [(.eLearning, 60)]),
        Topic(
            category: "Tools and Resources", title: "Assignment types and what each needs",
            summary: "Long-term, short-term, commuter, permanent transfer: the services and risks of each.",
            phase: .technical, globalMobility: ["KE.5 0>1", "KE.3 0>1"], general: [],
            formats: [(.eLearning, 60), (.knowledgeCheck, 20)]),
        Topic(
            category: "Tools and Resources", title: "Designing a solution that fits the customer",
            summary: "Combine services into a package that fits the customer's population, budget and culture.",
            phase: .relationship, globalMobility: ["KE.3 1>2"], general: ["VP.2 0>1"],
            formats: [(.classroom, 300), (.recordedSession, 90)]),
        Topic(
            category: "Tools and Resources", title: "What customers ask about innovation",
            summary: "Virtual assignments, remote work abroad and new support models, and how to discuss them.",
            phase: .relationship, globalMobility: ["VA.2 0>1", "KE.5 1>2"], general: [],
            formats: [(.video, 12), (.virtualClassroom, 60)]),
        Topic(
            category: "Tools and Resources", title: "A peer coaching circle",
            summary: "Bring a live account problem to a small group of peers and leave with options.",
            phase: .relationship, globalMobility: ["OM.4 1>2"], general: ["RB.1 1>2"], formats: [(.mentoring, 360)]),
        Topic(
            category: "Tools and Resources", title: "Holding your ground on price",
            summary: "Answer a discount request with value, options and conditions instead of a cut.",
            phase: .relationship, globalMobility: [], general: ["VP.2 1>2", "CN.2 0>1"],
            formats: [(.video, 7), (.rolePlay, 60)]),
        Topic(
            category: "Tools and Resources", title: "Long assignments and repatriation",
            summary: "Plan the return from the start: career, family and the costs people forget.",
            phase: .technical, globalMobility: ["KE.5 1>2"], general: [], formats: [(.selfStudy, 45)]),
        Topic(
            category: "Tools and Resources", title: "Spotting the next service a customer needs",
            summary: "Read the programme for needs the customer has not named and propose them at the right time.",
            phase: .relationship, globalMobility: ["VA.1 0>1"], general: ["RM.2 1>2"],
            formats: [(.virtualClassroom, 90)]),
    ]
}
