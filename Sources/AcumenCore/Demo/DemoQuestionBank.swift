import Foundation

/// The demo's question bank: 64 questions over the Global Mobility model's Knowledge and
/// expertise competencies (KE.1 to KE.5), at their three levels, written for Acumen. Questions on
/// customer policy ask about the demo customer Alder Pharmaceuticals' mobility policy, which
/// these questions describe (an invented policy); technical questions ask what holds in
/// practice (treaty day counts, EU postings, common visa rules), simplified as a first answer
/// would give them. Identifiers are stable, so the bank is the same in every installation.
public enum DemoQuestionBank {
    public static let questions: [BankQuestion] = customerPolicy + technical + fitForCustomer + vendor + programme

    // MARK: Builders

    private static func id(_ code: String, _ number: Int) -> UUID { .stable(named: "demo-bank/\(code)/\(number)") }

    private static func keys(_ count: Int) -> [String] {
        (0..<count).map { String(Character(UnicodeScalar(UInt8(97 + $0)))) }
    }

    /// A single-choice question; the right option is placed among the wrong ones by `number`, so
    /// that it is not always first in the bank's own order.
    private static func single(
        _ code: String, _ number: Int, level: Int, _ prompt: String, right: String, wrong: [String],
        because explanation: String
    ) -> BankQuestion {
        var texts = wrong
        texts.insert(right, at: number % (wrong.count + 1))
        return BankQuestion(
            id: id(code, number), competencyCode: code, level: level, kind: .singleChoice, prompt: prompt,
            explanation: explanation,
            options: zip(keys(texts.count), texts).map { .init(key: $0, text: $1, isCorrect: $1 == right) })
    }

    private static func multiple(
        _ code: String, _ number: Int, level: Int, _ prompt: String, right: [String], wrong: [String],
        because explanation: String
    ) -> BankQuestion {
        var texts = wrong
        for (offset, text) in right.enumerated() {
            texts.insert(text, at: min(texts.count, (number + offset * 2) % (texts.count + 1)))
        }
        return BankQuestion(
            id: id(code, number), competencyCode: code, level: level, kind: .multipleChoice, prompt: prompt,
            explanation: explanation,
            options: zip(keys(texts.count), texts).map { .init(key: $0, text: $1, isCorrect: right.contains($1)) })
    }

    private static func truth(
        _ code: String, _ number: Int, level: Int, _ statement: String, isTrue: Bool, because explanation: String
    ) -> BankQuestion {
        BankQuestion(
            id: id(code, number), competencyCode: code, level: level, kind: .trueFalse, prompt: statement,
            explanation: explanation,
            options: [
                .init(key: "t", text: "True", isCorrect: isTrue), .init(key: "f", text: "False", isCorrect: !isTrue),
            ])
    }

    private static func number(
        _ code: String, _ number: Int, level: Int, _ prompt: String, answer: Double, tolerance: Double = 0,
        because explanation: String
    ) -> BankQuestion {
        BankQuestion(
            id: id(code, number), competencyCode: code, level: level, kind: .numeric, prompt: prompt,
            explanation: explanation, numericAnswer: answer, tolerance: tolerance)
    }

    private static func order(
        _ code: String, _ number: Int, level: Int, _ prompt: String, steps: [String], because explanation: String
    ) -> BankQuestion {
        BankQuestion(
            id: id(code, number), competencyCode: code, level: level, kind: .ordering, prompt: prompt,
            explanation: explanation, options: zip(keys(steps.count), steps).map { .init(key: $0, text: $1) })
    }

    private static func scenario(
        _ code: String, _ number: Int, level: Int, _ prompt: String, rubric: [String], because explanation: String
    ) -> BankQuestion {
        BankQuestion(
            id: id(code, number), competencyCode: code, level: level, kind: .scenario, prompt: prompt,
            explanation: explanation, rubric: rubric.map(BankQuestion.RubricStep.init))
    }

    // MARK: KE.1 Customer policy knowledge (Alder Pharmaceuticals' mobility policy)

