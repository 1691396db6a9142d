/// The built-in general account-management model: six categories, two competencies each,
/// for organisations that start a model of their own from a neutral base.
///
/// Written for Acumen; categories follow the role's objective of winning and keeping
/// profitable, volume-based agreements with an account.
public enum GeneralAccountManagementFramework {
    public static let name = "Account Management Essentials"

    public static var content: FrameworkContent {
        let build = FrameworkBuilder(key: "acumen/account-management-essentials")
        return build.framework(
            name: name,
            description:
                "A neutral starting model for account managers in any industry, organised around what it takes to win, keep and grow a profitable agreement with a customer account.",
            owner: "Acumen built-in library",
            categories: [
                build.category(
                    "CN", "Contract negotiation", "Reaching agreements on terms that work for both sides.",
                    [
                        build.competency(
                            "CN.1", "Negotiation preparation",
                            "Enters every negotiation knowing the goals, limits and alternatives of both sides.",
                            baseline: [
                                "Writes down target terms and walk-away limits before a negotiation.",
                                "Checks the current contract's terms before discussing changes.",
                            ],
                            advanced: [
                                "Maps the customer's likely priorities and alternatives before meeting.",
                                "Prepares concessions in advance and knows what to ask in return for each.",
                            ],
                            expert: [
                                "Plans multi-round negotiations with internal approvers aligned beforehand."
                            ]),
                        build.competency(
                            "CN.2", "Closing agreements",
                            "Turns discussions into signed agreements without giving away more than planned.",
                            baseline: [
                                "Summarises agreed terms in writing after each negotiation meeting."
                            ],
                            advanced: [
                                "Trades concessions rather than giving them away.",
                                "Closes renewals before the current agreement expires.",
                            ],
                            expert: [
                                "Secures multi-year or volume-based agreements at or above target margin."
                            ]),
                    ]),
                build.category(
                    "VP", "Value-proposition communication",
                    "Explaining why the offer is worth its price to each person who decides.",
                    [
                        build.competency(
                            "VP.1", "Articulating value",
                            "Explains the offer in terms of the customer's outcomes, not its features.",
                            baseline: [
                                "Describes the main benefits of each product the account buys."
                            ],
                            advanced: [
                                "Links each proposal to a measurable result the customer cares about.",
                                "Adapts the message for finance, users and executives.",
                            ],
                            expert: [
                                "Quantifies the value delivered so far and uses it to justify price at renewal."
                            ]),
                        build.competency(
                            "VP.2", "Defending the offer",
                            "Answers objections and competitive comparisons with facts.",
                            baseline: [
                                "Responds to common objections using the approved answers."
                            ],
                            advanced: [
                                "Compares the offer with competitors fairly and with evidence.",
                                "Keeps price discussions focused on total value.",
                            ],
                            expert: [
                                "Turns a competitive threat into an expanded agreement."
                            ]),
                    ]),
                build.category(
                    "BP", "The account's buying process",
                    "Knowing how the customer decides, buys and contracts.",
                    [
                        build.competency(
                            "BP.1", "Decision mapping",
                            "Knows who influences, approves and signs purchases at the account.",
                            baseline: [
                                "Names the buyer and the main user contacts at the account."
                            ],
                            advanced: [
                                "Keeps an up-to-date map of decision makers, influencers and approvers.",
                                "Knows each decision maker's priorities.",
                            ],
                            expert: [
                                "Anticipates changes in the decision group and builds relationships before they take effect."
                            ]),
                        build.competency(
                            "BP.2", "Procurement and contracting",
                            "Works with the customer's procurement rules, calendars and paperwork.",
                            baseline: [
                                "Knows the account's budget cycle and contract renewal dates."
                            ],
                            advanced: [
                                "Meets procurement requirements such as tenders and supplier reviews without delays.",
                                "Plans proposals around the account's budget calendar.",
                            ],
                            expert: [
                                "Influences how the account writes its requirements before a tender is issued."
                            ]),
                    ]),
                build.category(
                    "CD", "Champion development",
                    "Growing people inside the account who speak up for the partnership.",
                    [
                        build.competency(
                            "CD.1", "Finding champions",
                            "Identifies people at the account who benefit from the service and are willing to say so.",
                            baseline: [
                                "Names at least one contact who is positive about the service."
                            ],
                            advanced: [
                                "Knows what each champion gains from the partnership.",
                                "Has champions in more than one department of the account.",
                            ],
                            expert: [
                                "Has champions at executive level who sponsor the partnership."
                            ]),
                        build.competency(
                            "CD.2", "Equipping champions",
                            "Gives champions the information they need to argue for the partnership internally.",
                            baseline: [
                                "Shares results and success stories with champions."
                            ],
                            advanced: [
                                "Prepares material champions can use in their own internal meetings.",
                                "Asks champions for feedback on how the partnership is seen.",
                            ],
                            expert: [
                                "Helps champions advance their own goals through the partnership."
                            ]),
                    ]),
                build.category(
                    "RM", "Revenue model and profitability",
                    "Understanding how the account makes money for one's own company.",
                    [
                        build.competency(
                            "RM.1", "Account economics",
                            "Knows the revenue, cost and margin of the account.",
                            baseline: [
                                "States the account's annual revenue and main products bought."
                            ],
                            advanced: [
                                "Knows the margin of each service line on the account.",
                                "Explains how discounts and free work affect profitability.",
                            ],
                            expert: [
                                "Manages the account against a profitability plan and corrects course early."
                            ]),
                        build.competency(
                            "RM.2", "Growth planning",
                            "Plans how the account will grow in revenue and margin.",
                            baseline: [
                                "Records growth opportunities as they come up."
                            ],
                            advanced: [
                                "Maintains a written account plan with revenue targets.",
                                "Prioritises opportunities by value and likelihood.",
                            ],
                            expert: [
                                "Grows the account faster than the company average while holding margin."
                            ]),
                    ]),
                build.category(
                    "RB", "Relationship building",
                    "Building trust that lasts beyond any single transaction.",
                    [
                        build.competency(
                            "RB.1", "Trust and reliability",
                            "Does what was promised and is honest about what cannot be done.",
                            baseline: [
                                "Keeps commitments made to the customer.",
                                "Tells the customer plainly when something cannot be done.",
                            ],
                            advanced: [
                                "Is asked for advice on matters beyond the current contract."
                            ],
                            expert: [
                                "Is treated by the customer as a trusted adviser at senior level."
                            ]),
                        build.competency(
                            "RB.2", "Breadth of relationships",
                            "Knows many people across the account, at several levels.",
                            baseline: [
                                "Meets the main contacts at the account regularly."
                            ],
                            advanced: [
                                "Has working relationships across several departments and levels."
                            ],
                            expert: [
                                "Keeps the relationship stable through changes of people at the account."
                            ]),
                    ]),
            ])
    }
}
