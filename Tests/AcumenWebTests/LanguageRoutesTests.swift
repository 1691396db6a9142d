import AcumenCore
import AcumenStore
import Foundation
import XCTVapor
import XCTest

@testable import AcumenWeb

/// Raters read their forms in their language: the one chosen for them, else their browser's;
/// they can switch on the form, keeping their answers.
final class LanguageRoutesTests: XCTestCase {
    typealias Client = AssessmentRoutesTests.Client

    func test_everyMessageKeyOfTheWebTarget_hasAnEnglishMessage() {
        let keys: [any MessageKey] =
            LayoutMessage.allCases + RaterFormMessage.allCases + GridMessage.allCases + AutosaveMessage.allCases
            + RaterMailMessage.allCases + ErrorMessage.allCases + RaterErrorMessage.allCases + HomeMessage.allCases
            + StatusMessage.allCases + NavigationMessage.allCases + ReportMessage.allCases
            + ReleaseMailMessage.allCases + LoginMessage.allCases
            + RoleMessage.allCases + FrameworkMessage.allCases + FrameworkEditMessage.allCases
            + AccountMessage.allCases + PagerMessage.allCases + ProblemListMessage.allCases + CycleListMessage.allCases
            + PersonMessage.allCases + CycleSubjectMessage.allCases + CommandMessage.allCases
            + ParticipantMessage.allCases + FeedbackMessage.allCases + CalibrationMailMessage.allCases
            + VendorScorecardMessage.allCases
        let programmeKeys: [any MessageKey] =
            CyclePageMessage.allCases + CycleAdvanceMessage.allCases + ConfirmationMessage.allCases
            + NewCycleMessage.allCases + PreviewMessage.allCases + QuestionsMessage.allCases
            + CycleFlashMessage.allCases + FrameworkFormMessage.allCases + ProfilesMessage.allCases
            + TranslationMessage.allCases + PeopleListMessage.allCases + OutboxMessage.allCases
            + CalibrationSetupMessage.allCases + DoubleRatingMessage.allCases + DriftMessage.allCases
            + ProgrammeHomeMessage.allCases + StatisticMessage.allCases + CommandHelpMessage.allCases
            + StatsCommandMessage.allCases + CataloguePageMessage.allCases + RoadmapMessage.allCases
            + KnowledgeCheckMessage.allCases
        let english = MessageCatalogue.builtIn.keys(in: .english)
        for key in keys + programmeKeys {
            XCTAssertTrue(english.contains(key.key), "\(key.key) has no English message")
        }
    }

    func test_errorPages_explainTheProblem_inTheReadersLanguage() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = BrowserSession(app: app)
            try await manager.signIn(WebHarness.email(of: .accountManager, in: demo))
            try await manager.get("/")
            try await manager.post("/preferences/language", form: ["language": "de", "back": "/"])
            let missing = try await manager.get("/accounts/\(UUID())")
            XCTAssertEqual(missing.status, .notFound)
            XCTAssertEqual(missing.headers.first(name: .contentLanguage), "de")
            XCTAssertContains(missing.body.string, "Das Gewünschte gibt es nicht, oder Sie dürfen es nicht sehen.")
            XCTAssertFalse(missing.body.string.contains("was not found"), "the English sentence is not shown in German")