    static let customerPolicy: [BankQuestion] = [
        single(
            "KE.1", 1, level: 0,
            "How many days of temporary housing does Alder's policy give a long-term assignee on arrival?",
            right: "30 days", wrong: ["14 days", "60 days", "As long as the home search takes"],
            because:
                "Alder's 2026 policy gives 30 days; a 15-day extension needs the Head of Global Mobility's approval."),
        single(
            "KE.1", 2, level: 0, "Who may approve a policy exception costing 3,000 euros at Alder?",
            right: "The Global Mobility Manager",
            wrong: [
                "The assignee's line manager", "The Head of Global Mobility only", "The business unit's HR Director",
            ],
            because:
                "Exceptions up to 5,000 euros are the Global Mobility Manager's; above that the Head of Global Mobility, and above 25,000 euros the business unit's HR Director as well."
        ),
        truth(
            "KE.1", 3, level: 0, "Alder's short-term assignees are tax-equalised like its long-term assignees.",
            isTrue: false,
            because:
                "Only long-term assignees are tax-equalised. Short-term assignees keep their home taxes; Alder pays host tax due on the assignment allowances alone."
        ),
        number(
            "KE.1", 4, level: 0,
            "How many hours of language training does Alder's policy give the assignee (not the partner)?",
            answer: 40,
            because: "40 hours for the assignee and 20 for an accompanying partner, to be used in the first year."),
        single(
            "KE.1", 5, level: 0,
            "A family of four moves on a long-term assignment. What household goods shipment does Alder allow?",
            right: "A 40-foot container and 250 kg by air",
            wrong: [
                "A 20-foot container and 250 kg by air", "A 40-foot container only", "Air shipment only, up to 500 kg",
            ],
            because:
                "Families get a 40-foot container; single assignees and couples a 20-foot one. Everyone gets 250 kg by air for the first weeks."
        ),
        multiple(
            "KE.1", 6, level: 0, "Which of these does Alder's policy give long-term assignees only?",
            right: [
                "A pre-assignment trip of up to five days", "A cost-of-living allowance", "A guaranteed return job",
            ],
            wrong: ["Help with the visa", "Departure services at home"],
            because:
                "Visa support and departure services go with every assignment type; the look-see trip, the cost-of-living allowance and the return guarantee are for long-term assignments."
        ),
        truth(
            "KE.1", 7, level: 0, "A move Alder initiated on 15 March 2026 follows the 2026 edition of its policy.",
            isTrue: false,
            because:
                "The 2026 edition applies to moves initiated from 1 April 2026; earlier moves stay on the 2023 edition to the end of the assignment."
        ),
        single(
            "KE.1", 8, level: 0,
            "Where does an account manager find the version of Alder's policy that applies to a case?",
            right: "On Alder's MobilityHub, with the policy matrix we keep for the account",
            wrong: ["In the assignee's contract only", "In last year's annual review slides", "From the assignee"],
            because:
                "Alder publishes its policies on MobilityHub; our policy matrix says which edition and clause applies to each case."
        ),
        number(
            "KE.1", 9, level: 1, "How often is Alder's cost-of-living allowance reviewed, in months?", answer: 6,
            because:
                "Every six months, against the index Alder buys; a change of more than 5 per cent either way is applied from the next payroll."
        ),
        multiple(
            "KE.1", 10, level: 1,
            "An assignee's partner asks for help finding work in the host country. What does Alder's policy offer?",
            right: ["A career-support allowance of 3,000 euros", "20 hours of language training"],
            wrong: [
                "A work permit for the partner in every country", "Replacement of the partner's lost salary for a year",
            ],
            because:
                "The policy gives the partner a 3,000-euro allowance for career support and 20 hours of language training; permits depend on the country."
        ),
        truth(
            "KE.1", 11, level: 1,
            "Because long-term assignees are tax-equalised, an assignee's home leave flights are a tax cost Alder bears.",
            isTrue: true,
            because:
                "Under equalisation the assignee pays hypothetical home tax only; tax on benefits such as home leave falls on Alder. That is why the policy's cost estimate includes it."
        ),
        single(
            "KE.1", 12, level: 1, "Which class of travel does Alder allow for a home-leave flight of nine hours?",
            right: "Premium economy", wrong: ["Economy", "Business", "Whatever the assignee's grade allows at home"],
            because:
                "Economy up to eight hours' flying; premium economy beyond. Grade does not change it on assignment."),
        order(
            "KE.1", 13, level: 1,
            "Put the approvals an exception of 30,000 euros needs at Alder in the order they are given.",
            steps: ["The Global Mobility Manager", "The Head of Global Mobility", "The business unit's HR Director"],
            because: "An exception climbs the thresholds in turn: each approver sees it after the one below has agreed."
        ),
        scenario(
            "KE.1", 14, level: 2,
            "Alder's HR asks why the policy pays a cost-of-living allowance to long-term assignees only. How do you explain the intent, and would you suggest any change?",
            rubric: [
                "Restates the rule without its intent.",
                "Explains the intent (keeping purchasing power over a long stay) but suggests nothing.",
                "Explains the intent, links it to the equalisation and return guarantee, and proposes a reasoned option for long short-term stays.",
            ],
            because:
                "A strong answer explains that the allowance keeps a long-term assignee's purchasing power over years, which short stays do not need, and weighs a pro-rated allowance for short-term stays that run past nine months."
        ),
        scenario(
            "KE.1", 15, level: 2,
            "You notice that Alder's expense policy caps hotel nights at 150 euros, while the mobility policy pays temporary housing at cost. An assignee falls between them. What do you do?",
            rubric: [
                "Applies one policy without noticing the conflict.",
                "Names the conflict and asks Alder which applies.",
                "Names the conflict, proposes wording that settles it for every case, and handles the assignee meanwhile within the stricter rule.",
            ],
            because:
                "The expert answer resolves the case safely now and gives Alder wording that removes the contradiction for future moves."
        ),
        truth(
            "KE.1", 16, level: 0,
            "Alder's policy gives every assignee, whatever the assignment type, a guaranteed job on return.",
            isTrue: false,
            because:
                "The return guarantee is for long-term assignees; short-term assignees keep their home job, and permanent transfers have no return."
        ),
        single(
            "KE.1", 17, level: 1,
            "A long-term assignee's temporary housing runs out on day 30 and the lease starts on day 38. What applies?",
            right: "Ask the Head of Global Mobility to extend by 8 days, within the 15 allowed",
            wrong: [
                "Extend it yourself, as it is under 15 days", "The assignee pays the 8 nights",
                "Move the family to a hotel at the expense policy's rate",
            ],
            because:
                "Any extension beyond 30 days needs the Head of Global Mobility, up to 15 days; the account manager prepares the request."
        ),
    ]

