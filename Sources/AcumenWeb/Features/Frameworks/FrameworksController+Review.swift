import AcumenCore
import AcumenStore
import Vapor

/// Champion review of a draft: named reviewers and their comments per competency.
extension FrameworksController {
    struct CommentForm: Content {
        var body: String
    }

    @Sendable func addComment(request: Request) async throws -> Response {
        let loaded = try await load(request)
        guard
            FrameworkPolicy.allows(
                .comment, loaded.user.viewer, .init(status: loaded.summary.status, viewerIsReviewer: loaded.isReviewer))
        else {
            throw AppError.forbidden
        }
        let (_, competency) = try competency(request, in: loaded)
        let form = try request.decodeForm(CommentForm.self)
        try await FrameworkRepository(database: request.db).addComment(
            frameworkID: loaded.summary.id, competencyID: competency.identifier, authorID: loaded.user.id,
            body: form.body)
        request.flash(request.readersLocalizer.text(FrameworkFlashMessage.commentAdded))
        return request.redirect(
            to: SitePath.frameworkCompetency.url(loaded.summary.id, competency.identifier) + "#comments")
    }

    @Sendable func resolveComment(request: Request) async throws -> Response {
        let loaded = try await loadForEditing(request)
        guard let commentID = request.parameters.get("commentID", as: UUID.self) else {
            throw AppError.notFound("That comment")
        }
        let repository = FrameworkRepository(database: request.db)
        let comment = try await repository.comments(frameworkID: loaded.summary.id).first { $0.id == commentID }
        guard let comment else { throw AppError.notFound("That comment") }
        try await repository.resolveComment(id: commentID, frameworkID: loaded.summary.id, by: loaded.user.id)
        request.flash(request.readersLocalizer.text(FrameworkFlashMessage.commentResolved))
        return request.redirect(
            to: SitePath.frameworkCompetency.url(loaded.summary.id, comment.competencyID) + "#comments")
    }

    struct ReviewerForm: Content {
        var email: String
    }

    @Sendable func addReviewer(request: Request) async throws -> Response {
        let loaded = try await loadDraftForEditing(request)
        let form = try request.decodeForm(ReviewerForm.self)
        guard let reviewer = try await UserRepository(database: request.db).user(email: form.email) else {
            throw AppError(
                .unprocessableEntity, code: "invalid",
                message: "No user has the email \(form.email); create the user first.",
                field: "email")
        }
        try await FrameworkRepository(database: request.db).addReviewer(
            frameworkID: loaded.summary.id, userID: reviewer.id)
        request.flash(request.readersLocalizer.text(FrameworkFlashMessage.reviewerAdded, ["email": reviewer.email]))
        return request.redirect(to: SitePath.framework.url(loaded.summary.id) + "#review")
    }
}
