import AcumenCore
import AcumenStore
import FluentKit
import Foundation
import Vapor

/// Verbal assessments: a supervisor (for the people in their line) or programme staff run a
/// verbal check's script with a person, score each answer on its rubric and tick on the level
/// standards what the person showed. It is kept as an attempt (scored, passed or not, which
/// completes the check on the roadmap) and as observations, the evidence it gives.
struct VerbalAssessmentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let assessors = routes.access(.permitted(KnowledgeCheckPolicy.self, .assess))
        assessors.get("checks", ":checkID", "verbal", use: form)
        assessors.post("checks", ":checkID", "verbal", use: record)
    }

    private struct Context {
        var stored: KnowledgeCheckRepository.StoredCheck
        var script: [BankQuestion]
        var people: [PersonSummary]
    }

    private func context(_ request: Request) async throws -> Context {
        let user = try request.requireUser()
        let stored = try await KnowledgeChecksController.check(request)
        guard stored.isVerbal, case .fixed(let ids) = stored.check.selection else {
            throw AppError(
                .conflict, code: "written_check", message: "This check is written: people take it themselves.")
        }
        let bank = Dictionary(
            try await QuestionBankRepository(database: request.db).latest().map { ($0.id, $0) }
        ) { first, _ in first }
        let people = try await PeopleRepository(database: request.db).people(visibleTo: user.viewer).filter {
            $0.id != user.personID && $0.organisationKind == .vendor && $0.status == .active
        }
        return Context(stored: stored, script: ids.compactMap { bank[$0] }, people: people)
    }

    private func framework(_ context: Context, personID: UUID?, database: any Database) async throws -> (
        UUID, FrameworkContent
    ) {
        let (id, content): (UUID, FrameworkContent)
        if let personID {
            (id, content) = try await ObservationController.framework(personID: personID, database: database)
        } else {
            guard let version = try await FrameworkRepository(database: database).developmentFramework() else {
                throw AppError.notFound("A published framework")
            }
            (id, content) = (version.summary.id, version.content)
        }
        return (id, content.showing(Array(Set(context.script.map(\.competencyCode))).sorted()))
    }

    @Sendable func form(request: Request) async throws -> Response {
        let context = try await context(request)
        let person = try? request.query.get(UUID.self, at: "person")
        let (_, framework) = try await framework(context, personID: person, database: request.db)
        return VerbalAssessmentPage.render(
            context.stored.check, script: context.script, people: context.people, framework: framework,
            fields: ["heldOn": CalendarDate.today.description, "person": person?.uuidString ?? ""], problems: [],
            context: PageContext(request)
        ).response()
    }

    @Sendable func record(request: Request) async throws -> Response {
        let user = try request.requireUser()
        let context = try await context(request)
        let fields = try request.decodeForm([String: String].self)
        var problems: [ValidationProblem] = []
        let person = UUID(uuidString: fields["person"] ?? "").flatMap { id in context.people.first { $0.id == id } }
        if person == nil {
            problems.append(ValidationProblem(location: "person", message: "choose someone you may assess"))
        }
        let heldOn = CalendarDate(fields["heldOn"] ?? "")
        if heldOn == nil || heldOn! > .today {
            problems.append(
                ValidationProblem(location: "heldOn", message: "give the day it was held, today or earlier"))
        }
        var steps: [UUID: Int] = [:]
        do {
            steps = try KnowledgeChecksController.steps(fields, script: context.script)
        } catch {
            problems.append(
                ValidationProblem(location: "steps", message: "choose one of the rubric's steps for each answer"))
        }
        if problems.isEmpty && steps.count < context.script.filter({ $0.kind == .scenario }).count {
            problems.append(
                ValidationProblem(location: "steps", message: "score every answer of the script on its rubric"))
        }
        let (frameworkID, framework) = try await framework(context, personID: person?.id, database: request.db)
        let ratings = RaterFormFields.ratings(from: fields, framework: framework).filter {
            !$0.notObserved && ($0.observed.values.contains { !$0.isEmpty } || $0.overrideLevel != nil)
        }
        if ratings.isEmpty {
            problems.append(ValidationProblem(location: "observed", message: "tick the behaviours the person showed"))
        }
        guard problems.isEmpty, let person, let heldOn else {
            return VerbalAssessmentPage.render(
                context.stored.check, script: context.script, people: context.people, framework: framework,
                fields: fields, problems: problems, context: PageContext(request)
            ).response(status: .unprocessableEntity)
        }
        let notes = (fields["notes"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let observations = ratings.map { rating in
            CoachingObservation(
                personID: person.id, frameworkID: frameworkID, competencyCode: rating.competencyCode,
                setting: .verbalAssessment, observedOn: heldOn, observed: rating.observed,
                level: rating.level(in: framework), notes: notes, nextSteps: "", observerEmail: user.email)
        }
        let answers = Dictionary(
            context.script.map {
                ($0.id, (fields[AttemptForm.fieldName($0.id)] ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
            }
        ) { first, _ in first }
        let passed = try await KnowledgeCheckUseCases(database: request.db).recordVerbal(
            context.stored, script: context.script, personID: person.id, steps: steps, answers: answers, notes: notes,
            observations: observations, assessorUserID: user.id, heldOn: heldOn)
        let text = request.readersLocalizer
        request.flash(
            text.text(
                KnowledgeCheckMessage.verbalRecorded,
                ["result": text.text(passed == true ? KnowledgeCheckMessage.passed : .notPassed)]))
        return request.redirect(to: SitePath.check.url(context.stored.check.id))
    }
}