    // MARK: KE.2 Technical expertise

    static let technical: [BankQuestion] = [
        single(
            "KE.2", 1, level: 0,
            "Under most tax treaties, an employee stays taxable only at home for work abroad if, among other conditions, they are present in the host country for...",
            right: "fewer than 183 days in the period the treaty counts",
            wrong: [
                "fewer than 90 days a year", "fewer than 365 days in total",
                "any time, as long as they are paid at home",
            ],
            because:
                "The 183-day rule of treaties on the OECD model also requires that a non-resident employer pays and that no host establishment bears the cost; the counting period depends on the treaty."
        ),
        number(
            "KE.2", 2, level: 0,
            "Under the Schengen short-stay rule, how many days may a visitor spend in the area in any 180-day period?",
            answer: 90, because: "90 days in any rolling 180 days, counted across all Schengen countries together."),
        single(
            "KE.2", 3, level: 0, "What does an A1 certificate show for an employee posted within the EU?",
            right: "That they stay covered by their home country's social security",
            wrong: [
                "That they may work in the host country", "That they pay income tax at home",
                "That their employer is registered in the host country",
            ],
            because:
                "The A1 certificate proves social security coverage; it is no work permit and says nothing about income tax."
        ),
        number(
            "KE.2", 4, level: 0,
            "For how many months can an EU posting normally keep home social security under the coordination rules?",
            answer: 24,
            because: "Regulation 883/2004 allows up to 24 months; longer needs an agreement between the two countries."),
        truth(
            "KE.2", 5, level: 0,
            "A household goods shipment by sea from Europe to the US east coast usually takes about two weeks door to door.",
            isTrue: false,
            because:
                "Allow six to ten weeks door to door: packing, consolidation, sailing, customs and delivery. That is why temporary housing and air shipments matter."
        ),
        single(
            "KE.2", 6, level: 0,
            "Whom do you involve first when an assignee asks whether their family can work in the host country?",
            right: "Our immigration specialists for that country",
            wrong: [
                "The household goods coordinator", "The customer's payroll team", "The assignee's new line manager",
            ],
            because:
                "Dependants' work rights depend on the country and the permit type; our immigration team answers, and then tells the customer."
        ),
        multiple(
            "KE.2", 7, level: 0,
            "Which documents do customs in most countries ask for before releasing a household goods shipment?",
            right: [
                "The assignee's passport", "Proof of the right to reside, such as the visa",
                "An inventory of the goods",
            ],
            wrong: ["The assignee's employment contract", "The lease of the new home"],
            because:
                "Customs want to know who owns the goods and that they may live there; the inventory is the basis of duty relief. Contracts and leases are rarely asked for."
        ),
        order(
            "KE.2", 8, level: 0, "Put the usual steps of a work-permit case in order.",
            steps: [
                "Confirm the role, salary and dates with the customer", "Prepare and file the employer's part",
                "The assignee applies and gives biometrics", "The permit is issued",
                "The assignee enters and registers locally",
            ],
            because:
                "The employer's part comes first because the assignee's application refers to it; registration after entry is often forgotten and often has a deadline."
        ),
        single(
            "KE.2", 9, level: 1,
            "A US L-1 intracompany transfer requires that the employee has worked for a related company abroad for...",
            right: "one continuous year within the last three years",
            wrong: ["six months within the last year", "two years in total", "any period, if the role is managerial"],
            because:
                "L-1 needs one continuous year within the three years before the application, in a related company outside the US."
        ),
        truth(
            "KE.2", 10, level: 1,
            "In the US, the yearly H-1B cap means that a start date in the spring of the following year cannot be planned with certainty.",
            isTrue: true,
            because:
                "H-1B cap cases go through a yearly registration lottery, with employment starting on 1 October at the earliest; an exempt employer is the exception."
        ),
        multiple(
            "KE.2", 11, level: 1, "An assignee moves from Germany to Singapore in November. What do you warn about?",
            right: [
                "Tax residence in the year of the move in both countries",
                "The shipment arriving after temporary housing ends",
            ],
            wrong: ["Schengen day counting", "The A1 certificate for Singapore"],
            because:
                "A mid-year move creates split-year questions in both countries, and sea freight to Asia takes long. Schengen rules and the A1 are European."
        ),
        number(
            "KE.2", 12, level: 1,
            "A family arrives on day 1; their sea shipment is delivered on day 50. Temporary housing covers 30 days. For how many more days must housing be approved?",
            answer: 20,
            because:
                "50 − 30 = 20 days, unless they move into their home before the shipment and rent furniture, which the customer may prefer."
        ),
        single(
            "KE.2", 13, level: 1,
            "Under tax equalisation, who pays the host country's actual income tax on the assignee's salary?",
            right: "The employer, while the assignee pays a hypothetical home tax",
            wrong: [
                "The assignee, reimbursed at year end", "Nobody, thanks to the treaty",
                "The host entity's payroll, from the assignee's net pay",
            ],
            because:
                "Equalisation keeps the assignee as if at home: a hypothetical home tax is withheld and the employer pays the actual taxes, which is why gross-ups cost so much."
        ),
        truth(
            "KE.2", 14, level: 1,
            "A worker posted from France to Belgium must usually be declared in Belgium before the work starts.",
            isTrue: true,
            because:
                "Most EU countries require a posting declaration before work starts (Belgium's is Limosa), whatever the length of the posting."
        ),
        scenario(
            "KE.2", 15, level: 2,
            "An assignee's family must leave their home country house by 30 June; the host country's visa is forecast for mid-July; the children start school on 1 September. Plan the move across our services.",
            rubric: [
                "Lists services without timing.",
                "Times the services but leaves a gap between leaving and entering.",
                "Bridges the gap (home-country temporary housing, shipment held in storage, air freight timed to arrival) and names the decision the customer must take.",
            ],
            because:
                "A complete plan covers the weeks between leaving home and entering the host country and times the shipment so that nothing waits at customs without a visa."
        ),
        scenario(
            "KE.2", 16, level: 2,
            "A colleague on another account asks whether an assignee on a six-month project in Brazil will become taxable there. What do you answer, and what do you check?",
            rubric: [
                "Gives a yes or no without reasons.",
                "Names the day count and treaty as the questions to check.",
                "Checks whether a treaty links Brazil and the home country, then the days, who pays and who bears the cost, and involves our tax partner before answering the customer.",
            ],
            because:
                "A good first answer names what decides it (treaty, days, who pays and bears the cost) and knows when a specialist must confirm."
        ),
        truth(
            "KE.2", 17, level: 0,
            "A business visitor's visa lets the holder do paid productive work for a host company.", isTrue: false,
            because:
                "Business visits allow meetings and similar activities; productive work for a host company usually needs a work permit, whatever the length of stay."
        ),
        single(
            "KE.2", 18, level: 0, "Household goods are insured on the basis of...",
            right: "a valued inventory at replacement value",
            wrong: ["the weight of the shipment", "the assignee's salary", "the container size"],
            because:
                "Cover follows the assignee's valued inventory; without one, a claim is paid by weight at a low rate."),
        multiple(
            "KE.2", 19, level: 1,
            "Which events can make an assignee tax resident in the host country earlier than expected?",
            right: [
                "Family moving with them", "A home available to them there",
                "Long presence before the assignment formally starts",
            ],
            wrong: ["Opening a host bank account alone", "Buying a local phone contract"],
            because:
                "Residence tests look at days, a home and where the family and life are centred; a bank account or a phone say little."
        ),
    ]

