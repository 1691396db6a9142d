import AcumenCore
import AcumenStore
import Foundation
import Vapor

/// Role-play practice: on a role-play offering, a colleague or supervisor who watched someone
/// practise its scenario rates them on the competencies it exercises, with the assessment forms'
/// grid. The rating is evidence on the practising person's roadmap, never an assessment result.
struct PracticeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let people = routes.access(.permitted(DevelopmentPolicy.self, .enrol))
        people.get("catalogue", "offerings", ":offeringID", "practice", use: form)
        people.post("catalogue", "offerings", ":offeringID", "practice", use: record)
    }

    private func rolePlay(_ request: Request) async throws -> (Offering, UUID, FrameworkContent) {
        guard let id = request.parameters.get("offeringID", as: UUID.self),
            let offering = try await CatalogueController.load(request).offerings.first(where: { $0.id == id })
        else { throw AppError.notFound("That offering") }
        guard offering.format == .rolePlay, let frameworkID = offering.targets.first?.frameworkID else {
            throw AppError.badRequest("Practice is rated on role-play offerings that exercise a competency.")
        }
        let framework = try await FrameworkRepository(database: request.db).version(id: frameworkID).content
        return (offering, frameworkID, framework)
    }

    @Sendable func form(request: Request) async throws -> Response {
        let (offering, _, framework) = try await rolePlay(request)
        return PracticePage.render(
            offering: offering, framework: framework, fields: ["observedOn": CalendarDate.today.description],
            problems: [], context: PageContext(request)
        ).response()
    }

    @Sendable func record(request: Request) async throws -> Response {
        let (offering, frameworkID, framework) = try await rolePlay(request)
        let user = try request.requireUser()
        guard user.personID != nil else {
            throw AppError(.forbidden, code: "forbidden", message: "Only people of the organisation rate practice.")
        }
        let fields = try request.decodeForm([String: String].self)
        let codes = offering.targets.filter { $0.frameworkID == frameworkID }.map(\.competencyCode)
        let shown = framework.showing(codes)
        var problems: [ValidationProblem] = []
        let email = (fields["colleague"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let people = PeopleRepository(database: request.db)
        let colleague = email.isEmpty ? nil : try await people.personID(email: email)
        if colleague == nil {
            problems.append(
                ValidationProblem(location: "colleague", message: "give the e-mail of the colleague who practised"))
        } else if colleague == user.personID {
            problems.append(
                ValidationProblem(location: "colleague", message: "practice is rated by someone who watched it"))
        }
        let day = CalendarDate(fields["observedOn"] ?? "")
        let ratings = RaterFormFields.ratings(from: fields, framework: shown).filter {
            !$0.notObserved && ($0.observed.values.contains { !$0.isEmpty } || $0.overrideLevel != nil)
        }
        var drafts: [ObservationDraft] = []
        for rating in ratings {
            let draft = ObservationDraft(
                competencyCode: rating.competencyCode, setting: .rolePlay, observedOn: day, rating: rating,
                notes: (fields["notes"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines), nextSteps: "")
            problems += draft.problems(framework: framework, today: .today)
            drafts.append(draft)
        }
        if drafts.isEmpty && problems.isEmpty {
            problems.append(ValidationProblem(location: "observed", message: "tick the behaviours you saw"))
        }
        guard problems.isEmpty, let colleague, let day else {
            return PracticePage.render(
                offering: offering, framework: framework, fields: fields, problems: problems,
                context: PageContext(request)
            ).response(status: .unprocessableEntity)
        }
        let repository = ObservationRepository(database: request.db)
        for draft in drafts {
            guard let rating = draft.rating else { continue }
            try await repository.record(
                CoachingObservation(
                    personID: colleague, frameworkID: frameworkID, competencyCode: draft.competencyCode,
                    setting: .rolePlay, observedOn: day, observed: rating.observed, level: rating.level(in: framework),
                    notes: draft.notes, nextSteps: "", observerEmail: user.email),
                byUserID: user.id, on: .today, at: Date(), settlesReobservation: false)
        }
        request.flash(request.readersLocalizer.text(PracticeMessage.recorded, count: drafts.count))
        return request.redirect(to: SitePath.catalogueOffering.url(offering.id))
    }
}
