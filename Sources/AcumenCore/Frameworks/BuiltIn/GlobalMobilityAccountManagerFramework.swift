/// The built-in model for the account manager of a Global Mobility services vendor:
/// sixteen competencies in three categories, each with Baseline, Advanced and Expert behaviours.
///
/// Written for Acumen. The behaviours are phrased so that a customer, a peer or a
/// supervisor can say whether they saw them, not whether they like the person.
public enum GlobalMobilityAccountManagerFramework {
    public static let name = "Global Mobility Account Manager"

    public static var content: FrameworkContent {
        var content = written
        content.translations = ContentTranslations.load("global-mobility-framework").mapValues(\.texts)
        return content
    }

    private static var written: FrameworkContent {
        let build = FrameworkBuilder(key: "acumen/global-mobility-account-manager")
        return build.framework(
            name: name,
            description:
                "What customers of a relocation and assignment services vendor can expect from the account manager who leads their service: running the day-to-day operation, knowing the customer and the field, and adding value beyond the contract.",
            owner: "Acumen built-in library",
            categories: [
                build.category(
                    "OM", "Operational management",
                    "Running the service day to day so that the customer is never left chasing.",
                    operationalManagement(build)),
                build.category(
                    "KE", "Knowledge and expertise",
                    "Knowing the customer's rules, the technical field and the vendor's own offer well enough to give sound advice quickly.",
                    knowledgeAndExpertise(build)),
                build.category(
                    "VA", "Value-add",
                    "Looking ahead with the customer: improving the programme and helping the customer succeed inside their own organisation.",
                    valueAdd(build)),
            ])
    }

    private static func operationalManagement(_ build: FrameworkBuilder) -> [CompetencyContent] {
        [
            build.competency(
                "OM.1", "Single point of contact",
                "Takes ownership of every customer request and is the one visible route into the vendor's organisation.",
                baseline: [
                    "Acknowledges each request personally and names who will handle it.",
                    "Keeps track of open requests until the customer confirms they are closed.",
                ],
                advanced: [
                    "Resolves cross-team requests without sending the customer to other contacts.",
                    "Is known by name to the customer's mobility team and their main business contacts.",
                    "Arranges cover during absences so the customer always knows whom to call.",
                ],
                expert: [
                    "Is the person the customer's leadership contacts first about anything involving the vendor.",
                    "Coordinates several service lines and countries as one service for the customer.",
                ]),
            build.competency(
                "OM.2", "Proactive communication",
                "Tells the customer about problems and changes before they find out some other way.",
                baseline: [
                    "Informs the customer of known delays on the same working day.",
                    "Sends regular status updates on open cases without being asked.",
                ],
                advanced: [
                    "Has an internal network that reports service issues to them early.",
                    "Warns the customer about likely problems and what is being done before they occur.",
                ],
                expert: [
                    "Anticipates how an issue will land with each customer stakeholder and briefs them accordingly.",
                    "Is rarely, if ever, told about a service problem by the customer first.",
                ]),
            build.competency(
                "OM.3", "Responsiveness",
                "Answers requests and escalations quickly, and organises the team so that speed holds up under load.",
                baseline: [
                    "Replies to routine requests within the agreed response time.",
                    "Acknowledges escalations within hours and gives a time for the next update.",
                ],
                advanced: [
                    "Plans team capacity around known peaks such as annual moves or policy changes.",
                    "Assigns escalations to the right specialist straight away.",
                ],
                expert: [
                    "Designs the account team's cover and escalation routes so that response times hold when people are away.",
                    "Uses response-time data to fix recurring causes of delay.",
                ]),
            build.competency(
                "OM.4", "Problem resolution",
                "Meets complaints and service errors with solutions, without defensiveness, and learns from them.",
                baseline: [
                    "Accepts a complaint without arguing and confirms what went wrong.",
                    "Proposes at least one way to fix each reported problem.",
                ],
                advanced: [
                    "Offers options with their trade-offs rather than a single answer.",
                    "Finds the root cause of a repeated error and reports the fix to the customer.",
                ],
                expert: [
                    "Turns lessons from service failures into changes to the vendor's processes.",
                    "Handles sensitive escalations involving senior assignees calmly and to the customer's satisfaction.",
                ]),
            build.competency(
                "OM.5", "Goals and follow-through",
                "Sets specific, measurable goals, manages expectations, meets deadlines and keeps few actions open.",
                baseline: [
                    "Records each agreed action with an owner and a date.",
                    "Meets the deadlines they set, or renegotiates before the date passes.",
                ],
                advanced: [
                    "Writes goals with the customer that can be measured and checked later.",
                    "Reports progress on agreed actions before the customer asks.",
                ],
                expert: [
                    "Keeps the open-action list short by closing or explicitly dropping stale items.",
                    "Sets realistic expectations with senior stakeholders and then exceeds them.",
                ]),
            build.competency(
                "OM.6", "Contract scope",
                "Knows what the contract covers and explains that scope convincingly to assignees and business managers.",
                baseline: [
                    "Answers routine questions about what the contract covers without checking with others.",
                    "Flags requests that fall outside the contract before work starts.",
                ],
                advanced: [
                    "Explains out-of-scope decisions to assignees and managers in a way they accept.",
                    "Proposes a priced change when a recurring request falls outside scope.",
                ],
                expert: [
                    "Shapes contract renewals so that the scope matches how the customer actually works."
                ]),
            build.competency(
                "OM.7", "Meeting preparation",
                "Comes to every meeting and call prepared: agenda, information sent in advance, minutes and next steps.",
                baseline: [
                    "Sends an agenda before scheduled meetings.",
                    "Circulates minutes with actions and owners after each meeting.",
                ],
                advanced: [
                    "Sends the data and documents needed for decisions ahead of the meeting.",
                    "Closes each meeting with agreed next steps and dates.",
                ],
                expert: [
                    "Structures review meetings around decisions the customer needs to take.",
                    "Prepares colleagues and specialists who join so that the vendor speaks with one voice.",
                ]),
        ]
    }

