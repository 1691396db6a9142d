import AcumenCore
import AcumenStore
import Foundation
import XCTVapor
import XCTest

@testable import AcumenWeb

/// Every page and e-mail that raters and account managers read, rendered in a pseudo-locale
/// that wraps each catalogue message in ⟦ ⟧: any word left outside the brackets, once names,
/// dates and content are set aside, was written in a view instead of the catalogue.
final class PseudoLocaleTests: XCTestCase {
    typealias Client = AssessmentRoutesTests.Client

    func test_everyTranslatedPageAndEmail_takesItsWordsFromTheCatalogue() async throws {
        try await WebHarness.withDemoApp { app, demo in
            app.messageCatalogue = MessageCatalogue.builtIn.pseudoLocalized()
            let manager = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let cycle = try await AssessmentRoutesTests.openCycle(manager, name: "Pseudo review")
            let customerEmail = WebHarness.email(of: .customerReviewer, in: demo)
            let token = try await AssessmentRoutesTests.link(to: customerEmail, app: app)
            var data = try await Self.knownData(app: app, demo: demo, cycleName: "Pseudo review")
            var pages: [(String, String)] = []

            let stranger = BrowserSession(app: app)
            pages.append(("sign-in", try await stranger.get("/login").body.string))
            pages.append(("customer form", try await stranger.get("/r/\(token)").body.string))
            pages.append(
                ("replaced link", try await stranger.get("/r/\(String(repeating: "x", count: 43))").body.string))

            // Programme staff's pages are English for now, but their words come from the catalogue too.
            let programme = BrowserSession(app: app)
            try await programme.signIn(WebHarness.email(of: .programmeManager, in: demo))
            for (name, path) in [
                ("cycle", "/cycles/\(cycle)"), ("new cycle", "/cycles/new"),
                ("anonymity preview", "/cycles/\(cycle)/preview"),
                ("questionnaire", "/cycles/\(cycle)/questions"),
                ("questionnaire in French", "/cycles/\(cycle)/questions?language=fr"),
                ("confirm closing", "/cycles/\(cycle)/advance"), ("measurement quality", "/cycles/\(cycle)/quality"),
                ("people", "/people"), ("import", "/import"),
                ("outbox", "/outbox"), ("scorecards", "/scorecards"), ("new framework", "/frameworks/new"),
            ] {
                pages.append((name, try await programme.get(path).body.string))
            }
            // A draft of the built-in framework, and every page that edits it.
            let builtIn = try await FrameworkRepository(database: app.db).summaries().first {
                $0.status == .published && $0.name == GlobalMobilityAccountManagerFramework.name
            }
            let started = try await programme.post(
                "/frameworks/\(try XCTUnwrap(builtIn).id)/versions", form: [:])
            let draft = try XCTUnwrap(started.headers.first(name: .location))
            let draftContent = try await FrameworkRepository(database: app.db).version(
                id: try XCTUnwrap(UUID(uuidString: String(draft.split(separator: "/").last ?? "")))
            ).content
            let draftCategory = try XCTUnwrap(draftContent.categories.first)
            let draftCompetency = try XCTUnwrap(draftCategory.competencies.first)
            for (name, path) in [
                ("draft", draft), ("draft details", "\(draft)/edit"), ("role profiles", "\(draft)/profiles"),
                ("confirm retiring", "/frameworks/\(try XCTUnwrap(builtIn).id)/retire"),
                ("translation", "\(draft)/translations/fr"),
                ("category", "\(draft)/categories/\(draftCategory.identifier)/edit"),
                ("competency form", "\(draft)/competencies/\(draftCompetency.identifier)/edit"),
                ("new competency", "\(draft)/competencies/new?category=\(draftCategory.identifier)"),
            ] {
                pages.append((name, try await programme.get(path).body.string))
            }
            // A draft whose new competency has no behaviours yet: the page lists what stops
            // publishing, each place and problem from the catalogue; and a refused new cycle.
            let added = try await programme.post(
                "\(draft)/competencies",
                form: ["categoryID": draftCategory.identifier.uuidString, "code": "PS.1", "title": "Pseudo competency"])
            XCTAssertEqual(added.status, .seeOther)
            data += ["Pseudo competency", "PS.1"]
            pages.append(("draft that cannot be published", try await programme.get(draft).body.string))
            let refusedCycle = try await programme.post(
                "/cycles",
                form: [
                    "name": " ", "frameworkID": "", "scope": "all", "opensOn": "2027-02-01", "closesOn": "2027-01-01",
                    "minimumPeers": "1", "minimumCustomers": "three", "minimumForComments": "3", "reminderDays": "7, x",
                ])
            XCTAssertEqual(refusedCycle.status, .unprocessableEntity)
            pages.append(("refused new cycle", refusedCycle.body.string))
            // The learning catalogue with a filter it cannot read, and one offering.
            let catalogue = try await programme.get("/catalogue?format=podcast")
            XCTAssertEqual(catalogue.status, .badRequest)
            pages.append(("catalogue", catalogue.body.string))
            let offerings = try await CatalogueRepository(database: app.db).offerings()
            let offering = try XCTUnwrap(offerings.first { !$0.prerequisites.isEmpty })
            pages.append(("offering", try await programme.get("/catalogue/offerings/\(offering.id)").body.string))
            // A refused import lists each line's problem from the catalogue; column names and
            // the file's own values stay as the file has them.
            try await programme.get("/import")
            let refusedImport = try await programme.upload(
                "/import/people", filename: "people.csv",
                contents:
                    "name,email,job_title,hire_date\nAna,ana@x.example,Lead,2024-01-01\n,ana@x.example,,2024-13-01\n")
            XCTAssertEqual(refusedImport.status, .unprocessableEntity)
            XCTAssertContains(refusedImport.body.string, "hire_date")
            data += ["email", "name", "job_title", "hire_date", "ana@x.example", "YYYY-MM-DD"]
            pages.append(("refused import", refusedImport.body.string))
            // Calibration as the programme prepares and reads it: the demo exercise with its
            // results, a master rating, a new exercise that still lacks everything, who is due,
            // drift and a cycle's double rating; and the programme's own home page.
            for (name, path) in [
                ("programme home", "/"), ("calibration setup", "/calibration"),
                ("due for calibration", "/calibration/due"), ("drift", "/calibration/drift"),
                ("double rating", "/cycles/\(cycle)/double-ratings"),
            ] {
                pages.append((name, try await programme.get(path).body.string))
            }
            let setup = try await programme.get("/calibration").body.string
            let demoExercise = try XCTUnwrap(
                setup.range(of: #"href="/calibration/(?!due|drift)"#, options: .regularExpression).map { range in
                    String(setup[range].dropFirst(6)) + setup[range.upperBound...].prefix { $0 != "\"" }
                })
            let results = try await programme.get(demoExercise).body.string
            pages.append(("calibration results", results))
            let master = try XCTUnwrap(
                results.range(of: #"href="\#(demoExercise)/cases/[^"]*/master"#, options: .regularExpression).map {
                    String(results[$0].dropFirst(6))
                })
            pages.append(("master rating", try await programme.get(master).body.string))
            let created = try await programme.post(
                "/calibration",
                form: [
                    "title": "Pseudo exercise", "frameworkID": try XCTUnwrap(builtIn).id.uuidString,
                    "minimumExact": "60", "minimumAdjacent": "90", "minimumKappa": "", "maximumBias": "0.3",
                    "validMonths": "12",
                ])
            data.append("Pseudo exercise")
            pages.append(
                (
                    "new exercise",
                    try await programme.get(try XCTUnwrap(created.headers.first(name: .location))).body.string
                ))
            let administrator = BrowserSession(app: app)
            try await administrator.signIn(WebHarness.email(of: .administrator, in: demo))
            pages.append(("users", try await administrator.get("/users").body.string))
            let refusedUser = try await administrator.post(
                "/users", form: ["email": "nobody", "role": "chief", "password": "short"])
            XCTAssertEqual(refusedUser.status, .unprocessableEntity)
            pages.append(("refused user", refusedUser.body.string))

            let supervisor = BrowserSession(app: app)
            try await supervisor.signIn(WebHarness.email(of: .supervisor, in: demo))
            let supervisorHome = try await supervisor.get("/").body.string
            pages.append(("supervisor home", supervisorHome))
            let form = try XCTUnwrap(
                supervisorHome.range(of: #"href="/forms/"#).map { range in
                    "/forms/" + supervisorHome[range.upperBound...].prefix { $0 != "\"" }
                })
            pages.append(("grid form", try await supervisor.get(form).body.string))
            // Calibration as its participants see it: the supervisor still to take the demo
            // exercise, a case to rate, and a team lead's feedback after submitting.
            let calibration = try await supervisor.get("/calibration").body.string
            pages.append(("calibration", calibration))
            let exercise = try XCTUnwrap(
                calibration.range(of: #"href="/calibration/"#).map { range in
                    "/calibration/" + calibration[range.upperBound...].prefix { $0 != "\"" }
                })
            let exercisePage = try await supervisor.get(exercise).body.string
            pages.append(("calibration exercise", exercisePage))
            let firstCase = try XCTUnwrap(
                exercisePage.range(of: #"href="\#(exercise)/cases/"#).map { range in
                    "\(exercise)/cases/" + exercisePage[range.upperBound...].prefix { $0 != "\"" }
                })
            pages.append(("calibration case", try await supervisor.get(firstCase).body.string))
            let teamLead = BrowserSession(app: app)
            try await teamLead.signIn(try XCTUnwrap(DemoLoader.calibrationParticipants(demo).first))
            pages.append(("calibration feedback", try await teamLead.get(exercise).body.string))
            let customer = BrowserSession(app: app)
            try await customer.signIn(customerEmail)
            pages.append(("customer home", try await customer.get("/").body.string))
            // The vendor scorecard, the questionnaire about another vendor, and that form refused.
            let scorecard = try await customer.get("/scorecard").body.string
            pages.append(("vendor scorecard", scorecard))
            let rating = try XCTUnwrap(
                scorecard.range(of: #"/scorecard/vendors/[^"/]+/rate"#, options: .regularExpression).map {
                    String(scorecard[$0])
                })
            pages.append(("questionnaire about a vendor", try await customer.get(rating).body.string))
            let refusedRating = try await customer.post(
                String(rating.dropLast("/rate".count)) + "/ratings", form: ["year": "1999"])
            XCTAssertEqual(refusedRating.status, .badRequest)
            pages.append(("refused questionnaire about a vendor", refusedRating.body.string))
            let removal = try XCTUnwrap(
                scorecard.range(of: #"/scorecard/ratings/[^"/]+/remove"#, options: .regularExpression).map {
                    String(scorecard[$0])
                })
            pages.append(("removing a questionnaire about a vendor", try await customer.get(removal).body.string))
            data += DemoVendorScorecard.vendors.flatMap { vendor in
                [vendor.name] + vendor.actions.flatMap { [$0.title, $0.owner] }
                    // The chart's bars are named by vendor and year, long names cut short.
                    + (0...1).map { back in
                        let label = "\(vendor.name) \(CalendarDate.today.year - back)"
                        return label.count > 24 ? label.prefix(23) + "…" : label
                    }
            }

            let questions = try await CycleRepository(database: app.db).questionnaire(
                cycleID: UUID(uuidString: cycle)!
            ).questions.count
            try await Client(app: app, token: nil).call(
                .POST, "/api/v1/rater/\(token)/submit",
                json: try await AssessmentRoutesTests.answers("often", count: questions, app: app, cycle: cycle),
                expect: .created)
            pages.append(("thanks", try await stranger.get("/r/\(token)").body.string))
            for from in ["open", "closed"] {
                try await manager.call(
                    .POST, "/api/v1/cycles/\(cycle)/advance", json: #"{"from": "\#(from)"}"#, expect: .ok)
            }
            let accountManagerEmail = WebHarness.email(of: .accountManager, in: demo)
            let accountManager = BrowserSession(app: app)
            try await accountManager.signIn(accountManagerEmail)
            pages.append(("account manager home", try await accountManager.get("/").body.string))
            let subjectID = try await PeopleRepository(database: app.db).personID(email: accountManagerEmail)
            pages.append(
                (
                    "report",
                    try await accountManager.get("/cycles/\(cycle)/people/\(try XCTUnwrap(subjectID))/report").body
                        .string
                ))

            let frameworks = FrameworkRepository(database: app.db)
            let published = try await frameworks.summaries().first { $0.status == .published }
            let framework = try XCTUnwrap(published)
            let content = try await frameworks.version(id: framework.id).content
            let competency = try XCTUnwrap(content.competencies.first)
            pages.append(("frameworks", try await accountManager.get("/frameworks").body.string))
            pages.append(("assessments", try await accountManager.get("/cycles").body.string))
            pages.append(
                (
                    "raters",
                    try await accountManager.get("/cycles/\(cycle)/people/\(try XCTUnwrap(subjectID))").body.string
                ))
            pages.append(("person", try await accountManager.get("/people/\(try XCTUnwrap(subjectID))").body.string))
            pages.append(
                ("roadmap", try await accountManager.get("/people/\(try XCTUnwrap(subjectID))/roadmap").body.string))
            pages.append(("framework", try await accountManager.get("/frameworks/\(framework.id)").body.string))
            pages.append(
                (
                    "competency",
                    try await accountManager.get("/frameworks/\(framework.id)/competencies/\(competency.identifier)")
                        .body.string
                ))

            // The account's review and action plan, as the account manager keeps it up: a refused
            // action (every problem named), an added one with its SMART gaps, and its edit page.
            let accounts = try await AccountRepository(database: app.db).accounts(visibleTo: nil)
            let account = try XCTUnwrap(
                accounts.first { $0.accountManagerName == Self.name(of: accountManagerEmail, demo) })
            pages.append(("accounts", try await accountManager.get("/accounts").body.string))
            let refused = try await accountManager.post(
                "/accounts/\(account.id)/actions", form: ["title": "", "dueOn": "soon", "addresses": "nothing"])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            pages.append(("refused action", refused.body.string))
            try await accountManager.post(
                "/accounts/\(account.id)/actions", form: ["title": "Weekly call", "dueOn": "2020-01-01"])
            let accountPage = try await accountManager.get("/accounts/\(account.id)").body.string
            pages.append(("account", accountPage))
            let edit = try XCTUnwrap(
                accountPage.range(of: #"href="/accounts/\#(account.id)/actions/"#).map { range in
                    "/accounts/\(account.id)/actions/" + accountPage[range.upperBound...].prefix { $0 != "\"" }
                })
            pages.append(("action edit", try await accountManager.get(edit).body.string))

            for (name, html) in pages {
                XCTAssertTrue(html.contains("⟦"), "\(name) is rendered with the pseudo-locale")
                let stray = Self.strayWords(in: Self.visibleText(html), data: data)
                XCTAssertEqual(stray, "", "\(name) has words that are not from the catalogue")
            }

            let mails = try await OutboxRepository(database: app.db).recent(limit: 5000).map(\.message)
            let invitation = try XCTUnwrap(mails.first { $0.recipient == customerEmail })
            let digest = try XCTUnwrap(mails.first { $0.recipient == WebHarness.email(of: .supervisor, in: demo) })
            let released = try XCTUnwrap(
                mails.first { $0.recipient == accountManagerEmail && $0.body.contains("/report") })
            for (name, mail) in [("invitation", invitation), ("digest", digest), ("release", released)] {
                for text in [mail.subject, mail.body] {
                    let stray = Self.strayWords(in: text, data: data)
                    XCTAssertEqual(stray, "", "the \(name) e-mail has words that are not from the catalogue")
                }
            }
        }
    }

    static func name(of email: String, _ demo: DemoOrganisation) -> String? {
        demo.people.first { $0.email == email }?.name
    }

    /// Names, content and addresses the pages show as stored, longest first so that a name
    /// inside a longer text does not break it up.
    static func knownData(app: Application, demo: DemoOrganisation, cycleName: String) async throws -> [String] {
        let framework = GlobalMobilityAccountManagerFramework.content
        let questionnaire = GlobalMobilityQuestionnaire.questionnaire
        // What the account manager types into the action plan in the test.
        var data: [String] = [
            "Acumen", cycleName, questionnaire.title, questionnaire.introduction, "Weekly call", "nothing",
        ]
        data += demo.people.flatMap {
            [$0.name, $0.email, $0.jobTitle, $0.organisation, $0.location, $0.country, $0.team]
        }
        data.append(DemoGenerator.vendorName)
        data += demo.accounts.flatMap { [$0.name, $0.customer] }
        data += framework.parts.map(\.original) + framework.competencies.map(\.code)
        data += framework.categories.map(\.code)
        data += questionnaire.questions.flatMap { [$0.text, $0.code, $0.competencyCode] + $0.translations.values }
        data += Language.allCases.map(\.nativeName)
        // Languages named by Foundation's locale data, as lists are joined by it.
        data += Language.allCases.map { Localizer(.english).name(of: ContentLanguage($0)) }
        data += demo.logins.map(\.email)
        data += [DemoCalibration.title, DemoCalibration.panel]
        for offering in try await CatalogueRepository(database: app.db).offerings() {
            data += [offering.title, offering.summary, offering.code, offering.provider, offering.owner, offering.link]
            data += [offering.category, offering.xapiActivityID] + offering.targets.map(\.competencyCode)
        }
        data += try await CatalogueRepository(database: app.db).categories()
        // Intraclass correlations are named by the statistic's notation in every language.
        data += ["ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)"]
        for referenceCase in DemoCalibration.cases {
            data += [referenceCase.title] + referenceCase.material.components(separatedBy: "\n")
            data += referenceCase.masters.map(\.rationale)
        }
        for summary in try await FrameworkRepository(database: app.db).summaries() {
            data += [summary.name, summary.owner]
            let version = try await FrameworkRepository(database: app.db).version(id: summary.id)
            data += version.roleProfiles.flatMap { [$0.name, $0.jobRole] }
            data += version.content.parts.map(\.original) + version.content.competencies.map(\.code)
            data += version.content.categories.map(\.code)
        }
        return data.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// The text a reader sees or hears: text between tags and the labels assistive technology
    /// reads, without scripts, styles and entities.
    static func visibleText(_ html: String) -> String {
        var text = html
        for pattern in [#"<script[\s\S]*?</script>"#, #"<style[\s\S]*?</style>"#] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        // Labels read aloud become text; every other attribute is markup.
        text = text.replacingOccurrences(
            of: #"(?:aria-label|title|alt|placeholder)="([^"]*)""#, with: "> $1 <", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
        for (entity, character) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// What is left once catalogue messages (innermost first, as one message can fill another's
    /// placeholder), known data and dates are taken out, if it has any letter.
    static func strayWords(in text: String, data: [String]) -> String {
        var rest = text
        while rest.range(of: #"⟦[^⟦⟧]*⟧"#, options: .regularExpression) != nil {
            rest = rest.replacingOccurrences(of: #"⟦[^⟦⟧]*⟧"#, with: " ", options: .regularExpression)
        }
        // Links first: a random token can contain a name, which must not split the link.
        rest = rest.replacingOccurrences(of: #"https?://\S+"#, with: " ", options: .regularExpression)
        for item in data { rest = rest.replacingOccurrences(of: item, with: " ") }
        // Lists are joined by the locale's conjunction ("a, b and c"), not by the catalogue.
        rest = rest.replacingOccurrences(of: #"\band\b"#, with: " ", options: .regularExpression)
        // Dates are formatted by the locale, not written in the catalogue.
        rest = rest.replacingOccurrences(
            of:
                #"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b"#,
            with: " ", options: .regularExpression)
        let words = rest.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: \.isLetter) }
        return words.joined(separator: " ")
    }
}