    // MARK: KE.3 Fit-for-customer solutions

    static let fitForCustomer: [BankQuestion] = [
        truth(
            "KE.3", 1, level: 0,
            "Before recommending an exception to Alder, you check the request against the policy clause it departs from.",
            isTrue: true,
            because:
                "An exception is a departure from a clause; naming it shows the approver what is asked and why the policy does not already cover it."
        ),
        single(
            "KE.3", 2, level: 0,
            "An assignee asks for a larger home than the housing allowance covers. What do you do first?",
            right: "Check the policy and the local market, then put options to Alder",
            wrong: [
                "Approve it if the assignee pays nothing extra", "Refuse it outright",
                "Ask the assignee's manager to approve it",
            ],
            because:
                "The account manager recommends; the customer approves. A recommendation rests on the policy and on what the market actually offers."
        ),
        multiple(
            "KE.3", 3, level: 0, "What does a well-prepared exception request to Alder contain?",
            right: ["The clause it departs from", "The cost, including tax", "A recommendation with its reason"],
            wrong: ["The assignee's performance rating", "A copy of every earlier exception"],
            because:
                "Approvers decide on the clause, the full cost and our recommendation; performance ratings have no place in it."
        ),
        single(
            "KE.3", 4, level: 0,
            "Alder's payroll cannot pay an allowance in the host currency. An assignee asks for one. What do you propose?",
            right: "Pay in euros through home payroll, with the exchange rate reviewed on a set date",
            wrong: [
                "Open a host payroll for the assignee", "Pay the allowance in cash",
                "Tell the assignee it is impossible",
            ],
            because:
                "A fit solution works within the customer's systems; a reviewed exchange rate protects the assignee without new payroll."
        ),
        single(
            "KE.3", 5, level: 1,
            "Alder's CFO is moving on assignment and asks for business-class home leave. What fits Alder best?",
            right: "Present it as an exception for Alder's executive committee to decide, with its cost",
            wrong: [
                "Grant it as executives always get it", "Refuse it, as the policy says premium economy",
                "Book it and expense it later",
            ],
            because:
                "Alder treats its executives' moves case by case at committee level; our part is a clean request, not a decision either way."
        ),
        truth(
            "KE.3", 6, level: 1,
            "An exception that Alder has to send back for more information counts as approved without rework.",
            isTrue: false,
            because: "Rework is anything the customer sends back; the aim is requests approved as first submitted."),
        multiple(
            "KE.3", 7, level: 1, "Which facts about the customer decide whether a proposed solution will be accepted?",
            right: [
                "What payroll can process", "Which legal entity employs the assignee",
                "How the customer treats senior executives",
            ],
            wrong: ["What other customers chose", "What costs us least to deliver"],
            because:
                "Payroll, employment structure and culture decide acceptance; other customers' choices and our own cost do not."
        ),
        scenario(
            "KE.3", 8, level: 2,
            "An assignee asks for an exception to Alder's housing policy: a home 40 per cent above the allowance, close to the international school. What do you propose to Alder?",
            rubric: [
                "Forwards the request without a recommendation.",
                "Recommends yes or no with a reason from the policy.",
                "Offers options (a home within the allowance near the school, a capped top-up paid by the assignee, a time-limited exception), with costs including tax, and recommends one that fits Alder's practice.",
            ],
            because:
                "A strong proposal gives the customer a choice it can accept, with full costs, and a recommendation that fits its culture."
        ),
        scenario(
            "KE.3", 9, level: 2,
            "Alder's new Head of Global Mobility wants every exception above 1,000 euros to come to her. What do you advise?",
            rubric: [
                "Agrees without comment.",
                "Warns about the delays it will cause.",
                "Shows with the year's exceptions what it means in volume and delay, and proposes a threshold or reporting that gives her control without slowing moves.",
            ],
            because: "Expert advice reads what she wants (control) and offers a way to it that the programme can bear."),
    ]