            let staff = BrowserSession(app: app)
            try await staff.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let english = try await staff.get("/accounts/\(UUID())")
            XCTAssertEqual(english.status, .notFound)
            XCTAssertContains(english.body.string, "That account was not found.")
        }
    }

    func test_dueDates_countDays_inTheReadersLanguage() {
        let today = CalendarDate("2026-12-02")!
        let english = Localizer(.english)
        let due = { (day: String, text: Localizer) in HomeMessage.due(CalendarDate(day)!, on: today, text: text) }
        XCTAssertEqual(due("2026-12-02", english), "due today")
        XCTAssertEqual(due("2026-12-03", english), "due tomorrow")
        XCTAssertEqual(due("2027-01-01", english), "due in 30 days (1 January 2027)")
        XCTAssertEqual(due("2026-12-01", english), "1 day late")
        XCTAssertEqual(due("2026-11-02", english), "30 days late")
        XCTAssertEqual(due("2026-12-01", Localizer(.french)), "1 jour de retard")
        XCTAssertEqual(due("2026-11-02", Localizer(.french)), "30 jours de retard")
        XCTAssertEqual(due("2026-11-02", Localizer(.japanese)), "30 日遅れ")
    }

    func get(_ path: String, app: Application, acceptLanguage: String? = nil) async throws -> XCTHTTPResponse {
        var headers = HTTPHeaders()
        if let acceptLanguage { headers.add(name: .acceptLanguage, value: acceptLanguage) }
        var result: XCTHTTPResponse!
        try await app.send(.GET, path, headers: headers, afterResponse: { result = $0 })
        return result
    }

    func post(_ path: String, _ fields: [String: String], app: Application) async throws -> XCTHTTPResponse {
        var result: XCTHTTPResponse!
        try await app.send(
            .POST, path, beforeRequest: { try $0.content.encode(fields, as: .urlEncodedForm) },
            afterResponse: { result = $0 })
        return result
    }

    func test_aCustomer_readsTheFormInTheirBrowsersLanguage_andSwitchesKeepingTheirAnswers() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let manager = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            _ = try await AssessmentRoutesTests.openCycle(manager)
            let token = try await AssessmentRoutesTests.link(
                to: WebHarness.email(of: .customerReviewer, in: demo), app: app)
            let path = "/r/\(token)"

            let french = try await get(path, app: app, acceptLanguage: "fr-CH, fr;q=0.9, en;q=0.5").body.string
            XCTAssertContains(french, #"<html lang="fr" dir="ltr">"#)
            XCTAssertContains(french, "Envoyer mes réponses")
            // The questions and the categories are French too, and nothing is marked as untranslated.
            XCTAssertContains(french, "Quand je formule une demande, mon responsable de compte la prend en charge")
            XCTAssertContains(french, "Gestion opérationnelle")
            XCTAssertFalse(french.contains(#"lang="en""#), "no English content on a wholly French form")
            XCTAssertContains(french, "Jamais")
            XCTAssertContains(french, #"data-msg-saving="Enregistrement…""#)
            let login = try await get("/login", app: app, acceptLanguage: "es-MX, es;q=0.9").body.string
            XCTAssertContains(login, #"<html lang="es" dir="ltr">"#)
            XCTAssertContains(login, "Contraseña")
            let expired = try await get("/r/\(String(repeating: "x", count: 43))", app: app, acceptLanguage: "es")
            XCTAssertEqual(expired.status, .notFound)
            XCTAssertContains(expired.body.string, "Este enlace no es válido")
            let english = try await get(path, app: app, acceptLanguage: "nl, sv").body.string
            XCTAssertContains(english, #"<html lang="en" dir="ltr">"#)
            XCTAssertContains(english, "Submit my answers")

            // Switching saves what was typed, then shows the form in the language chosen.
            let switched = try await post(
                path, ["q:OM.1-a": "often", "intent": "language", "language": "ar"], app: app)
            XCTAssertEqual(switched.status, .ok)
            let arabic = switched.body.string
            XCTAssertContains(arabic, #"<html lang="ar" dir="rtl">"#)
            XCTAssertContains(arabic, "إرسال إجاباتي")
            XCTAssertContains(arabic, #"value="often" checked="checked""#)

            // The choice is the invitation's: it outlives the browser's wish.
            let again = try await get(path, app: app, acceptLanguage: "de").body.string
            XCTAssertContains(again, #"<html lang="ar" dir="rtl">"#)
            let stored = try await InvitationRepository(database: app.db).invitation(
                tokenDigest: SecretToken.digest(token))
            let invitation = try XCTUnwrap(stored)
            XCTAssertEqual(invitation.language, .arabic)
            let draft = try await ResponseRepository(database: app.db).draft(invitationID: invitation.id)
            XCTAssertEqual(draft["q:OM.1-a"], "often")

            // `?lang=` switches and remembers too; every page says its language in a header.
            let japanese = try await get("\(path)?lang=ja", app: app, acceptLanguage: "de")
            XCTAssertEqual(japanese.headers.first(name: .contentLanguage), "ja")
            XCTAssertContains(japanese.body.string, #"<html lang="ja" dir="ltr">"#)
            let remembered = try await get(path, app: app).body.string
            XCTAssertContains(remembered, #"<html lang="ja" dir="ltr">"#)
            // What is missing is said in the form's language, question by question.
            let unfinished = try await post(path, ["q:OM.1-a": "often", "intent": "submit"], app: app)
            XCTAssertEqual(unfinished.status, .unprocessableEntity)
            XCTAssertContains(unfinished.body.string, "質問 2：回答か「わからない」を選んでください")
            XCTAssertFalse(unfinished.body.string.contains("choose an answer"))
            _ = try await get("\(path)?lang=ar", app: app)

            // A language Acumen does not ship is not stored; the answers are still saved.
            let unknown = try await post(
                path, ["q:OM.1-a": "always", "intent": "language", "language": "tlh"], app: app)
            XCTAssertEqual(unknown.status, .ok)
            XCTAssertContains(unknown.body.string, #"<html lang="ar" dir="rtl">"#)
            XCTAssertContains(unknown.body.string, #"value="always" checked="checked""#)
        }
    }

    func test_aProgrammeManager_translatesAFramework_andRatersReadIt() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let builtIn = try await FrameworkRepository(database: app.db).latestPublished(
                named: GlobalMobilityAccountManagerFramework.name)
            let framework = try XCTUnwrap(builtIn)
            let page = "/frameworks/\(framework.id)/translations/es"
            let outsider = BrowserSession(app: app)
            try await outsider.signIn(WebHarness.email(of: .accountManager, in: demo))
            let refused = try await outsider.get(page)
            XCTAssertEqual(refused.status, .forbidden)

            let manager = BrowserSession(app: app)
            try await manager.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let form = try await manager.get(page)
            XCTAssertEqual(form.status, .ok)
            XCTAssertContains(form.body.string, "Translate into Spanish")
            XCTAssertContains(form.body.string, #"name="t:behaviour/OM.1/0/0""#)
            let notALanguage = try await manager.get("/frameworks/\(framework.id)/translations/xx")
            XCTAssertEqual(notALanguage.status, .notFound)
            let original = try await manager.get("/frameworks/\(framework.id)/translations/en")
            XCTAssertEqual(original.status, .notFound, "the original is edited, not translated")

            let bad = try await manager.post(
                page, form: ["t:behaviour/ZZ.1/0/0": "x", "t:name": "Gestor de cuenta de movilidad global"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertContains(bad.body.string, "the framework has no such part")
            let unchanged = try await FrameworkRepository(database: app.db).version(id: framework.id).content
            XCTAssertNil(unchanged.translations[.spanish]?["behaviour/OM.1/0/0"])

            let saved = try await manager.post(
                page,
                form: [
                    "t:behaviour/OM.1/0/0": "Confirma personalmente cada solicitud y dice quién se ocupará.",
                    "t:competency/OM.1/title": "Interlocutor único",
                ])
            XCTAssertEqual(saved.status, .seeOther)
            let stored = try await FrameworkRepository(database: app.db).version(id: framework.id).content
            XCTAssertEqual(
                stored.translations[.spanish],
                [
                    "behaviour/OM.1/0/0": "Confirma personalmente cada solicitud y dice quién se ocupará.",
                    "competency/OM.1/title": "Interlocutor único",
                ], "the form holds the whole translation: what was left blank is shown as written")

            // The account manager reads the framework in Spanish: the translated parts in
            // Spanish, the rest as written, marked as English and announced.
            try await outsider.post("/preferences/language", form: ["language": "es", "back": "/"])
            let read = try await outsider.get("/frameworks/\(framework.id)")
            XCTAssertEqual(read.headers.first(name: .contentLanguage), "es")
            let html = read.body.string
            XCTAssertContains(html, "Interlocutor único")
            XCTAssertContains(html, "Confirma personalmente cada solicitud y dice quién se ocupará.")
            XCTAssertContains(html, "aún no están traducidas al español")
            let untouched = try XCTUnwrap(stored.competencies.first { $0.code == "OM.2" })
            XCTAssertContains(html, #"<span lang="en" dir="ltr">\#(untouched.title)</span>"#)
            let competency = try XCTUnwrap(stored.competencies.first { $0.code == "OM.1" })
            let competencyPage = try await outsider.get(
                "/frameworks/\(framework.id)/competencies/\(competency.identifier)")
            XCTAssertContains(competencyPage.body.string, "Interlocutor único")
            XCTAssertContains(competencyPage.body.string, "Comentarios de revisión")
            // Programme staff keep their English pages.
            let managers = try await manager.get("/frameworks/\(framework.id)").body.string
            XCTAssertContains(managers, #"<html lang="en""#)
            XCTAssertContains(managers, "Role profiles")
        }
    }

    func test_theProgrammeChoosesAnAccountsLanguage_andItsCustomersGetFrenchMail_withoutSeeingTheirOwnSwitch()
        async throws
    {
        try await WebHarness.withDemoApp { app, demo in
            let customerEmail = WebHarness.email(of: .customerReviewer, in: demo)
            let manager = BrowserSession(app: app)
            try await manager.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let customer = BrowserSession(app: app)
            try await customer.signIn(customerEmail)
            let home = try await customer.get("/").body.string
            let accounts = try await AccountRepository(database: app.db).accounts(visibleTo: nil)
            let account = try XCTUnwrap(accounts.first { home.contains("/accounts/\($0.id)") })
            try await manager.get("/accounts/\(account.id)")
            let refused = try await manager.post("/accounts/\(account.id)/language", form: ["language": "klingon"])
            XCTAssertEqual(refused.status, .badRequest)
            let chosen = try await manager.post("/accounts/\(account.id)/language", form: ["language": "fr"])
            XCTAssertEqual(chosen.status, .seeOther)
            let forbidden = try await customer.post("/accounts/\(account.id)/language", form: ["language": "de"])
            XCTAssertEqual(forbidden.status, .forbidden, "a customer does not choose for the account")

            let client = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let cycle = try await AssessmentRoutesTests.openCycle(client, name: "Revue annuelle")
            let mail = try await OutboxRepository(database: app.db).recent(limit: 5000).first {
                $0.message.recipient == customerEmail && $0.message.subject.contains("Revue annuelle")
            }
            let message = try XCTUnwrap(mail).message
            XCTAssertContains(message.body, "Bonjour")
            XCTAssertContains(message.body, "votre responsable de compte")
            let token = try await AssessmentRoutesTests.link(to: customerEmail, app: app)
            let form = try await get("/r/\(token)", app: app).body.string
            XCTAssertContains(form, #"<html lang="fr" dir="ltr">"#)

            // The customer switches to German; the programme manager still sees only their own choice.
            _ = try await post("/r/\(token)", ["intent": "language", "language": "de"], app: app)
            let invitations = try await InvitationRepository(database: app.db).invitations(
                cycleID: UUID(uuidString: cycle)!)
            let invitation = try XCTUnwrap(invitations.first { $0.raterEmail == customerEmail })
            XCTAssertEqual(invitation.language, .german)
            XCTAssertEqual(invitation.programmeLanguage, .french)
            let subjectPage = try await manager.get("/cycles/\(cycle)/people/\(invitation.subjectID)").body.string
            XCTAssertContains(subjectPage, #"<option value="fr" selected="selected">"#)
            XCTAssertFalse(subjectPage.contains(#"<option value="de" selected="selected">"#))
        }
    }

    func test_aSignedInPerson_choosesTheirLanguage_andTheirFormsFollowIt() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let client = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            _ = try await AssessmentRoutesTests.openCycle(client)
            let supervisor = BrowserSession(app: app)
            try await supervisor.signIn(WebHarness.email(of: .supervisor, in: demo))
            let home = try await supervisor.get("/").body.string
            XCTAssertContains(home, #"action="/preferences/language""#)
            let arabic = try await supervisor.post("/preferences/language", form: ["language": "ar", "back": "/"])
            XCTAssertEqual(arabic.status, .badRequest, "Arabic covers raters' forms only")
            let chosen = try await supervisor.post(
                "/preferences/language", form: ["language": "ja", "back": "https://evil.example/"])
            XCTAssertEqual(chosen.status, .seeOther)
            XCTAssertEqual(chosen.headers.first(name: .location), "/", "never sent off-site")
            let again = try await supervisor.get("/").body.string
            XCTAssertContains(again, #"<html lang="ja" dir="ltr">"#)
            XCTAssertContains(again, "次にすること")
            XCTAssertContains(again, "あなたのチーム")
            let form = try XCTUnwrap(
                again.range(of: #"href="/forms/"#).map { range in
                    "/forms/" + again[range.upperBound...].prefix { $0 != "\"" }
                })
            let page = try await supervisor.get(form).body.string
            XCTAssertContains(page, #"<html lang="ja" dir="ltr">"#)
            XCTAssertContains(page, "回答を送信する")
        }
    }

    func test_theReleaseMail_isInTheAccountManagersChosenLanguage() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let accountManagerEmail = WebHarness.email(of: .accountManager, in: demo)
            let accountManager = BrowserSession(app: app)
            try await accountManager.signIn(accountManagerEmail)
            try await accountManager.get("/")
            try await accountManager.post("/preferences/language", form: ["language": "de", "back": "/"])
            let manager = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let cycle = try await AssessmentRoutesTests.openCycle(manager, name: "Jahresrunde")
            for from in ["open", "closed"] {
                try await manager.call(
                    .POST, "/api/v1/cycles/\(cycle)/advance", json: #"{"from": "\#(from)"}"#, expect: .ok)
            }
            let mails = try await OutboxRepository(database: app.db).recent(limit: 5000)
            let released = try XCTUnwrap(
                mails.first { $0.message.recipient == accountManagerEmail && $0.message.subject.contains("Bericht") })
            XCTAssertEqual(released.message.subject, "Jahresrunde: Ihr Bericht liegt vor")
            XCTAssertContains(released.message.body, "Ihre Führungskraft hat denselben Bericht")
            let others = mails.filter {
                $0.message.subject.hasPrefix("Jahresrunde: your report is ready")
            }
            XCTAssertFalse(others.isEmpty, "those who chose nothing get the default language, English")
        }
    }

    func test_aProgrammeManager_translatesAQuestion_andRewordingDropsItsTranslations() async throws {
        try await WebHarness.withDemoApp { app, demo in
            let client = Client(
                app: app, token: try await WebHarness.token(for: .programmeManager, app: app, demo: demo))
            let framework = try await FrameworkRepository(database: app.db).latestPublished(
                named: GlobalMobilityAccountManagerFramework.name)
            let today = CalendarDate.today
            let created = try await client.call(
                .POST, "/api/v1/cycles",
                json: """
                    {"name": "Draft review", "frameworkId": "\(try XCTUnwrap(framework).id)", "opensOn": "\(today)",
                     "closesOn": "\(today.adding(days: 21))"}
                    """, expect: .created)
            let cycle = try created.content.get(UUID.self, at: "id")
            let manager = BrowserSession(app: app)
            try await manager.signIn(WebHarness.email(of: .programmeManager, in: demo))
            let german = try await manager.get("/cycles/\(cycle)/questions?language=de").body.string
            XCTAssertContains(german, "German (35 of 35)")
            XCTAssertContains(german, #"name="language" value="de""#)

            let saved = try await manager.post(
                "/cycles/\(cycle)/questions",
                form: [
                    "code": "OM.1-a", "language": "de", "text": "Mein Account Manager bleibt dran, bis es gelöst ist.",
                ])
            XCTAssertEqual(saved.status, .seeOther)
            XCTAssertEqual(saved.headers.first(name: .location), "/cycles/\(cycle)/questions?language=de#q-OM.1-a")
            let refused = try await manager.post(
                "/cycles/\(cycle)/questions", form: ["code": "OM.1-a", "language": "xx", "text": "x"])
            XCTAssertEqual(refused.status, .badRequest)
            var questionnaire = try await CycleRepository(database: app.db).questionnaire(
                cycleID: cycle)
            XCTAssertEqual(
                questionnaire.questions.first { $0.code == "OM.1-a" }?.translations[.german],
                "Mein Account Manager bleibt dran, bis es gelöst ist.")

            try await manager.post(
                "/cycles/\(cycle)/questions",
                form: ["code": "OM.1-a", "text": "My account manager sees each request through."])
            questionnaire = try await CycleRepository(database: app.db).questionnaire(cycleID: cycle)
            XCTAssertEqual(questionnaire.questions.first { $0.code == "OM.1-a" }?.translations, [:])
            let after = try await manager.get("/cycles/\(cycle)/questions?language=de").body.string
            XCTAssertContains(after, "German (34 of 35)")
        }
    }
}

/// Keys derived from the values they name exist for every value.
final class MessageKeyTests: XCTestCase {
    func test_everyStatusRoleSourceAndAnswer_hasItsMessage() {
        let english = Localizer(.english)
        XCTAssertEqual(CycleStatus.allCases.map { english.text(StatusMessage($0)) }.count, CycleStatus.allCases.count)
        XCTAssertEqual(english.text(StatusMessage(ActionItem.Status.inProgress)), "in progress")
        XCTAssertEqual(Role.allCases.map { english.text(RoleMessage($0)) }.last, "Customer reviewer")
        XCTAssertEqual(RaterSource.allCases.map { PersonReportPage.sourceName($0, text: english) }.first, "Self")
        XCTAssertEqual(FrequencyAnswer.allCases.map { $0.label(in: english) }.last, "Don't know")
        XCTAssertEqual(FrameworkStatus.allCases.map { english.text(FrameworkMessage($0)) }.last, "Retired")
        XCTAssertEqual(Invitation.Status.allCases.map { english.text(CycleSubjectMessage($0)) }.last, "Revoked")
        XCTAssertEqual(RaterSource.allCases.map { english.text(CycleSubjectMessage(rating: $0)) }.last, "Customer")
        XCTAssertEqual(
            CycleStatus.allCases.map { CycleAdvancePage.title(for: $0, text: english) }.first, "Back to draft")
        XCTAssertEqual(
            ReferenceCaseKind.allCases.map { english.text(ParticipantMessage(kind: $0)) }.last, "Recorded role-play")
        XCTAssertEqual(
            CalibrationExerciseStatus.allCases.map { english.text(StatusMessage($0)) },
            ["in preparation", "open", "closed"])
        XCTAssertEqual(
            AgreementReading.allCases.map { english.text(CalibrationSetupMessage($0)) }.last,
            "Raters agree no better than chance.")
        XCTAssertEqual(OfferingFormat.allCases.map { english.text(CataloguePageMessage($0)) }.last, "Knowledge check")
        XCTAssertEqual(
            LearningPhase.allCases.map { english.text(CataloguePageMessage($0)) }.first, "Technical grounding")
        XCTAssertEqual(RoadmapItemStatus.allCases.map { english.text(RoadmapMessage($0)) }.last, "waived")
        XCTAssertEqual(
            [PassedOver.Why.formatSuitsLess, .otherLanguage, .coversLess, .longer].map {
                english.text(RoadmapMessage($0))
            }.count, 4)
        XCTAssertEqual(
            [Roadmap.Change.Kind.drafted, .approved, .statusChanged, .removed].map { english.text(RoadmapMessage($0)) }
                .first, "drafted, items:")
        for status in ["pending", "sent", "failed"] {
            XCTAssertNotNil(OutboxMessage(rawValue: "outbox.status.\(status)"))
        }
    }
}