    private static func knowledgeAndExpertise(_ build: FrameworkBuilder) -> [CompetencyContent] {
        [
            build.competency(
                "KE.1", "Customer policy knowledge",
                "Knows the customer's mobility policies in detail, and the related corporate rules on tax, reward and expenses.",
                baseline: [
                    "Answers standard policy questions correctly without looking them up.",
                    "Knows where each of the customer's policy documents is and which version applies.",
                ],
                advanced: [
                    "Explains how mobility policy interacts with the customer's tax, reward and expense rules.",
                    "Spots when a case is handled in a way that conflicts with policy.",
                ],
                expert: [
                    "Is consulted by the customer on the intent behind policy clauses.",
                    "Identifies gaps and contradictions between the customer's policies and proposes wording.",
                ]),
            build.competency(
                "KE.2", "Technical expertise",
                "Understands the technical side of the vendor's own services, such as immigration, tax or household moves.",
                baseline: [
                    "Describes the main steps and typical lead times of each service the account uses.",
                    "Knows which specialist to involve for a technical question.",
                ],
                advanced: [
                    "Gives an accurate first answer on common technical questions, such as visa timing or a move's tax impact.",
                    "Warns about the usual pitfalls in the customer's main host countries.",
                ],
                expert: [
                    "Plans complex moves across services, for example timing a shipment against temporary housing.",
                    "Is asked by colleagues for technical advice on other accounts.",
                ]),
            build.competency(
                "KE.3", "Fit-for-customer solutions",
                "Knows which solutions the customer will accept, given its systems, structures and culture.",
                baseline: [
                    "Checks a proposed exception against the customer's policy before recommending it."
                ],
                advanced: [
                    "Proposes exceptions that the customer approves without rework.",
                    "Takes payroll capabilities and employment structures into account in recommendations.",
                ],
                expert: [
                    "Reads the customer's culture, including how senior executives are treated, and tailors advice to it.",
                    "Rarely makes a recommendation the customer has to reject as unsuitable.",
                ]),
            build.competency(
                "KE.4", "Vendor capabilities",
                "Knows everything the vendor organisation can offer and brings its hidden expertise to the customer's problems.",
                baseline: [
                    "Describes all service lines the vendor offers in the customer's regions."
                ],
                advanced: [
                    "Brings in specialists from elsewhere in the vendor to solve an unusual customer problem.",
                    "Tells the customer about new vendor services that fit their needs.",
                ],
                expert: [
                    "Combines capabilities from several parts of the vendor into a solution nobody had offered before."
                ]),
            build.competency(
                "KE.5", "Assignment programme knowledge",
                "Understands the customer's international assignment programme as a whole: its purpose, populations and numbers.",
                baseline: [
                    "Knows the assignment types the customer uses and roughly how many assignees each has."
                ],
                advanced: [
                    "Explains the business purpose of the customer's assignment programme and its main trends.",
                    "Relates individual cases to the programme's overall goals.",
                ],
                expert: [
                    "Knows the programme's history and plans well enough to advise on its next stage."
                ]),
        ]
    }

    private static func valueAdd(_ build: FrameworkBuilder) -> [CompetencyContent] {
        [
            build.competency(
                "VA.1", "Programme improvement",
                "Suggests, unprompted, how the customer's assignment programme could deliver more satisfaction at lower cost.",
                baseline: [
                    "Passes on improvement ideas raised by assignees or colleagues."
                ],
                advanced: [
                    "Brings at least one costed improvement proposal to each annual review.",
                    "Shares practice seen at comparable programmes, anonymised.",
                ],
                expert: [
                    "Leads a forward-looking improvement agenda that the customer adopts in its own plans."
                ]),
            build.competency(
                "VA.2", "Innovation and policy relevance",
                "Brings new ideas that keep the customer's policies relevant and its processes lean.",
                baseline: [
                    "Notices where a policy or process creates avoidable work for assignees."
                ],
                advanced: [
                    "Proposes concrete ideas, such as collecting less data from assignees or simplifying a claim process.",
                    "Keeps the customer informed of market changes that affect their policies.",
                ],
                expert: [
                    "Has ideas adopted by the customer that measurably reduce cost or effort."
                ]),
            build.competency(
                "VA.3", "Shared objectives",
                "Helps the customer set objectives for the vendor that serve the customer's own goals.",
                baseline: [
                    "Knows the objectives the customer's mobility team is measured on."
                ],
                advanced: [
                    "Proposes vendor objectives that support the customer's goals, such as better data.",
                    "Challenges their own organisation to adapt when the customer's goals require it.",
                ],
                expert: [
                    "Co-writes the vendor's objectives with the customer and reviews them together each year."
                ]),
            build.competency(
                "VA.4", "Upward reporting support",
                "Helps the customer report achievements, risks and strategy to their own management.",
                baseline: [
                    "Provides programme statistics on request, accurately and on time."
                ],
                advanced: [
                    "Offers success stories and systematic issues the customer can use with management.",
                    "Supports the customer's business cases with data from the programme.",
                ],
                expert: [
                    "Provides comparisons with similar programmes that strengthen the customer's position internally."
                ]),
        ]
    }
}
