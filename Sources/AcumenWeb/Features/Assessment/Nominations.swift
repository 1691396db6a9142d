import AcumenCore
import AcumenStore
import Vapor

/// Adding raters and sending first links, shared by the pages and the API so that both follow
/// one set of rules.
struct Nominations {
    let request: Request
    let settings: AcumenSettings

    var links: RaterLinks {
        RaterLinks(database: request.db, baseURL: settings.publicBaseURL)
    }

    /// Adds a peer or (programme staff only) a customer for one account manager. The account
    /// manager's own proposals wait for approval; anyone else's are approved, and their link is
    /// sent at once when the cycle is open. Returns the invitation as it now stands.
    func nominate(cycle: AssessmentCycle, subjectID: UUID, email: String, source: RaterSource) async throws
        -> Invitation
    {
        let user = try request.requireUser()
        let people = PeopleRepository(database: request.db)
        let visible = try await people.visiblePersonIDs(for: user.viewer)
        guard
            AssessmentPolicy.allows(
                .nominatePeers, user.viewer,
                .subject(personID: subjectID, cycleStatus: cycle.status, inViewersLine: visible.includes(subjectID)))
        else {
            throw AppError.notFound("That person in this cycle")
        }
        if source != .peer && !AssessmentPolicy.mayAttempt(.runCycles, user.viewer) { throw AppError.forbidden }
        guard let raterID = try await people.personID(email: email.trimmingCharacters(in: .whitespaces).lowercased())
        else {
            throw AppError(
                .unprocessableEntity, code: "invalid",
                message: "Nobody with the email \(email) is in Acumen. Import them first, or check the spelling.",
                field: "email")
        }
        let approved = AssessmentPolicy.allows(
            .approvePeers, user.viewer,
            .subject(personID: subjectID, cycleStatus: cycle.status, inViewersLine: visible.includes(subjectID)))
        let invitations = InvitationRepository(database: request.db)
        let id = try await invitations.nominate(
            cycleID: cycle.id, subjectID: subjectID, raterPersonID: raterID, source: source, accountID: nil,
            nominatedBy: user.email, approved: approved)
        if approved && cycle.status == .open {
            try await links.send(try await invitations.invitation(id: id), cycle: cycle, today: .today)
        }
        return try await invitations.invitation(id: id)
    }

    /// Sends a link to every approved rater who has none yet; returns how many.
    func sendFirstLinks(cycle: AssessmentCycle) async throws -> Int {
        let pending = try await InvitationRepository(database: request.db).invitations(cycleID: cycle.id)
            .filter { $0.status == .approved && $0.issuedOn == nil }
        try await links.sendAll(pending, cycle: cycle, today: .today)
        return pending.count
    }
}