    // MARK: KE.4 Vendor capabilities (Northwind Mobility)

    static let vendor: [BankQuestion] = [
        multiple(
            "KE.4", 1, level: 0, "Which of these does Northwind Mobility offer Alder in Asia?",
            right: ["Immigration", "Destination services", "Household goods moves"],
            wrong: ["Executive search", "Payroll processing"],
            because:
                "Northwind covers immigration, destination services and moves in every region; it reports to the customer's payroll but does not run it."
        ),
        single(
            "KE.4", 2, level: 0, "Which Northwind team prepares an assignee's compensation statement?",
            right: "Assignment compensation", wrong: ["Destination services", "Immigration", "Household goods"],
            because:
                "Assignment compensation builds the balance sheet and the statement; the tax partner checks the tax figures."
        ),
        truth(
            "KE.4", 3, level: 0,
            "Northwind's tax returns for assignees are prepared by a partner firm, not by Northwind staff.",
            isTrue: true,
            because:
                "Tax compliance is delivered with a partner firm; the account manager coordinates and keeps the customer's view in one place."
        ),
        single(
            "KE.4", 4, level: 0, "Where do Alder's mobility team and assignees follow the progress of a move?",
            right: "In Northwind Compass, the assignment portal",
            wrong: ["Only by e-mail", "In Alder's HR system", "In the quarterly review"],
            because:
                "Compass shows every service's status to the customer and the assignee; e-mail alone loses the thread."),
        multiple(
            "KE.4", 5, level: 0, "Which services can Northwind add for an accompanying partner?",
            right: ["Career support", "Language training", "Intercultural training"],
            wrong: ["A separate work permit guarantee", "A salary for the partner"],
            because: "Support services are offered; a permit depends on the country and cannot be guaranteed."),
        single(
            "KE.4", 6, level: 1,
            "Alder struggles to forecast assignment costs for its budget. Which Northwind capability do you bring in?",
            right: "The cost projection service of assignment compensation",
            wrong: ["Destination services", "Departure services", "The immigration team"],
            because:
                "Cost projections are built by assignment compensation from the same data as the statements; few customers know it exists."
        ),
        truth(
            "KE.4", 7, level: 1,
            "When an unusual immigration question comes up in a country where Northwind has no office, the account manager should tell the customer we cannot help.",
            isTrue: false,
            because:
                "Northwind's immigration network covers countries without an office; the account manager finds the right specialist through the global immigration desk."
        ),
        scenario(
            "KE.4", 8, level: 2,
            "Alder plans to open a site in Mexico with 40 transfers in six months. Which parts of Northwind do you bring together, and how do you present it?",
            rubric: [
                "Names one service.",
                "Names the services each move needs.",
                "Combines a group immigration plan, a destination services programme for 40 families, cost projections and a single reporting view into one proposal with one contact.",
            ],
            because:
                "The expert answer turns separate services into a programme Alder can run, which no single service line offers."
        ),
        truth(
            "KE.4", 9, level: 0,
            "Northwind can run intercultural training for a whole team moving together, not only for single assignees.",
            isTrue: true,
            because:
                "Group sessions are part of the training offer; they cost less per person and help a new site's team work together."
        ),
    ]

    // MARK: KE.5 Assignment programme knowledge (Alder's programme)

    static let programme: [BankQuestion] = [
        number(
            "KE.5", 1, level: 0, "About how many assignees does Alder's programme have at any time?", answer: 420,
            tolerance: 40,
            because: "About 420: 180 long-term, 150 short-term, 60 commuters and 30 permanent transfers."),
        single(
            "KE.5", 2, level: 0, "Which assignment type is the largest in Alder's programme?",
            right: "Long-term assignments",
            wrong: ["Short-term assignments", "Commuter arrangements", "Permanent transfers"],
            because: "Long-term assignments (180) remain the largest, though short-term ones (150) are catching up."),
        multiple(
            "KE.5", 3, level: 0, "Which assignment types does Alder use?",
            right: ["Long-term", "Short-term", "Commuter", "Permanent transfer"],
            wrong: ["Rotational offshore", "Virtual assignment"],
            because: "Alder's policy has four types; rotational and virtual arrangements are not part of it."),
        truth(
            "KE.5", 4, level: 0, "An Alder short-term assignment lasts up to 12 months.", isTrue: true,
            because: "Short-term: up to 12 months; long-term: 12 to 60 months."),
        single(
            "KE.5", 5, level: 0, "A long-term assignment typically costs the employer, per year, about...",
            right: "two to three times the assignee's salary",
            wrong: ["the assignee's salary", "half the salary again", "ten times the salary"],
            because:
                "Housing, allowances, schooling and taxes under equalisation make two to three times salary a common rule of thumb."
        ),
        single(
            "KE.5", 6, level: 1, "What is the main business purpose of Alder's assignment programme today?",
            right: "Staffing its new plants in Singapore and the US with experienced people",
            wrong: ["Rewarding high performers", "Reducing headcount at home", "Meeting diversity targets"],
            because: "Most moves staff the new manufacturing sites; leadership development is the second purpose."),
        truth(
            "KE.5", 7, level: 1,
            "Alder is moving from long-term assignments towards short-term assignments and permanent transfers to cut costs.",
            isTrue: true,
            because:
                "The trend of the last two years: fewer long-term moves, more short-term stays and localised transfers."
        ),
        order(
            "KE.5", 8, level: 1, "Order Alder's assignment types from the largest population to the smallest.",
            steps: ["Long-term", "Short-term", "Commuter", "Permanent transfer"],
            because: "180, 150, 60 and 30 assignees."),
        scenario(
            "KE.5", 9, level: 2,
            "Alder asks what its programme should look like in three years, when the new plants are staffed. What do you advise?",
            rubric: [
                "Describes today's programme.",
                "Names the trend and its cause.",
                "Connects the programme's history and plans to a next stage (fewer long-term moves, more localisation, development moves kept), with the policy and cost changes it needs.",
            ],
            because: "An expert advises on the programme's next stage from its purpose, history and numbers."),
        number(
            "KE.5", 10, level: 0, "How many commuters does Alder's programme have, roughly?", answer: 60, tolerance: 10,
            because: "About 60, mostly between its European sites."),
    ]
}
